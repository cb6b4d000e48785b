/**
 * What the verifier says, in English, Dutch, French and German: data, not a dependency, since it
 * is bundled into the standalone verifier. VALID, INVALID and FAIL stay as they are in every
 * language, because the clerk's README tells the reader to look for them.
 */

export const languages = ['en', 'nl', 'fr', 'de'] as const;
export type Lang = (typeof languages)[number];

const en = {
  // Labels of the checks.
  readingSeal: 'Reading the seal',
  signingKey: 'Signing key',
  signature: 'Signature',
  canonical: 'Canonical form',
  keyFingerprint: 'Key fingerprint',
  expectedKey: 'Expected key',
  hearing: 'Hearing',
  masterOf: (segment: number) => `Master of segment ${segment}`,
  workingOf: (segment: number) => `Working copy of segment ${segment}`,
  writtenRecord: 'Written record',
  documentOf: (kind: string) => `Document (${kind})`,
  derivationOf: (name: string) => `${name} derivation`,
  rederivationOf: (name: string) => `${name} derived again`,
  auditLog: 'Audit log',
  auditChain: 'Audit log: chain',
  auditOwn: "Audit log: this hearing's entries",
  auditSealing: 'Audit log: sealing',

  // Why nothing could be checked.
  noFolder: (path: string) =>
    `There is no folder at ${path}. Give the path of the unpacked export folder.`,
  manifestMissing: (manifest: string) =>
    `${manifest} is missing: this is not a sealed hearing folder, or its seal was removed.`,
  manifestNotJson: (manifest: string) =>
    `${manifest} is not valid JSON, so nothing can be checked against it.`,
  manifestShape: (manifest: string, problem: string) =>
    `${manifest} cannot be read as a seal: ${problem}.`,
  shapeNotObject: 'it is not a JSON object',
  shapeFormat: (found: string, readable: string) =>
    `its format is ${found}, and this verifier reads ${readable} only; use the verifier delivered with the export`,
  shapeHearing: 'the hearing, its identifier or the sealing time is missing',
  shapeKey: 'the key fingerprint is missing',
  shapeAuditHead: 'the audit head is missing',
  shapeAuditEntries: "the list of the hearing's audit entries is missing",
  shapeRecordings: 'the list of recordings is missing',
  shapeMaster: 'a recording has no master file',
  shapeWorking: 'a working copy is incomplete',
  shapeDerivation: "a working copy's derivation is incomplete",
  shapeDocuments: 'the list of documents is missing',

  // Key and signature.
  publicKeyMissing: (pem: string) => `${pem} is missing: the signature cannot be checked.`,
  publicKeyNotEd25519: (pem: string, type: string) =>
    `${pem} holds a ${type} key, not the Ed25519 key a seal uses.`,
  publicKeyUnreadable: (pem: string) => `${pem} does not hold a readable public key.`,
  signatureMissing: (sig: string, manifest: string) =>
    `${sig} is missing: nothing shows that ${manifest} is genuine.`,
  signatureMalformed: (sig: string) =>
    `${sig} does not hold an Ed25519 signature (64 bytes written in base64).`,
  signatureValid: (manifest: string, pem: string) =>
    `${manifest} carries a valid Ed25519 signature made with the key in ${pem}.`,
  signatureInvalid: (manifest: string, sig: string, pem: string) =>
    `${manifest} does not match its signature in ${sig}: the manifest was changed after sealing, or it was signed with another key than the one in ${pem}.`,
  canonicalOk: (manifest: string) =>
    `${manifest} is written in canonical JSON (RFC 8785), as a seal is.`,
  canonicalNot: (manifest: string) =>
    `${manifest} is not written in canonical JSON (RFC 8785), as a seal is.`,
  fingerprintOk: (pem: string, fingerprint: string) =>
    `The key in ${pem} has the fingerprint the seal records: ${fingerprint}.`,
  fingerprintNot: (pem: string, expected: string, found: string) =>
    `The key in ${pem} is not the one the seal records: fingerprint expected ${expected}, found ${found}.`,
  expectedKeyOk: 'The seal was made with the key whose fingerprint you gave.',
  expectedKeyNot: (expected: string, found: string) =>
    `The seal was made with another key than the one you gave: expected ${expected}, found ${found}.`,
  fingerprintFileOk: (pem: string) => `It shows the fingerprint of ${pem}.`,
  fingerprintFileNot: (pem: string, found: string) =>
    `It does not show the fingerprint of ${pem} (${found}).`,

  // The hearing.
  hearingUnnamed: (id: string) =>
    `The seal is for hearing ${id}. The folder's name carries no hearing identifier to compare, so the audit entries identify the hearing.`,
  hearingOk: (id: string) => `The seal is for hearing ${id}, the hearing of this folder.`,
  hearingNot: (sealed: string, folder: string) =>
    `The seal is for hearing ${sealed}, but this folder is hearing ${folder}: the seal belongs to another hearing.`,

  // Files.
  fileNameNotPlain: (name: string) =>
    `The seal names the file ${name}, which is not a plain file name; it was not read.`,
  fileMissing: (label: string, size: number) =>
    `${label}: the file is missing (the seal records ${size} bytes).`,
  fileShorter: (label: string, expected: number, found: number) =>
    `${label}: size expected ${expected} bytes, found ${found}; the file is shorter: it was cut.`,
  fileLonger: (label: string, expected: number, found: number) =>
    `${label}: size expected ${expected} bytes, found ${found}; the file is longer: something was added.`,
  fileOk: (label: string, size: number, sha256: string) =>
    `${label}: ${size} bytes, SHA-256 ${sha256}, as sealed.`,
  fileChanged: (label: string, size: number, expected: string, found: string) =>
    `${label}: the content was changed (same size, ${size} bytes): SHA-256 expected ${expected}, found ${found}.`,

  // Working copies.
  derivationOk: (segment: number, tool: string) =>
    `The working copy of segment ${segment} was derived by ${tool} from this segment's master.`,
  derivationNot: (segment: number, input: string, master: string) =>
    `The working copy of segment ${segment} was derived from a file with SHA-256 ${input}, not from this segment's master (${master}).`,
  rederiveOk: (segment: number, tool: string) =>
    `The master of segment ${segment}, remuxed again with ${tool}, gives exactly the working copy, byte for byte.`,
  rederiveNot: (segment: number, at: number) =>
    `The working copy of segment ${segment} is not what its master derives to: they differ from byte ${at} on.`,
  rederiveSize: (segment: number, derived: number, found: number) =>
    `The working copy of segment ${segment} is not what its master derives to: the master derives to ${derived} bytes, the working copy has ${found}.`,
  rederiveFailed: (segment: number, reason: string) =>
    `The master of segment ${segment} cannot be remuxed (${reason}), so its working copy cannot be what it derives to.`,
  rederiveQuick: (segment: number) =>
    `Not done (--quick): the working copy of segment ${segment} was not derived again from its master; only its SHA-256 was checked.`,
  rederiveVersion: (segment: number, carried: string, sealed: string) =>
    `Not done: cannot re-derive the working copy of segment ${segment}: the verifier carries ${carried}, the seal names ${sealed}. Its SHA-256 was still checked. To re-derive, use a verifier that carries ${sealed}.`,
  rederiveMissingFile: (segment: number) =>
    `Not done: the working copy of segment ${segment} cannot be derived again, because the master or the working copy is missing or has the wrong size (see above).`,

  // The audit log.
  auditMissing: (audit: string) =>
    `${audit} is missing: the history of the hearing cannot be checked.`,
  auditBadLines: (audit: string, lines: number[]) =>
    `${audit}: ${listed(lines.map((n) => `line ${n}`))} ${lines.length === 1 ? 'is' : 'are'} not an audit entry.`,
  entryTwice: (seq: number) => `entry ${seq} appears twice`,
  entryOutOfPlace: (seq: number, after: number) =>
    `entry ${seq} is out of place: it comes after entry ${after}`,
  entryMissing: (seq: number) => `entry ${seq} is missing`,
  entriesMissing: (from: number, to: number) => `entries ${from} to ${to} are missing`,
  entryChanged: (seq: number) => `entry ${seq} was changed: its content no longer matches its hash`,
  entryUnlinked: (seq: number) =>
    `entry ${seq} does not follow entry ${seq - 1}: the link between them was changed`,
  headMissing: (seq: number) => `the entry the seal points to (entry ${seq}) is missing`,
  headDiffers: (seq: number, expected: string, found: string) =>
    `entry ${seq} is not the entry the seal points to: hash expected ${expected}, found ${found}`,
  chainOk: (last: number, head: number) =>
    `Entries 1 to ${last} form an unbroken hash chain through entry ${head}, the last one when the hearing was sealed.`,
  chainNot: (problems: string[]) => `The audit entries were tampered with: ${listed(problems)}.`,
  entryLeftOut: (seq: number) => `entry ${seq} is left out (only its links are present)`,
  entryDiffers: (seq: number) => `entry ${seq} differs from the one sealed`,
  entryOtherHearing: (seq: number, hearing: string) => `entry ${seq} is about hearing ${hearing}`,
  entryNotSealed: (seq: number) => `entry ${seq} is about this hearing but is not in the seal`,
  ownOk: (count: number) =>
    count === 1
      ? 'The one entry about this hearing up to the seal is present and unchanged.'
      : `All ${count} entries about this hearing up to the seal are present and unchanged.`,
  ownNot: (problems: string[]) =>
    `The entries about this hearing do not match the seal: ${listed(problems)}.`,
  sealingMissing: 'No audit entry records the sealing of this hearing.',
  sealingOk: (seq: number, manifest: string, sha256: string) =>
    `Entry ${seq} records the sealing, with the SHA-256 of this ${manifest} (${sha256}).`,
  sealingOther: (seq: number, expected: string, found: string) =>
    `Entry ${seq} records the sealing of another manifest: SHA-256 expected ${expected}, found ${found}.`,

  // The printed verdict.
  title: 'Hearing Room seal check',
  folder: 'Folder',
  hearingLine: 'Hearing',
  caseOf: (ref: string) => `case reference ${ref}`,
  sealedAt: 'Sealed at',
  fingerprintLine: 'Key fingerprint',
  compareFingerprint:
    'Compare it with the fingerprint held by the registry, or give it with --expect-key.',
  notCovered: (names: string) =>
    `Not covered by the seal (nothing vouches for these files): ${names}`,
  resultValid: (count: number) =>
    `Result: VALID. ${count === 1 ? 'The one check' : `All ${count} checks`} passed: the sealed files are exactly as they were when the hearing was sealed.`,
  resultValidPartly: (passed: number, notDone: string[]) =>
    `Result: VALID for what was checked: ${passed} ${passed === 1 ? 'check' : 'checks'} passed. Not done: ${notDone.join('; ')}.`,
  resultInvalid: (failed: number, count: number) =>
    `Result: INVALID. ${failed} of ${count} ${count === 1 ? 'check' : 'checks'} failed (marked FAIL above): something was changed after sealing, or the seal is not genuine. Do not rely on these files; report this to the magistrate in charge.`,
  resultUnreadable:
    'Result: CANNOT CHECK. The folder or its seal cannot be read (see FAIL above); nothing was verified.',
};

export type Catalog = typeof en;
/** A text in whichever language it is asked for. */
export type Text = (t: Catalog) => string;

const nl: Catalog = {
  readingSeal: 'De verzegeling lezen',
  signingKey: 'Ondertekeningssleutel',
  signature: 'Handtekening',
  canonical: 'Canonieke vorm',
  keyFingerprint: 'Sleutelvingerafdruk',
  expectedKey: 'Verwachte sleutel',
  hearing: 'Verhoor',
  masterOf: (segment) => `Master van segment ${segment}`,
  workingOf: (segment) => `Werkkopie van segment ${segment}`,
  writtenRecord: 'Proces-verbaal',
  documentOf: (kind) => `Document (${kind})`,
  derivationOf: (name) => `${name}: afleiding`,
  rederivationOf: (name) => `${name}: opnieuw afgeleid`,
  auditLog: 'Auditlog',
  auditChain: 'Auditlog: keten',
  auditOwn: 'Auditlog: regels van dit verhoor',
  auditSealing: 'Auditlog: verzegeling',

  noFolder: (path) => `Er is geen map op ${path}. Geef het pad van de uitgepakte exportmap.`,
  manifestMissing: (manifest) =>
    `${manifest} ontbreekt: dit is geen map van een verzegeld verhoor, of de verzegeling werd verwijderd.`,
  manifestNotJson: (manifest) =>
    `${manifest} is geen geldige JSON, dus niets kan ermee worden vergeleken.`,
  manifestShape: (manifest, problem) =>
    `${manifest} kan niet als verzegeling worden gelezen: ${problem}.`,
  shapeNotObject: 'het is geen JSON-object',
  shapeFormat: (found, readable) =>
    `het formaat is ${found}, en dit controleprogramma leest alleen ${readable}; gebruik het controleprogramma dat bij de export werd geleverd`,
  shapeHearing: 'het verhoor, zijn identificatie of het tijdstip van verzegeling ontbreekt',
  shapeKey: 'de sleutelvingerafdruk ontbreekt',
  shapeAuditHead: 'de laatste auditregel ontbreekt',
  shapeAuditEntries: 'de lijst van de auditregels van het verhoor ontbreekt',
  shapeRecordings: 'de lijst van opnames ontbreekt',
  shapeMaster: 'een opname heeft geen masterbestand',
  shapeWorking: 'een werkkopie is onvolledig',
  shapeDerivation: 'de afleiding van een werkkopie is onvolledig',
  shapeDocuments: 'de lijst van documenten ontbreekt',

  publicKeyMissing: (pem) => `${pem} ontbreekt: de handtekening kan niet worden gecontroleerd.`,
  publicKeyNotEd25519: (pem, type) =>
    `${pem} bevat een ${type}-sleutel, niet de Ed25519-sleutel van een verzegeling.`,
  publicKeyUnreadable: (pem) => `${pem} bevat geen leesbare publieke sleutel.`,
  signatureMissing: (sig, manifest) => `${sig} ontbreekt: niets toont aan dat ${manifest} echt is.`,
  signatureMalformed: (sig) => `${sig} bevat geen Ed25519-handtekening (64 bytes in base64).`,
  signatureValid: (manifest, pem) =>
    `${manifest} draagt een geldige Ed25519-handtekening, gemaakt met de sleutel in ${pem}.`,
  signatureInvalid: (manifest, sig, pem) =>
    `${manifest} komt niet overeen met zijn handtekening in ${sig}: het manifest werd na de verzegeling gewijzigd, of het werd ondertekend met een andere sleutel dan die in ${pem}.`,
  canonicalOk: (manifest) =>
    `${manifest} is in canonieke JSON (RFC 8785) geschreven, zoals een verzegeling.`,
  canonicalNot: (manifest) =>
    `${manifest} is niet in canonieke JSON (RFC 8785) geschreven, zoals een verzegeling wel is.`,
  fingerprintOk: (pem, fingerprint) =>
    `De sleutel in ${pem} heeft de vingerafdruk die de verzegeling vermeldt: ${fingerprint}.`,
  fingerprintNot: (pem, expected, found) =>
    `De sleutel in ${pem} is niet die van de verzegeling: vingerafdruk verwacht ${expected}, gevonden ${found}.`,
  expectedKeyOk: 'De verzegeling werd gemaakt met de sleutel waarvan u de vingerafdruk gaf.',
  expectedKeyNot: (expected, found) =>
    `De verzegeling werd gemaakt met een andere sleutel dan die u gaf: verwacht ${expected}, gevonden ${found}.`,
  fingerprintFileOk: (pem) => `Het toont de vingerafdruk van ${pem}.`,
  fingerprintFileNot: (pem, found) => `Het toont niet de vingerafdruk van ${pem} (${found}).`,

  hearingUnnamed: (id) =>
    `De verzegeling is voor verhoor ${id}. De naam van de map bevat geen identificatie om te vergelijken, dus de auditregels identificeren het verhoor.`,
  hearingOk: (id) => `De verzegeling is voor verhoor ${id}, het verhoor van deze map.`,
  hearingNot: (sealed, folder) =>
    `De verzegeling is voor verhoor ${sealed}, maar deze map is verhoor ${folder}: de verzegeling hoort bij een ander verhoor.`,

  fileNameNotPlain: (name) =>
    `De verzegeling noemt het bestand ${name}, wat geen gewone bestandsnaam is; het werd niet gelezen.`,
  fileMissing: (label, size) =>
    `${label}: het bestand ontbreekt (de verzegeling vermeldt ${size} bytes).`,
  fileShorter: (label, expected, found) =>
    `${label}: grootte verwacht ${expected} bytes, gevonden ${found}; het bestand is korter: het werd ingekort.`,
  fileLonger: (label, expected, found) =>
    `${label}: grootte verwacht ${expected} bytes, gevonden ${found}; het bestand is langer: er werd iets toegevoegd.`,
  fileOk: (label, size, sha256) => `${label}: ${size} bytes, SHA-256 ${sha256}, zoals verzegeld.`,
  fileChanged: (label, size, expected, found) =>
    `${label}: de inhoud werd gewijzigd (zelfde grootte, ${size} bytes): SHA-256 verwacht ${expected}, gevonden ${found}.`,

  derivationOk: (segment, tool) =>
    `De werkkopie van segment ${segment} werd door ${tool} afgeleid van de master van dit segment.`,
  derivationNot: (segment, input, master) =>
    `De werkkopie van segment ${segment} werd afgeleid van een bestand met SHA-256 ${input}, niet van de master van dit segment (${master}).`,
  rederiveOk: (segment, tool) =>
    `De master van segment ${segment}, opnieuw geremuxt met ${tool}, geeft precies de werkkopie, byte voor byte.`,
  rederiveNot: (segment, at) =>
    `De werkkopie van segment ${segment} is niet wat uit haar master volgt: ze verschillen vanaf byte ${at}.`,
  rederiveSize: (segment, derived, found) =>
    `De werkkopie van segment ${segment} is niet wat uit haar master volgt: de master geeft ${derived} bytes, de werkkopie heeft er ${found}.`,
  rederiveFailed: (segment, reason) =>
    `De master van segment ${segment} kan niet worden geremuxt (${reason}), dus de werkkopie kan er niet uit volgen.`,
  rederiveQuick: (segment) =>
    `Niet gedaan (--quick): de werkkopie van segment ${segment} werd niet opnieuw van haar master afgeleid; alleen haar SHA-256 werd gecontroleerd.`,
  rederiveVersion: (segment, carried, sealed) =>
    `Niet gedaan: de werkkopie van segment ${segment} kan niet opnieuw worden afgeleid: het controleprogramma bevat ${carried}, de verzegeling noemt ${sealed}. Haar SHA-256 werd wel gecontroleerd. Gebruik een controleprogramma met ${sealed} om opnieuw af te leiden.`,
  rederiveMissingFile: (segment) =>
    `Niet gedaan: de werkkopie van segment ${segment} kan niet opnieuw worden afgeleid, omdat de master of de werkkopie ontbreekt of de verkeerde grootte heeft (zie hierboven).`,

  auditMissing: (audit) =>
    `${audit} ontbreekt: de geschiedenis van het verhoor kan niet worden gecontroleerd.`,
  auditBadLines: (audit, lines) =>
    `${audit}: ${listed(lines.map((n) => `regel ${n}`))} ${lines.length === 1 ? 'is' : 'zijn'} geen auditregel.`,
  entryTwice: (seq) => `regel ${seq} komt twee keer voor`,
  entryOutOfPlace: (seq, after) =>
    `regel ${seq} staat niet op zijn plaats: hij komt na regel ${after}`,
  entryMissing: (seq) => `regel ${seq} ontbreekt`,
  entriesMissing: (from, to) => `regels ${from} tot ${to} ontbreken`,
  entryChanged: (seq) =>
    `regel ${seq} werd gewijzigd: zijn inhoud komt niet meer overeen met zijn hash`,
  entryUnlinked: (seq) =>
    `regel ${seq} volgt niet op regel ${seq - 1}: de koppeling tussen beide werd gewijzigd`,
  headMissing: (seq) => `de regel waarnaar de verzegeling verwijst (regel ${seq}) ontbreekt`,
  headDiffers: (seq, expected, found) =>
    `regel ${seq} is niet de regel waarnaar de verzegeling verwijst: hash verwacht ${expected}, gevonden ${found}`,
  chainOk: (last, head) =>
    `Regels 1 tot ${last} vormen een ononderbroken hashketen tot en met regel ${head}, de laatste bij de verzegeling.`,
  chainNot: (problems) => `Er werd met de auditregels geknoeid: ${listed(problems)}.`,
  entryLeftOut: (seq) => `regel ${seq} is weggelaten (alleen zijn koppelingen zijn aanwezig)`,
  entryDiffers: (seq) => `regel ${seq} verschilt van de verzegelde`,
  entryOtherHearing: (seq, hearing) => `regel ${seq} gaat over verhoor ${hearing}`,
  entryNotSealed: (seq) => `regel ${seq} gaat over dit verhoor maar staat niet in de verzegeling`,
  ownOk: (count) =>
    count === 1
      ? 'De enige regel over dit verhoor tot de verzegeling is aanwezig en ongewijzigd.'
      : `Alle ${count} regels over dit verhoor tot de verzegeling zijn aanwezig en ongewijzigd.`,
  ownNot: (problems) =>
    `De regels over dit verhoor komen niet overeen met de verzegeling: ${listed(problems)}.`,
  sealingMissing: 'Geen auditregel vermeldt de verzegeling van dit verhoor.',
  sealingOk: (seq, manifest, sha256) =>
    `Regel ${seq} vermeldt de verzegeling, met de SHA-256 van dit ${manifest} (${sha256}).`,
  sealingOther: (seq, expected, found) =>
    `Regel ${seq} vermeldt de verzegeling van een ander manifest: SHA-256 verwacht ${expected}, gevonden ${found}.`,

  title: 'Hearing Room: controle van de verzegeling',
  folder: 'Map',
  hearingLine: 'Verhoor',
  caseOf: (ref) => `notitienummer ${ref}`,
  sealedAt: 'Verzegeld op',
  fingerprintLine: 'Sleutelvingerafdruk',
  compareFingerprint:
    'Vergelijk ze met de vingerafdruk die de griffie bewaart, of geef ze met --expect-key.',
  notCovered: (names) =>
    `Niet gedekt door de verzegeling (niets staat in voor deze bestanden): ${names}`,
  resultValid: (count) =>
    `Resultaat: VALID (geldig). ${count === 1 ? 'De enige controle is' : `Alle ${count} controles`} geslaagd: de verzegelde bestanden zijn precies zoals bij de verzegeling.`,
  resultValidPartly: (passed, notDone) =>
    `Resultaat: VALID (geldig) voor wat werd gecontroleerd: ${passed} ${passed === 1 ? 'controle' : 'controles'} geslaagd. Niet gedaan: ${notDone.join('; ')}.`,
  resultInvalid: (failed, count) =>
    `Resultaat: INVALID (ongeldig). ${failed} van ${count} ${count === 1 ? 'controle' : 'controles'} mislukt (hierboven met FAIL gemarkeerd): er werd na de verzegeling iets gewijzigd, of de verzegeling is niet echt. Vertrouw deze bestanden niet en verwittig de bevoegde magistraat.`,
  resultUnreadable:
    'Resultaat: CONTROLE ONMOGELIJK. De map of haar verzegeling kan niet worden gelezen (zie FAIL hierboven); niets werd gecontroleerd.',
};

const fr: Catalog = {
  readingSeal: 'Lecture du scellement',
  signingKey: 'Clé de signature',
  signature: 'Signature',
  canonical: 'Forme canonique',
  keyFingerprint: 'Empreinte de clé',
  expectedKey: 'Clé attendue',
  hearing: 'Audition',
  masterOf: (segment) => `Original du segment ${segment}`,
  workingOf: (segment) => `Copie de travail du segment ${segment}`,
  writtenRecord: 'Procès-verbal',
  documentOf: (kind) => `Document (${kind})`,
  derivationOf: (name) => `${name} : dérivation`,
  rederivationOf: (name) => `${name} : dérivé à nouveau`,
  auditLog: "Journal d'audit",
  auditChain: "Journal d'audit : chaîne",
  auditOwn: "Journal d'audit : entrées de cette audition",
  auditSealing: "Journal d'audit : scellement",

  noFolder: (path) =>
    `Il n'y a pas de dossier à ${path}. Indiquez le chemin du dossier d'export décompressé.`,
  manifestMissing: (manifest) =>
    `${manifest} est absent : ce n'est pas le dossier d'une audition scellée, ou son scellement a été retiré.`,
  manifestNotJson: (manifest) =>
    `${manifest} n'est pas du JSON valide : rien ne peut être vérifié par rapport à lui.`,
  manifestShape: (manifest, problem) => `${manifest} ne peut être lu comme un scellement : ${problem}.`,
  shapeNotObject: "ce n'est pas un objet JSON",
  shapeFormat: (found, readable) =>
    `son format est ${found}, et ce vérificateur ne lit que ${readable} ; utilisez le vérificateur livré avec l'export`,
  shapeHearing: "l'audition, son identifiant ou l'heure du scellement manque",
  shapeKey: "l'empreinte de clé manque",
  shapeAuditHead: "la dernière entrée d'audit manque",
  shapeAuditEntries: "la liste des entrées d'audit de l'audition manque",
  shapeRecordings: 'la liste des enregistrements manque',
  shapeMaster: "un enregistrement n'a pas de fichier original",
  shapeWorking: 'une copie de travail est incomplète',
  shapeDerivation: "la dérivation d'une copie de travail est incomplète",
  shapeDocuments: 'la liste des documents manque',

  publicKeyMissing: (pem) => `${pem} est absent : la signature ne peut être vérifiée.`,
  publicKeyNotEd25519: (pem, type) =>
    `${pem} contient une clé ${type}, et non la clé Ed25519 d'un scellement.`,
  publicKeyUnreadable: (pem) => `${pem} ne contient pas de clé publique lisible.`,
  signatureMissing: (sig, manifest) =>
    `${sig} est absent : rien ne montre que ${manifest} est authentique.`,
  signatureMalformed: (sig) =>
    `${sig} ne contient pas de signature Ed25519 (64 octets écrits en base64).`,
  signatureValid: (manifest, pem) =>
    `${manifest} porte une signature Ed25519 valide, faite avec la clé de ${pem}.`,
  signatureInvalid: (manifest, sig, pem) =>
    `${manifest} ne correspond pas à sa signature dans ${sig} : le manifeste a été modifié après le scellement, ou il a été signé avec une autre clé que celle de ${pem}.`,
  canonicalOk: (manifest) =>
    `${manifest} est écrit en JSON canonique (RFC 8785), comme l'est un scellement.`,
  canonicalNot: (manifest) =>
    `${manifest} n'est pas écrit en JSON canonique (RFC 8785), comme l'est un scellement.`,
  fingerprintOk: (pem, fingerprint) =>
    `La clé de ${pem} a l'empreinte que le scellement indique : ${fingerprint}.`,
  fingerprintNot: (pem, expected, found) =>
    `La clé de ${pem} n'est pas celle que le scellement indique : empreinte attendue ${expected}, trouvée ${found}.`,
  expectedKeyOk: "Le scellement a été fait avec la clé dont vous avez donné l'empreinte.",
  expectedKeyNot: (expected, found) =>
    `Le scellement a été fait avec une autre clé que celle que vous avez donnée : attendue ${expected}, trouvée ${found}.`,
  fingerprintFileOk: (pem) => `Il montre l'empreinte de ${pem}.`,
  fingerprintFileNot: (pem, found) => `Il ne montre pas l'empreinte de ${pem} (${found}).`,

  hearingUnnamed: (id) =>
    `Le scellement concerne l'audition ${id}. Le nom du dossier ne porte pas d'identifiant à comparer : les entrées d'audit identifient l'audition.`,
  hearingOk: (id) => `Le scellement concerne l'audition ${id}, celle de ce dossier.`,
  hearingNot: (sealed, folder) =>
    `Le scellement concerne l'audition ${sealed}, mais ce dossier est l'audition ${folder} : le scellement appartient à une autre audition.`,

  fileNameNotPlain: (name) =>
    `Le scellement nomme le fichier ${name}, qui n'est pas un simple nom de fichier ; il n'a pas été lu.`,
  fileMissing: (label, size) =>
    `${label} : le fichier est absent (le scellement indique ${size} octets).`,
  fileShorter: (label, expected, found) =>
    `${label} : taille attendue ${expected} octets, trouvée ${found} ; le fichier est plus court : il a été tronqué.`,
  fileLonger: (label, expected, found) =>
    `${label} : taille attendue ${expected} octets, trouvée ${found} ; le fichier est plus long : quelque chose a été ajouté.`,
  fileOk: (label, size, sha256) => `${label} : ${size} octets, SHA-256 ${sha256}, comme scellé.`,
  fileChanged: (label, size, expected, found) =>
    `${label} : le contenu a été modifié (même taille, ${size} octets) : SHA-256 attendu ${expected}, trouvé ${found}.`,

  derivationOk: (segment, tool) =>
    `La copie de travail du segment ${segment} a été dérivée par ${tool} de l'original de ce segment.`,
  derivationNot: (segment, input, master) =>
    `La copie de travail du segment ${segment} a été dérivée d'un fichier de SHA-256 ${input}, et non de l'original de ce segment (${master}).`,
  rederiveOk: (segment, tool) =>
    `L'original du segment ${segment}, remultiplexé à nouveau avec ${tool}, donne exactement la copie de travail, octet pour octet.`,
  rederiveNot: (segment, at) =>
    `La copie de travail du segment ${segment} n'est pas ce que son original donne : elles diffèrent à partir de l'octet ${at}.`,
  rederiveSize: (segment, derived, found) =>
    `La copie de travail du segment ${segment} n'est pas ce que son original donne : l'original donne ${derived} octets, la copie de travail en a ${found}.`,
  rederiveFailed: (segment, reason) =>
    `L'original du segment ${segment} ne peut être remultiplexé (${reason}) : sa copie de travail ne peut donc pas en être dérivée.`,
  rederiveQuick: (segment) =>
    `Non fait (--quick) : la copie de travail du segment ${segment} n'a pas été dérivée à nouveau de son original ; seul son SHA-256 a été vérifié.`,
  rederiveVersion: (segment, carried, sealed) =>
    `Non fait : impossible de dériver à nouveau la copie de travail du segment ${segment} : le vérificateur contient ${carried}, le scellement indique ${sealed}. Son SHA-256 a tout de même été vérifié. Pour dériver à nouveau, utilisez un vérificateur qui contient ${sealed}.`,
  rederiveMissingFile: (segment) =>
    `Non fait : la copie de travail du segment ${segment} ne peut être dérivée à nouveau, car l'original ou la copie de travail est absent ou n'a pas la bonne taille (voir plus haut).`,

  auditMissing: (audit) => `${audit} est absent : l'historique de l'audition ne peut être vérifié.`,
  auditBadLines: (audit, lines) =>
    `${audit} : ${listed(lines.map((n) => `ligne ${n}`))} ${lines.length === 1 ? "n'est pas une entrée" : 'ne sont pas des entrées'} d'audit.`,
  entryTwice: (seq) => `l'entrée ${seq} apparaît deux fois`,
  entryOutOfPlace: (seq, after) =>
    `l'entrée ${seq} n'est pas à sa place : elle vient après l'entrée ${after}`,
  entryMissing: (seq) => `l'entrée ${seq} manque`,
  entriesMissing: (from, to) => `les entrées ${from} à ${to} manquent`,
  entryChanged: (seq) =>
    `l'entrée ${seq} a été modifiée : son contenu ne correspond plus à son empreinte`,
  entryUnlinked: (seq) =>
    `l'entrée ${seq} ne suit pas l'entrée ${seq - 1} : le lien entre elles a été modifié`,
  headMissing: (seq) => `l'entrée que désigne le scellement (entrée ${seq}) manque`,
  headDiffers: (seq, expected, found) =>
    `l'entrée ${seq} n'est pas celle que désigne le scellement : empreinte attendue ${expected}, trouvée ${found}`,
  chainOk: (last, head) =>
    `Les entrées 1 à ${last} forment une chaîne d'empreintes ininterrompue jusqu'à l'entrée ${head}, la dernière lors du scellement.`,
  chainNot: (problems) => `Les entrées d'audit ont été altérées : ${listed(problems)}.`,
  entryLeftOut: (seq) => `l'entrée ${seq} est omise (seuls ses liens sont présents)`,
  entryDiffers: (seq) => `l'entrée ${seq} diffère de celle qui a été scellée`,
  entryOtherHearing: (seq, hearing) => `l'entrée ${seq} concerne l'audition ${hearing}`,
  entryNotSealed: (seq) =>
    `l'entrée ${seq} concerne cette audition mais ne figure pas dans le scellement`,
  ownOk: (count) =>
    count === 1
      ? "L'unique entrée concernant cette audition jusqu'au scellement est présente et inchangée."
      : `Les ${count} entrées concernant cette audition jusqu'au scellement sont présentes et inchangées.`,
  ownNot: (problems) =>
    `Les entrées concernant cette audition ne correspondent pas au scellement : ${listed(problems)}.`,
  sealingMissing: "Aucune entrée d'audit n'enregistre le scellement de cette audition.",
  sealingOk: (seq, manifest, sha256) =>
    `L'entrée ${seq} enregistre le scellement, avec le SHA-256 de ce ${manifest} (${sha256}).`,
  sealingOther: (seq, expected, found) =>
    `L'entrée ${seq} enregistre le scellement d'un autre manifeste : SHA-256 attendu ${expected}, trouvé ${found}.`,

  title: 'Hearing Room : vérification du scellement',
  folder: 'Dossier',
  hearingLine: 'Audition',
  caseOf: (ref) => `numéro de notice ${ref}`,
  sealedAt: 'Scellée le',
  fingerprintLine: 'Empreinte de clé',
  compareFingerprint:
    "Comparez-la avec l'empreinte conservée par le greffe, ou donnez-la avec --expect-key.",
  notCovered: (names) => `Non couverts par le scellement (rien ne garantit ces fichiers) : ${names}`,
  resultValid: (count) =>
    `Résultat : VALID (valide). ${count === 1 ? "L'unique contrôle a réussi" : `Les ${count} contrôles ont réussi`} : les fichiers scellés sont exactement tels qu'ils étaient lors du scellement.`,
  resultValidPartly: (passed, notDone) =>
    `Résultat : VALID (valide) pour ce qui a été vérifié : ${passed} ${passed < 2 ? 'contrôle réussi' : 'contrôles réussis'}. Non fait : ${notDone.join(' ; ')}.`,
  resultInvalid: (failed, count) =>
    `Résultat : INVALID (non valide). ${failed} ${failed < 2 ? 'contrôle' : 'contrôles'} sur ${count} ${failed < 2 ? 'a échoué' : 'ont échoué'} (marqués FAIL ci-dessus) : quelque chose a été modifié après le scellement, ou le scellement n'est pas authentique. Ne vous fiez pas à ces fichiers ; avertissez le magistrat compétent.`,
  resultUnreadable:
    "Résultat : VÉRIFICATION IMPOSSIBLE. Le dossier ou son scellement ne peut être lu (voir FAIL ci-dessus) ; rien n'a été vérifié.",
};

const de: Catalog = {
  readingSeal: 'Lesen des Siegels',
  signingKey: 'Signaturschlüssel',
  signature: 'Signatur',
  canonical: 'Kanonische Form',
  keyFingerprint: 'Schlüssel-Fingerabdruck',
  expectedKey: 'Erwarteter Schlüssel',
  hearing: 'Vernehmung',
  masterOf: (segment) => `Original von Segment ${segment}`,
  workingOf: (segment) => `Arbeitskopie von Segment ${segment}`,
  writtenRecord: 'Protokoll',
  documentOf: (kind) => `Dokument (${kind})`,
  derivationOf: (name) => `${name}: Ableitung`,
  rederivationOf: (name) => `${name}: erneut abgeleitet`,
  auditLog: 'Prüfpfad',
  auditChain: 'Prüfpfad: Kette',
  auditOwn: 'Prüfpfad: Einträge dieser Vernehmung',
  auditSealing: 'Prüfpfad: Versiegelung',

  noFolder: (path) =>
    `Unter ${path} gibt es keinen Ordner. Geben Sie den Pfad des entpackten Exportordners an.`,
  manifestMissing: (manifest) =>
    `${manifest} fehlt: dies ist kein Ordner einer versiegelten Vernehmung, oder ihr Siegel wurde entfernt.`,
  manifestNotJson: (manifest) =>
    `${manifest} ist kein gültiges JSON, daher kann nichts damit abgeglichen werden.`,
  manifestShape: (manifest, problem) =>
    `${manifest} kann nicht als Siegel gelesen werden: ${problem}.`,
  shapeNotObject: 'es ist kein JSON-Objekt',
  shapeFormat: (found, readable) =>
    `sein Format ist ${found}, und dieses Prüfprogramm liest nur ${readable}; verwenden Sie das mit dem Export gelieferte Prüfprogramm`,
  shapeHearing: 'die Vernehmung, ihre Kennung oder der Zeitpunkt der Versiegelung fehlt',
  shapeKey: 'der Schlüssel-Fingerabdruck fehlt',
  shapeAuditHead: 'der letzte Eintrag des Prüfpfads fehlt',
  shapeAuditEntries: 'die Liste der Einträge der Vernehmung im Prüfpfad fehlt',
  shapeRecordings: 'die Liste der Aufnahmen fehlt',
  shapeMaster: 'eine Aufnahme hat keine Originaldatei',
  shapeWorking: 'eine Arbeitskopie ist unvollständig',
  shapeDerivation: 'die Ableitung einer Arbeitskopie ist unvollständig',
  shapeDocuments: 'die Liste der Dokumente fehlt',

  publicKeyMissing: (pem) => `${pem} fehlt: die Signatur kann nicht geprüft werden.`,
  publicKeyNotEd25519: (pem, type) =>
    `${pem} enthält einen ${type}-Schlüssel, nicht den Ed25519-Schlüssel eines Siegels.`,
  publicKeyUnreadable: (pem) => `${pem} enthält keinen lesbaren öffentlichen Schlüssel.`,
  signatureMissing: (sig, manifest) => `${sig} fehlt: nichts belegt, dass ${manifest} echt ist.`,
  signatureMalformed: (sig) => `${sig} enthält keine Ed25519-Signatur (64 Bytes in Base64).`,
  signatureValid: (manifest, pem) =>
    `${manifest} trägt eine gültige Ed25519-Signatur, erstellt mit dem Schlüssel in ${pem}.`,
  signatureInvalid: (manifest, sig, pem) =>
    `${manifest} passt nicht zu seiner Signatur in ${sig}: das Manifest wurde nach der Versiegelung verändert, oder es wurde mit einem anderen Schlüssel als dem in ${pem} signiert.`,
  canonicalOk: (manifest) =>
    `${manifest} ist in kanonischem JSON (RFC 8785) geschrieben, wie ein Siegel.`,
  canonicalNot: (manifest) =>
    `${manifest} ist nicht in kanonischem JSON (RFC 8785) geschrieben, wie es ein Siegel ist.`,
  fingerprintOk: (pem, fingerprint) =>
    `Der Schlüssel in ${pem} hat den Fingerabdruck, den das Siegel nennt: ${fingerprint}.`,
  fingerprintNot: (pem, expected, found) =>
    `Der Schlüssel in ${pem} ist nicht der, den das Siegel nennt: Fingerabdruck erwartet ${expected}, gefunden ${found}.`,
  expectedKeyOk:
    'Das Siegel wurde mit dem Schlüssel erstellt, dessen Fingerabdruck Sie angegeben haben.',
  expectedKeyNot: (expected, found) =>
    `Das Siegel wurde mit einem anderen Schlüssel als dem angegebenen erstellt: erwartet ${expected}, gefunden ${found}.`,
  fingerprintFileOk: (pem) => `Sie zeigt den Fingerabdruck von ${pem}.`,
  fingerprintFileNot: (pem, found) => `Sie zeigt nicht den Fingerabdruck von ${pem} (${found}).`,

  hearingUnnamed: (id) =>
    `Das Siegel gilt der Vernehmung ${id}. Der Ordnername enthält keine Kennung zum Vergleich, daher bestimmen die Einträge des Prüfpfads die Vernehmung.`,
  hearingOk: (id) => `Das Siegel gilt der Vernehmung ${id}, der Vernehmung dieses Ordners.`,
  hearingNot: (sealed, folder) =>
    `Das Siegel gilt der Vernehmung ${sealed}, aber dieser Ordner ist die Vernehmung ${folder}: das Siegel gehört zu einer anderen Vernehmung.`,

  fileNameNotPlain: (name) =>
    `Das Siegel nennt die Datei ${name}, die kein einfacher Dateiname ist; sie wurde nicht gelesen.`,
  fileMissing: (label, size) => `${label}: die Datei fehlt (das Siegel nennt ${size} Bytes).`,
  fileShorter: (label, expected, found) =>
    `${label}: Größe erwartet ${expected} Bytes, gefunden ${found}; die Datei ist kürzer: sie wurde abgeschnitten.`,
  fileLonger: (label, expected, found) =>
    `${label}: Größe erwartet ${expected} Bytes, gefunden ${found}; die Datei ist länger: etwas wurde hinzugefügt.`,
  fileOk: (label, size, sha256) => `${label}: ${size} Bytes, SHA-256 ${sha256}, wie versiegelt.`,
  fileChanged: (label, size, expected, found) =>
    `${label}: der Inhalt wurde verändert (gleiche Größe, ${size} Bytes): SHA-256 erwartet ${expected}, gefunden ${found}.`,

  derivationOk: (segment, tool) =>
    `Die Arbeitskopie von Segment ${segment} wurde von ${tool} aus dem Original dieses Segments abgeleitet.`,
  derivationNot: (segment, input, master) =>
    `Die Arbeitskopie von Segment ${segment} wurde aus einer Datei mit SHA-256 ${input} abgeleitet, nicht aus dem Original dieses Segments (${master}).`,
  rederiveOk: (segment, tool) =>
    `Das Original von Segment ${segment}, erneut mit ${tool} umverpackt, ergibt genau die Arbeitskopie, Byte für Byte.`,
  rederiveNot: (segment, at) =>
    `Die Arbeitskopie von Segment ${segment} ist nicht das, was sich aus ihrem Original ergibt: sie weichen ab Byte ${at} voneinander ab.`,
  rederiveSize: (segment, derived, found) =>
    `Die Arbeitskopie von Segment ${segment} ist nicht das, was sich aus ihrem Original ergibt: das Original ergibt ${derived} Bytes, die Arbeitskopie hat ${found}.`,
  rederiveFailed: (segment, reason) =>
    `Das Original von Segment ${segment} kann nicht umverpackt werden (${reason}), also kann seine Arbeitskopie nicht daraus hervorgehen.`,
  rederiveQuick: (segment) =>
    `Nicht durchgeführt (--quick): die Arbeitskopie von Segment ${segment} wurde nicht erneut aus ihrem Original abgeleitet; nur ihr SHA-256 wurde geprüft.`,
  rederiveVersion: (segment, carried, sealed) =>
    `Nicht durchgeführt: die Arbeitskopie von Segment ${segment} kann nicht erneut abgeleitet werden: das Prüfprogramm enthält ${carried}, das Siegel nennt ${sealed}. Ihr SHA-256 wurde dennoch geprüft. Zum erneuten Ableiten verwenden Sie ein Prüfprogramm mit ${sealed}.`,
  rederiveMissingFile: (segment) =>
    `Nicht durchgeführt: die Arbeitskopie von Segment ${segment} kann nicht erneut abgeleitet werden, weil das Original oder die Arbeitskopie fehlt oder die falsche Größe hat (siehe oben).`,

  auditMissing: (audit) => `${audit} fehlt: der Verlauf der Vernehmung kann nicht geprüft werden.`,
  auditBadLines: (audit, lines) =>
    `${audit}: ${listed(lines.map((n) => `Zeile ${n}`))} ${lines.length === 1 ? 'ist kein Eintrag' : 'sind keine Einträge'} des Prüfpfads.`,
  entryTwice: (seq) => `Eintrag ${seq} kommt zweimal vor`,
  entryOutOfPlace: (seq, after) =>
    `Eintrag ${seq} steht nicht an seinem Platz: er folgt auf Eintrag ${after}`,
  entryMissing: (seq) => `Eintrag ${seq} fehlt`,
  entriesMissing: (from, to) => `Einträge ${from} bis ${to} fehlen`,
  entryChanged: (seq) =>
    `Eintrag ${seq} wurde verändert: sein Inhalt passt nicht mehr zu seinem Hash`,
  entryUnlinked: (seq) =>
    `Eintrag ${seq} folgt nicht auf Eintrag ${seq - 1}: die Verkettung wurde verändert`,
  headMissing: (seq) => `der Eintrag, auf den das Siegel verweist (Eintrag ${seq}), fehlt`,
  headDiffers: (seq, expected, found) =>
    `Eintrag ${seq} ist nicht der Eintrag, auf den das Siegel verweist: Hash erwartet ${expected}, gefunden ${found}`,
  chainOk: (last, head) =>
    `Die Einträge 1 bis ${last} bilden eine lückenlose Hash-Kette bis Eintrag ${head}, dem letzten bei der Versiegelung.`,
  chainNot: (problems) => `Die Einträge des Prüfpfads wurden manipuliert: ${listed(problems)}.`,
  entryLeftOut: (seq) => `Eintrag ${seq} ist ausgelassen (nur seine Verkettung ist vorhanden)`,
  entryDiffers: (seq) => `Eintrag ${seq} weicht vom versiegelten ab`,
  entryOtherHearing: (seq, hearing) => `Eintrag ${seq} betrifft die Vernehmung ${hearing}`,
  entryNotSealed: (seq) => `Eintrag ${seq} betrifft diese Vernehmung, steht aber nicht im Siegel`,
  ownOk: (count) =>
    count === 1
      ? 'Der einzige Eintrag zu dieser Vernehmung bis zur Versiegelung ist vorhanden und unverändert.'
      : `Alle ${count} Einträge zu dieser Vernehmung bis zur Versiegelung sind vorhanden und unverändert.`,
  ownNot: (problems) =>
    `Die Einträge zu dieser Vernehmung stimmen nicht mit dem Siegel überein: ${listed(problems)}.`,
  sealingMissing: 'Kein Eintrag des Prüfpfads verzeichnet die Versiegelung dieser Vernehmung.',
  sealingOk: (seq, manifest, sha256) =>
    `Eintrag ${seq} verzeichnet die Versiegelung, mit dem SHA-256 dieses ${manifest} (${sha256}).`,
  sealingOther: (seq, expected, found) =>
    `Eintrag ${seq} verzeichnet die Versiegelung eines anderen Manifests: SHA-256 erwartet ${expected}, gefunden ${found}.`,

  title: 'Hearing Room: Prüfung des Siegels',
  folder: 'Ordner',
  hearingLine: 'Vernehmung',
  caseOf: (ref) => `Aktenzeichen ${ref}`,
  sealedAt: 'Versiegelt am',
  fingerprintLine: 'Schlüssel-Fingerabdruck',
  compareFingerprint:
    'Vergleichen Sie ihn mit dem bei der Kanzlei hinterlegten Fingerabdruck, oder geben Sie ihn mit --expect-key an.',
  notCovered: (names) => `Nicht vom Siegel abgedeckt (nichts bürgt für diese Dateien): ${names}`,
  resultValid: (count) =>
    `Ergebnis: VALID (gültig). ${count === 1 ? 'Die einzige Prüfung' : `Alle ${count} Prüfungen`} bestanden: die versiegelten Dateien sind genau so, wie sie bei der Versiegelung waren.`,
  resultValidPartly: (passed, notDone) =>
    `Ergebnis: VALID (gültig) für das Geprüfte: ${passed} ${passed === 1 ? 'Prüfung' : 'Prüfungen'} bestanden. Nicht durchgeführt: ${notDone.join('; ')}.`,
  resultInvalid: (failed, count) =>
    `Ergebnis: INVALID (ungültig). ${failed} von ${count} ${count === 1 ? 'Prüfung' : 'Prüfungen'} fehlgeschlagen (oben mit FAIL markiert): nach der Versiegelung wurde etwas verändert, oder das Siegel ist nicht echt. Verlassen Sie sich nicht auf diese Dateien; benachrichtigen Sie den zuständigen Magistrat.`,
  resultUnreadable:
    'Ergebnis: PRÜFUNG NICHT MÖGLICH. Der Ordner oder sein Siegel kann nicht gelesen werden (siehe FAIL oben); nichts wurde geprüft.',
};

export const catalogs: Record<Lang, Catalog> = { en, nl, fr, de };

/** The text in every language: a check carries all four, so any of them can be printed. */
export function inEveryLanguage(text: Text): Record<Lang, string> {
  return { en: text(en), nl: text(nl), fr: text(fr), de: text(de) };
}

/** The language of `LC_ALL`, `LC_MESSAGES` or `LANG` (as `nl_BE.UTF-8`), when it is one of ours. */
export function languageFromEnvironment(env: Record<string, string | undefined>): Lang {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (!value) continue;
    const code = value.slice(0, 2).toLowerCase();
    return (languages as readonly string[]).includes(code) ? (code as Lang) : 'en';
  }
  return 'en';
}

const maxProblemsListed = 12;

function listed(items: string[]): string {
  const shown = items.slice(0, maxProblemsListed).join('; ');
  return items.length > maxProblemsListed
    ? `${shown}; … (+${items.length - maxProblemsListed})`
    : shown;
}
