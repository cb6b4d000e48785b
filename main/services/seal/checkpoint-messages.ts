/**
 * What the verifier and the app say about checkpoints of the audit log, in English, Dutch, French
 * and German. Data, like messages.ts, since it is bundled into the standalone verifier.
 */
import type { Lang } from './messages';

const en = {
  // Labels of the checks.
  ownCheckpoint: "This export's checkpoint",
  ownCheckpointHead: "This export's checkpoint: audit log",
  earlierCheckpoint: 'Earlier checkpoint',
  anchoring: 'Anchoring: the log extends the earlier checkpoint',

  // This export's own checkpoint.
  ownMissing: (file: string) =>
    `Not done: this export carries no ${file} (exports made before checkpoints carry none), so it cannot anchor a later check.`,
  ownUnreadable: (file: string, problem: string) => `${file} cannot be read as a checkpoint: ${problem}.`,
  ownSignatureMissing: (sig: string, file: string) =>
    `${sig} is missing: nothing shows that ${file} was signed by the installation.`,
  ownSignatureValid: (file: string, pem: string, at: string) =>
    `${file} (signed at ${at}) carries a valid Ed25519 signature made with the key in ${pem}.`,
  ownSignatureInvalid: (file: string, sig: string, pem: string) =>
    `${file} does not match its signature in ${sig}, made with the key in ${pem}: the checkpoint was changed or forged.`,
  ownKeyOther: (file: string, named: string, found: string) =>
    `${file} names the key ${named}, but this export's key is ${found}.`,
  noKey: (pem: string) => `The key in ${pem} cannot be read, so no checkpoint signature can be checked.`,
  ownHeadOk: (entries: number, head: string) =>
    `The checkpoint vouches for entries 1 to ${entries} of the audit log, ending in hash ${head}: exactly the entries this export carries.`,
  ownHeadCount: (entries: number, found: number) =>
    `The checkpoint vouches for ${entries} entries, but this export's audit log has ${found}.`,
  ownHeadHash: (entries: number, expected: string, found: string) =>
    `Entry ${entries} of this export's audit log has hash ${found}, not the hash ${expected} the checkpoint vouches for.`,
  ownBeforeSeal: (entries: number, sealed: number) =>
    `The checkpoint vouches for ${entries} entries, fewer than the ${sealed} the seal already points to.`,

  // The earlier checkpoint.
  earlierOk: (entries: number, at: string, fingerprint: string) =>
    `The earlier checkpoint (entries 1 to ${entries}, signed at ${at}) carries a valid signature of the key ${fingerprint}, the key of this export.`,
  earlierForged: (entries: number, at: string) =>
    `The earlier checkpoint (entries 1 to ${entries}, dated ${at}) does not match its signature: it was changed or forged. Ask the registry for the checkpoint it kept.`,
  earlierOtherKey: (named: string, found: string) =>
    `The earlier checkpoint was signed with the key ${named}, this log with the key ${found}: the installation's key was changed, or the installation was replaced. Nothing before the earlier checkpoint can be vouched for by this log.`,
  earlierSignatureMalformed:
    'The signature of the earlier checkpoint is not an Ed25519 signature (64 bytes written in base64).',

  // Anchoring.
  anchorNotChecked:
    'Not done: the anchoring was not checked. Give the checkpoint the registry kept from an earlier export (--checkpoint <earlier export folder or its checkpoint.json>) to know that nothing sealed before it was deleted or rewritten.',
  anchorOk: (entries: number, head: string, total: number) =>
    `The first ${entries} entries of this log hash to the earlier checkpoint's head (${head}): nothing before it was deleted or rewritten. This log has ${total} entries.`,
  anchorShorter: (entries: number, found: number) =>
    `History was deleted: the earlier checkpoint vouches for ${entries} entries, this log has only ${found}.`,
  anchorRewritten: (entries: number, expected: string, found: string) =>
    `History was deleted or rewritten: entry ${entries} of this log has hash ${found}, the earlier checkpoint vouches for ${expected}. Entries up to ${entries} are not the ones the earlier checkpoint covered.`,
  anchorFirstDifference: (seq: number) =>
    `The first entry that differs from the earlier export is entry ${seq}: from there on, entries were deleted, replaced or re-hashed.`,
  anchorBroken: (seq: number) =>
    `The log itself is broken at entry ${seq}, before the earlier checkpoint: it cannot extend it.`,

  // Reading a checkpoint.
  notJson: 'it is not valid JSON',
  notCheckpoint: (format: string) =>
    `it is not a checkpoint of the audit log (${format}: an object with format, entries, head, at and key)`,
  notCanonical: 'it is not written in canonical JSON (RFC 8785), as a checkpoint is',
};

export type CheckpointCatalog = typeof en;
export type CheckpointText = (t: CheckpointCatalog) => string;

const nl: CheckpointCatalog = {
  ownCheckpoint: 'Controlepunt van deze export',
  ownCheckpointHead: 'Controlepunt van deze export: auditlog',
  earlierCheckpoint: 'Eerder controlepunt',
  anchoring: 'Verankering: het log zet het eerdere controlepunt voort',

  ownMissing: (file) =>
    `Niet uitgevoerd: deze export bevat geen ${file} (exports van vóór de controlepunten bevatten er geen), dus hij kan geen latere controle verankeren.`,
  ownUnreadable: (file, problem) => `${file} kan niet als controlepunt worden gelezen: ${problem}.`,
  ownSignatureMissing: (sig, file) =>
    `${sig} ontbreekt: niets toont aan dat ${file} door de installatie werd ondertekend.`,
  ownSignatureValid: (file, pem, at) =>
    `${file} (ondertekend op ${at}) draagt een geldige Ed25519-handtekening, gemaakt met de sleutel in ${pem}.`,
  ownSignatureInvalid: (file, sig, pem) =>
    `${file} komt niet overeen met zijn handtekening in ${sig}, gemaakt met de sleutel in ${pem}: het controlepunt werd gewijzigd of vervalst.`,
  ownKeyOther: (file, named, found) =>
    `${file} noemt de sleutel ${named}, maar de sleutel van deze export is ${found}.`,
  noKey: (pem) => `De sleutel in ${pem} kan niet worden gelezen, dus geen enkele handtekening van een controlepunt kan worden gecontroleerd.`,
  ownHeadOk: (entries, head) =>
    `Het controlepunt staat in voor de items 1 tot ${entries} van het auditlog, eindigend op hash ${head}: precies de items die deze export bevat.`,
  ownHeadCount: (entries, found) =>
    `Het controlepunt staat in voor ${entries} items, maar het auditlog van deze export heeft er ${found}.`,
  ownHeadHash: (entries, expected, found) =>
    `Item ${entries} van het auditlog van deze export heeft hash ${found}, niet de hash ${expected} waarvoor het controlepunt instaat.`,
  ownBeforeSeal: (entries, sealed) =>
    `Het controlepunt staat in voor ${entries} items, minder dan de ${sealed} waarnaar de verzegeling al verwijst.`,

  earlierOk: (entries, at, fingerprint) =>
    `Het eerdere controlepunt (items 1 tot ${entries}, ondertekend op ${at}) draagt een geldige handtekening van de sleutel ${fingerprint}, de sleutel van deze export.`,
  earlierForged: (entries, at) =>
    `Het eerdere controlepunt (items 1 tot ${entries}, gedateerd ${at}) komt niet overeen met zijn handtekening: het werd gewijzigd of vervalst. Vraag de griffie om het controlepunt dat zij bewaarde.`,
  earlierOtherKey: (named, found) =>
    `Het eerdere controlepunt werd ondertekend met de sleutel ${named}, dit log met de sleutel ${found}: de sleutel van de installatie werd gewijzigd, of de installatie werd vervangen. Dit log kan voor niets van vóór het eerdere controlepunt instaan.`,
  earlierSignatureMalformed:
    'De handtekening van het eerdere controlepunt is geen Ed25519-handtekening (64 bytes in base64).',

  anchorNotChecked:
    'Niet uitgevoerd: de verankering werd niet gecontroleerd. Geef het controlepunt dat de griffie van een eerdere export bewaarde (--checkpoint <eerdere exportmap of haar checkpoint.json>) om te weten dat niets wat daarvoor werd verzegeld, werd verwijderd of herschreven.',
  anchorOk: (entries, head, total) =>
    `De eerste ${entries} items van dit log leiden tot de laatste hash van het eerdere controlepunt (${head}): niets daarvoor werd verwijderd of herschreven. Dit log heeft ${total} items.`,
  anchorShorter: (entries, found) =>
    `Geschiedenis werd verwijderd: het eerdere controlepunt staat in voor ${entries} items, dit log heeft er maar ${found}.`,
  anchorRewritten: (entries, expected, found) =>
    `Geschiedenis werd verwijderd of herschreven: item ${entries} van dit log heeft hash ${found}, het eerdere controlepunt staat in voor ${expected}. De items tot ${entries} zijn niet die welke het eerdere controlepunt dekte.`,
  anchorFirstDifference: (seq) =>
    `Het eerste item dat verschilt van de eerdere export is item ${seq}: vanaf daar werden items verwijderd, vervangen of opnieuw gehasht.`,
  anchorBroken: (seq) =>
    `Het log zelf is gebroken bij item ${seq}, vóór het eerdere controlepunt: het kan dat niet voortzetten.`,

  notJson: 'het is geen geldig JSON',
  notCheckpoint: (format) =>
    `het is geen controlepunt van het auditlog (${format}: een object met format, entries, head, at en key)`,
  notCanonical: 'het is niet in canonieke JSON (RFC 8785) geschreven, zoals een controlepunt',
};

const fr: CheckpointCatalog = {
  ownCheckpoint: 'Point de contrôle de cet export',
  ownCheckpointHead: "Point de contrôle de cet export : journal d'audit",
  earlierCheckpoint: 'Point de contrôle antérieur',
  anchoring: 'Ancrage : le journal prolonge le point de contrôle antérieur',

  ownMissing: (file) =>
    `Non effectué : cet export ne contient pas de ${file} (les exports antérieurs aux points de contrôle n'en contiennent pas) ; il ne peut donc pas ancrer une vérification ultérieure.`,
  ownUnreadable: (file, problem) => `${file} ne peut pas être lu comme un point de contrôle : ${problem}.`,
  ownSignatureMissing: (sig, file) =>
    `${sig} est absent : rien ne montre que ${file} a été signé par l'installation.`,
  ownSignatureValid: (file, pem, at) =>
    `${file} (signé le ${at}) porte une signature Ed25519 valide, faite avec la clé de ${pem}.`,
  ownSignatureInvalid: (file, sig, pem) =>
    `${file} ne correspond pas à sa signature dans ${sig}, faite avec la clé de ${pem} : le point de contrôle a été modifié ou falsifié.`,
  ownKeyOther: (file, named, found) =>
    `${file} désigne la clé ${named}, mais la clé de cet export est ${found}.`,
  noKey: (pem) => `La clé de ${pem} ne peut pas être lue ; aucune signature de point de contrôle ne peut donc être vérifiée.`,
  ownHeadOk: (entries, head) =>
    `Le point de contrôle couvre les entrées 1 à ${entries} du journal d'audit, se terminant par l'empreinte ${head} : exactement les entrées que contient cet export.`,
  ownHeadCount: (entries, found) =>
    `Le point de contrôle couvre ${entries} entrées, mais le journal d'audit de cet export en compte ${found}.`,
  ownHeadHash: (entries, expected, found) =>
    `L'entrée ${entries} du journal d'audit de cet export a l'empreinte ${found}, et non l'empreinte ${expected} que couvre le point de contrôle.`,
  ownBeforeSeal: (entries, sealed) =>
    `Le point de contrôle couvre ${entries} entrées, moins que les ${sealed} auxquelles le scellement renvoie déjà.`,

  earlierOk: (entries, at, fingerprint) =>
    `Le point de contrôle antérieur (entrées 1 à ${entries}, signé le ${at}) porte une signature valide de la clé ${fingerprint}, la clé de cet export.`,
  earlierForged: (entries, at) =>
    `Le point de contrôle antérieur (entrées 1 à ${entries}, daté du ${at}) ne correspond pas à sa signature : il a été modifié ou falsifié. Demandez au greffe le point de contrôle qu'il a conservé.`,
  earlierOtherKey: (named, found) =>
    `Le point de contrôle antérieur a été signé avec la clé ${named}, ce journal avec la clé ${found} : la clé de l'installation a été changée, ou l'installation a été remplacée. Ce journal ne peut garantir rien de ce qui précède le point de contrôle antérieur.`,
  earlierSignatureMalformed:
    "La signature du point de contrôle antérieur n'est pas une signature Ed25519 (64 octets écrits en base64).",

  anchorNotChecked:
    "Non effectué : l'ancrage n'a pas été vérifié. Donnez le point de contrôle que le greffe a conservé d'un export antérieur (--checkpoint <dossier de l'export antérieur ou son checkpoint.json>) pour savoir que rien de ce qui a été scellé avant lui n'a été supprimé ou réécrit.",
  anchorOk: (entries, head, total) =>
    `Les ${entries} premières entrées de ce journal aboutissent à l'empreinte finale du point de contrôle antérieur (${head}) : rien de ce qui le précède n'a été supprimé ou réécrit. Ce journal compte ${total} entrées.`,
  anchorShorter: (entries, found) =>
    `De l'historique a été supprimé : le point de contrôle antérieur couvre ${entries} entrées, ce journal n'en compte que ${found}.`,
  anchorRewritten: (entries, expected, found) =>
    `De l'historique a été supprimé ou réécrit : l'entrée ${entries} de ce journal a l'empreinte ${found}, le point de contrôle antérieur couvre ${expected}. Les entrées jusqu'à ${entries} ne sont pas celles que couvrait le point de contrôle antérieur.`,
  anchorFirstDifference: (seq) =>
    `La première entrée qui diffère de l'export antérieur est l'entrée ${seq} : à partir de là, des entrées ont été supprimées, remplacées ou recalculées.`,
  anchorBroken: (seq) =>
    `Le journal lui-même est rompu à l'entrée ${seq}, avant le point de contrôle antérieur : il ne peut pas le prolonger.`,

  notJson: "ce n'est pas du JSON valide",
  notCheckpoint: (format) =>
    `ce n'est pas un point de contrôle du journal d'audit (${format} : un objet avec format, entries, head, at et key)`,
  notCanonical: "il n'est pas écrit en JSON canonique (RFC 8785), comme l'est un point de contrôle",
};

const de: CheckpointCatalog = {
  ownCheckpoint: 'Kontrollpunkt dieses Exports',
  ownCheckpointHead: 'Kontrollpunkt dieses Exports: Prüfpfad',
  earlierCheckpoint: 'Früherer Kontrollpunkt',
  anchoring: 'Verankerung: der Prüfpfad setzt den früheren Kontrollpunkt fort',

  ownMissing: (file) =>
    `Nicht durchgeführt: dieser Export enthält keine ${file} (Exporte aus der Zeit vor den Kontrollpunkten enthalten keine), daher kann er keine spätere Prüfung verankern.`,
  ownUnreadable: (file, problem) => `${file} kann nicht als Kontrollpunkt gelesen werden: ${problem}.`,
  ownSignatureMissing: (sig, file) =>
    `${sig} fehlt: nichts zeigt, dass ${file} von der Installation signiert wurde.`,
  ownSignatureValid: (file, pem, at) =>
    `${file} (signiert am ${at}) trägt eine gültige Ed25519-Signatur, erstellt mit dem Schlüssel in ${pem}.`,
  ownSignatureInvalid: (file, sig, pem) =>
    `${file} stimmt nicht mit seiner Signatur in ${sig} überein, erstellt mit dem Schlüssel in ${pem}: der Kontrollpunkt wurde verändert oder gefälscht.`,
  ownKeyOther: (file, named, found) =>
    `${file} nennt den Schlüssel ${named}, aber der Schlüssel dieses Exports ist ${found}.`,
  noKey: (pem) => `Der Schlüssel in ${pem} kann nicht gelesen werden, daher kann keine Signatur eines Kontrollpunkts geprüft werden.`,
  ownHeadOk: (entries, head) =>
    `Der Kontrollpunkt bürgt für die Einträge 1 bis ${entries} des Prüfpfads, endend mit dem Hash ${head}: genau die Einträge, die dieser Export enthält.`,
  ownHeadCount: (entries, found) =>
    `Der Kontrollpunkt bürgt für ${entries} Einträge, aber der Prüfpfad dieses Exports hat ${found}.`,
  ownHeadHash: (entries, expected, found) =>
    `Eintrag ${entries} des Prüfpfads dieses Exports hat den Hash ${found}, nicht den Hash ${expected}, für den der Kontrollpunkt bürgt.`,
  ownBeforeSeal: (entries, sealed) =>
    `Der Kontrollpunkt bürgt für ${entries} Einträge, weniger als die ${sealed}, auf die das Siegel bereits verweist.`,

  earlierOk: (entries, at, fingerprint) =>
    `Der frühere Kontrollpunkt (Einträge 1 bis ${entries}, signiert am ${at}) trägt eine gültige Signatur des Schlüssels ${fingerprint}, des Schlüssels dieses Exports.`,
  earlierForged: (entries, at) =>
    `Der frühere Kontrollpunkt (Einträge 1 bis ${entries}, datiert ${at}) stimmt nicht mit seiner Signatur überein: er wurde verändert oder gefälscht. Fragen Sie die Kanzlei nach dem Kontrollpunkt, den sie aufbewahrt hat.`,
  earlierOtherKey: (named, found) =>
    `Der frühere Kontrollpunkt wurde mit dem Schlüssel ${named} signiert, dieser Prüfpfad mit dem Schlüssel ${found}: der Schlüssel der Installation wurde gewechselt, oder die Installation wurde ersetzt. Dieser Prüfpfad kann für nichts vor dem früheren Kontrollpunkt bürgen.`,
  earlierSignatureMalformed:
    'Die Signatur des früheren Kontrollpunkts ist keine Ed25519-Signatur (64 Bytes in Base64).',

  anchorNotChecked:
    'Nicht durchgeführt: die Verankerung wurde nicht geprüft. Geben Sie den Kontrollpunkt an, den die Kanzlei von einem früheren Export aufbewahrt hat (--checkpoint <früherer Exportordner oder dessen checkpoint.json>), um zu wissen, dass nichts, was davor versiegelt wurde, gelöscht oder umgeschrieben wurde.',
  anchorOk: (entries, head, total) =>
    `Die ersten ${entries} Einträge dieses Prüfpfads führen zum letzten Hash des früheren Kontrollpunkts (${head}): nichts davor wurde gelöscht oder umgeschrieben. Dieser Prüfpfad hat ${total} Einträge.`,
  anchorShorter: (entries, found) =>
    `Verlauf wurde gelöscht: der frühere Kontrollpunkt bürgt für ${entries} Einträge, dieser Prüfpfad hat nur ${found}.`,
  anchorRewritten: (entries, expected, found) =>
    `Verlauf wurde gelöscht oder umgeschrieben: Eintrag ${entries} dieses Prüfpfads hat den Hash ${found}, der frühere Kontrollpunkt bürgt für ${expected}. Die Einträge bis ${entries} sind nicht die, die der frühere Kontrollpunkt abdeckte.`,
  anchorFirstDifference: (seq) =>
    `Der erste Eintrag, der vom früheren Export abweicht, ist Eintrag ${seq}: ab dort wurden Einträge gelöscht, ersetzt oder neu gehasht.`,
  anchorBroken: (seq) =>
    `Der Prüfpfad selbst ist bei Eintrag ${seq} unterbrochen, vor dem früheren Kontrollpunkt: es kann ihn nicht fortsetzen.`,

  notJson: 'es ist kein gültiges JSON',
  notCheckpoint: (format) =>
    `es ist kein Kontrollpunkt des Prüfpfads (${format}: ein Objekt mit format, entries, head, at und key)`,
  notCanonical: 'er ist nicht in kanonischem JSON (RFC 8785) geschrieben, wie ein Kontrollpunkt',
};

export const checkpointCatalogs: Record<Lang, CheckpointCatalog> = { en, nl, fr, de };
