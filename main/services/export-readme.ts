import { sealFiles } from './seal/format';
import { checkpointFiles } from './seal/checkpoints';

export interface ReadmeFacts {
  caseReference: string;
  hearingId: string;
  sealedAt: string;
  /** Lowercase hex; shown in groups of four. */
  keyFingerprint: string;
  verifierSha256: string;
  /** The media and document files of the export, with their kind. */
  files: Array<{
    name: string;
    kind:
      | 'master'
      | 'working'
      | 'written-record'
      | 'unsealed-written-record'
      | 'document'
      | 'addendum'
      | 'addendum-signature';
  }>;
  /** Whether the export carries a checkpoint of the audit log (checkpoint.json and checkpoint.sig). */
  checkpoint?: boolean;
}

type Kind =
  | ReadmeFacts['files'][number]['kind']
  | 'manifest'
  | 'signature'
  | 'publicKey'
  | 'fingerprint'
  | 'audit'
  | 'verifier';

interface Language {
  heading: string;
  filesTitle: string;
  kinds: Record<Kind, string>;
  checkTitle: string;
  install: string;
  valid: string;
  invalid: string;
  /** Why and how to give the key's fingerprint, ending before the command. */
  expectKey: string;
  /** What stands in for the fingerprint in the command. */
  fingerprintPlaceholder: string;
  afterExpectKey: string;
  quick: string;
  manualTitle: string;
  manual: string;
}

const languages: Language[] = [
  {
    heading: 'ENGLISH',
    filesTitle: 'What these files are',
    kinds: {
      master: 'the recording as it was captured (the master); never changed',
      working: 'a copy of the master rearranged so that players can seek; same pictures and sound',
      'written-record': 'the written record of the hearing',
      document: 'a document of the hearing, covered by the seal',
      'unsealed-written-record':
        'the written record of the hearing, made after sealing: the seal does not cover it',
      manifest:
        "the seal: the hearing's record, and the size and SHA-256 fingerprint of every file",
      signature: 'the digital signature of manifest.json (Ed25519)',
      publicKey: 'the key that checks the signature',
      fingerprint: 'the fingerprint of that key',
      audit: 'the history of the hearing (who did what, when), each entry linked to the one before',
      verifier: 'a small program that checks all of the above',
      addendum:
        'an addendum: annotations added after the seal, kept apart from it; it names the seal and the addendum before it (the program checks each one separately)',
      'addendum-signature':
        'the digital signature of that addendum (Ed25519, the same key as the seal)',
    },
    checkTitle: 'How to check',
    install:
      'Install Node.js (version 20 or later, https://nodejs.org), open a terminal in this folder and type:',
    valid: 'VALID: every file is exactly as it was when the hearing was sealed.',
    invalid:
      'INVALID: something was changed after sealing, or the seal is not genuine; the lines marked FAIL say what and where. Do not rely on the files; tell the magistrate in charge.',
    expectKey:
      'The program shows the fingerprint of the key that made the seal. A valid seal made with another key proves nothing, and a fingerprint found in this folder comes with the folder: obtain the installation\'s fingerprint from the registry, by another channel than this export, and give it to the program, which then checks it (FAIL "Expected key" if the seal was made with another key):',
    fingerprintPlaceholder: '<fingerprint>',
    afterExpectKey: 'The spaces in the fingerprint do not matter.',
    quick:
      'The program also derives each working copy again from its master and compares them byte for byte; for long recordings that takes a while. --quick skips it (the result then says it was not done). --lang en, nl, fr or de chooses the language of the result.',
    manualTitle: 'Without the program',
    manual:
      "Each file's SHA-256 can be compared with manifest.json using any tool (sha256sum <file>, or certutil -hashfile <file> SHA256 on Windows), and the signature checked with OpenSSL 3:",
  },
  {
    heading: 'NEDERLANDS',
    filesTitle: 'Wat deze bestanden zijn',
    kinds: {
      master: 'de opname zoals ze werd gemaakt (de master); nooit gewijzigd',
      working:
        'een kopie van de master, herschikt zodat spelers kunnen vooruit- en terugspoelen; zelfde beeld en geluid',
      'written-record': 'het proces-verbaal van het verhoor',
      document: 'een document van het verhoor, gedekt door de verzegeling',
      'unsealed-written-record':
        'het proces-verbaal van het verhoor, opgesteld na de verzegeling: de verzegeling dekt het niet',
      manifest:
        'de verzegeling: de gegevens van het verhoor, en de grootte en SHA-256-vingerafdruk van elk bestand',
      signature: 'de digitale handtekening van manifest.json (Ed25519)',
      publicKey: 'de sleutel waarmee de handtekening wordt gecontroleerd',
      fingerprint: 'de vingerafdruk van die sleutel',
      audit:
        'de geschiedenis van het verhoor (wie deed wat, wanneer), elke regel gekoppeld aan de vorige',
      verifier: 'een klein programma dat dit alles controleert',
      addendum:
        'een addendum: annotaties toegevoegd na de verzegeling, apart ervan bewaard; het noemt de verzegeling en het vorige addendum (het programma controleert elk apart)',
      'addendum-signature':
        'de digitale handtekening van dat addendum (Ed25519, dezelfde sleutel als de verzegeling)',
    },
    checkTitle: 'Controleren',
    install:
      'Installeer Node.js (versie 20 of later, https://nodejs.org), open een terminal in deze map en typ:',
    valid: 'VALID (geldig): elk bestand is precies zoals het was bij de verzegeling.',
    invalid:
      'INVALID (ongeldig): er werd na de verzegeling iets gewijzigd, of de verzegeling is niet echt; de regels met FAIL zeggen wat en waar. Vertrouw de bestanden niet en verwittig de bevoegde magistraat.',
    expectKey:
      'Het programma toont de vingerafdruk van de sleutel waarmee werd verzegeld. Een geldige verzegeling met een andere sleutel bewijst niets, en een vingerafdruk in deze map komt met de map mee: vraag de vingerafdruk van de installatie aan de griffie, langs een ander kanaal dan deze export, en geef ze aan het programma, dat ze dan controleert (FAIL "Expected key" als met een andere sleutel werd verzegeld):',
    fingerprintPlaceholder: '<vingerafdruk>',
    afterExpectKey: 'De spaties in de vingerafdruk doen er niet toe.',
    quick:
      'Het programma leidt ook elke werkkopie opnieuw af van haar master en vergelijkt ze byte voor byte; bij lange opnames duurt dat even. --quick slaat dat over (het resultaat zegt dan dat het niet werd gedaan). --lang en, nl, fr of de kiest de taal van het resultaat.',
    manualTitle: 'Zonder het programma',
    manual:
      'De SHA-256 van elk bestand kan met elk hulpmiddel met manifest.json worden vergeleken (sha256sum <bestand>, of certutil -hashfile <bestand> SHA256 onder Windows), en de handtekening met OpenSSL 3:',
  },
  {
    heading: 'FRANÇAIS',
    filesTitle: 'Ce que sont ces fichiers',
    kinds: {
      master: "l'enregistrement tel qu'il a été capté (l'original) ; jamais modifié",
      working:
        "une copie de l'original, réorganisée pour que les lecteurs puissent s'y déplacer ; mêmes images, même son",
      'written-record': "le procès-verbal de l'audition",
      document: "un document de l'audition, couvert par le scellement",
      'unsealed-written-record':
        "le procès-verbal de l'audition, établi après le scellement : le scellement ne le couvre pas",
      manifest:
        "le scellement : les données de l'audition, et la taille et l'empreinte SHA-256 de chaque fichier",
      signature: 'la signature numérique de manifest.json (Ed25519)',
      publicKey: 'la clé qui permet de vérifier la signature',
      fingerprint: "l'empreinte de cette clé",
      audit:
        "l'historique de l'audition (qui a fait quoi, et quand), chaque entrée liée à la précédente",
      verifier: 'un petit programme qui vérifie tout ce qui précède',
      addendum:
        "un addendum : annotations ajoutées après le scellement, conservées à part ; il nomme le scellé et l'addendum précédent (le programme vérifie chacun séparément)",
      'addendum-signature':
        'la signature numérique de cet addendum (Ed25519, la même clé que le scellé)',
    },
    checkTitle: 'Vérifier',
    install:
      'Installez Node.js (version 20 ou ultérieure, https://nodejs.org), ouvrez un terminal dans ce dossier et tapez :',
    valid: "VALID (valide) : chaque fichier est exactement tel qu'il était lors du scellement.",
    invalid:
      "INVALID (non valide) : quelque chose a été modifié après le scellement, ou le scellement n'est pas authentique ; les lignes marquées FAIL indiquent quoi et où. Ne vous fiez pas aux fichiers ; avertissez le magistrat compétent.",
    expectKey:
      "Le programme affiche l'empreinte de la clé qui a fait le scellement. Un scellement valide fait avec une autre clé ne prouve rien, et une empreinte trouvée dans ce dossier vient avec le dossier : obtenez l'empreinte de l'installation auprès du greffe, par un autre canal que cet export, et donnez-la au programme, qui la vérifie alors (FAIL « Expected key » si le scellement a été fait avec une autre clé) :",
    fingerprintPlaceholder: '<empreinte>',
    afterExpectKey: "Les espaces dans l'empreinte n'ont pas d'importance.",
    quick:
      "Le programme dérive aussi à nouveau chaque copie de travail de son original et les compare octet par octet ; pour de longs enregistrements, cela prend un moment. --quick l'omet (le résultat dit alors que cela n'a pas été fait). --lang en, nl, fr ou de choisit la langue du résultat.",
    manualTitle: 'Sans le programme',
    manual:
      "L'empreinte SHA-256 de chaque fichier peut être comparée à manifest.json avec n'importe quel outil (sha256sum <fichier>, ou certutil -hashfile <fichier> SHA256 sous Windows), et la signature vérifiée avec OpenSSL 3 :",
  },
  {
    heading: 'DEUTSCH',
    filesTitle: 'Was diese Dateien sind',
    kinds: {
      master: 'die Aufnahme, wie sie aufgezeichnet wurde (das Original); nie verändert',
      working:
        'eine Kopie des Originals, so umgeordnet, dass Abspielprogramme darin springen können; gleiches Bild, gleicher Ton',
      'written-record': 'das Protokoll der Vernehmung',
      document: 'ein Dokument der Vernehmung, vom Siegel abgedeckt',
      'unsealed-written-record':
        'das Protokoll der Vernehmung, erstellt nach der Versiegelung: das Siegel deckt es nicht ab',
      manifest:
        'das Siegel: die Angaben zur Vernehmung sowie Größe und SHA-256-Fingerabdruck jeder Datei',
      signature: 'die digitale Signatur von manifest.json (Ed25519)',
      publicKey: 'der Schlüssel, mit dem die Signatur geprüft wird',
      fingerprint: 'der Fingerabdruck dieses Schlüssels',
      audit:
        'der Verlauf der Vernehmung (wer hat wann was getan), jeder Eintrag mit dem vorigen verkettet',
      verifier: 'ein kleines Programm, das all dies prüft',
      addendum:
        'ein Nachtrag: nach der Versiegelung hinzugefügte Anmerkungen, getrennt davon aufbewahrt; er nennt das Siegel und den vorigen Nachtrag (das Programm prüft jeden einzeln)',
      'addendum-signature':
        'die digitale Signatur dieses Nachtrags (Ed25519, derselbe Schlüssel wie das Siegel)',
    },
    checkTitle: 'Prüfen',
    install:
      'Installieren Sie Node.js (Version 20 oder neuer, https://nodejs.org), öffnen Sie ein Terminal in diesem Ordner und geben Sie ein:',
    valid: 'VALID (gültig): jede Datei ist genau so, wie sie bei der Versiegelung war.',
    invalid:
      'INVALID (ungültig): nach der Versiegelung wurde etwas verändert, oder das Siegel ist nicht echt; die mit FAIL markierten Zeilen sagen, was und wo. Verlassen Sie sich nicht auf die Dateien; benachrichtigen Sie den zuständigen Magistrat.',
    expectKey:
      'Das Programm zeigt den Fingerabdruck des Schlüssels, mit dem versiegelt wurde. Ein gültiges Siegel mit einem anderen Schlüssel beweist nichts, und ein Fingerabdruck in diesem Ordner kommt mit dem Ordner: erfragen Sie den Fingerabdruck der Installation bei der Kanzlei, auf einem anderen Weg als diesem Export, und geben Sie ihn dem Programm, das ihn dann prüft (FAIL "Expected key", wenn mit einem anderen Schlüssel versiegelt wurde):',
    fingerprintPlaceholder: '<Fingerabdruck>',
    afterExpectKey: 'Die Leerzeichen im Fingerabdruck spielen keine Rolle.',
    quick:
      'Das Programm leitet außerdem jede Arbeitskopie erneut aus ihrem Original ab und vergleicht sie Byte für Byte; bei langen Aufnahmen dauert das eine Weile. --quick lässt das aus (das Ergebnis sagt dann, dass es nicht durchgeführt wurde). --lang en, nl, fr oder de wählt die Sprache des Ergebnisses.',
    manualTitle: 'Ohne das Programm',
    manual:
      'Der SHA-256-Wert jeder Datei kann mit jedem Werkzeug mit manifest.json verglichen werden (sha256sum <Datei>, oder certutil -hashfile <Datei> SHA256 unter Windows), und die Signatur mit OpenSSL 3:',
  },
];

/** The checkpoint of the audit log: its files, and what the registry does with it (docs/seal.md). */
interface CheckpointTexts {
  checkpoint: string;
  checkpointSignature: string;
  /** Why and how to give the kept checkpoint, ending before the command. */
  keep: string;
  placeholder: string;
  after: string;
}

const checkpointTexts: Record<string, CheckpointTexts> = {
  ENGLISH: {
    checkpoint:
      "a checkpoint of the installation's history when this export was made (number of entries, last hash), signed with the same key",
    checkpointSignature: 'the digital signature of checkpoint.json (Ed25519)',
    keep: 'KEEP checkpoint.json and checkpoint.sig of the latest export you received, apart from the installation, where it cannot change them. When a later export arrives, give the kept checkpoint to the program: it checks that the installation\'s history still holds, unchanged, everything the kept checkpoint covers. A hearing deleted from the installation\'s database, or history rewritten, is then reported (FAIL "Anchoring"). Give the earlier export\'s folder, or its checkpoint.json with checkpoint.sig beside it:',
    placeholder: '<earlier export folder>',
    after:
      'Without --checkpoint the result says that the anchoring was not checked. Afterwards keep the new checkpoint.json and checkpoint.sig instead of the old ones. Not detected this way: changes made after the kept checkpoint, and an installation replaced as a whole with a new key, unless you also give --expect-key.',
  },
  NEDERLANDS: {
    checkpoint:
      'een controlepunt van de geschiedenis van de installatie toen deze export werd gemaakt (aantal regels, laatste hash), ondertekend met dezelfde sleutel',
    checkpointSignature: 'de digitale handtekening van checkpoint.json (Ed25519)',
    keep: 'BEWAAR checkpoint.json en checkpoint.sig van de laatste export die u ontving, los van de installatie, waar die ze niet kan wijzigen. Wanneer een latere export binnenkomt, geef het bewaarde controlepunt aan het programma: het controleert dat de geschiedenis van de installatie nog altijd, ongewijzigd, alles bevat wat het bewaarde controlepunt dekt. Een verhoor dat uit de databank van de installatie werd verwijderd, of herschreven geschiedenis, wordt dan gemeld (FAIL "Verankering"). Geef de map van de eerdere export, of haar checkpoint.json met checkpoint.sig ernaast:',
    placeholder: '<map van de eerdere export>',
    after:
      'Zonder --checkpoint zegt het resultaat dat de verankering niet werd gecontroleerd. Bewaar daarna de nieuwe checkpoint.json en checkpoint.sig in plaats van de oude. Zo niet opgemerkt: wijzigingen na het bewaarde controlepunt, en een installatie die volledig werd vervangen met een nieuwe sleutel, tenzij u ook --expect-key geeft.',
  },
  FRANÇAIS: {
    checkpoint:
      "un point de contrôle de l'historique de l'installation au moment de cet export (nombre d'entrées, dernière empreinte), signé avec la même clé",
    checkpointSignature: 'la signature numérique de checkpoint.json (Ed25519)',
    keep: "CONSERVEZ checkpoint.json et checkpoint.sig du dernier export reçu, à l'écart de l'installation, qui ne doit pas pouvoir les modifier. Lorsqu'un export ultérieur arrive, donnez le point de contrôle conservé au programme : il vérifie que l'historique de l'installation contient toujours, inchangé, tout ce que couvre le point de contrôle conservé. Une audition supprimée de la base de données de l'installation, ou un historique réécrit, est alors signalé (FAIL « Ancrage »). Donnez le dossier de l'export antérieur, ou son checkpoint.json avec checkpoint.sig à côté :",
    placeholder: "<dossier de l'export antérieur>",
    after:
      "Sans --checkpoint, le résultat dit que l'ancrage n'a pas été vérifié. Conservez ensuite le nouveau checkpoint.json et le nouveau checkpoint.sig à la place des anciens. Non détecté ainsi : les modifications faites après le point de contrôle conservé, et une installation entièrement remplacée avec une nouvelle clé, sauf si vous donnez aussi --expect-key.",
  },
  DEUTSCH: {
    checkpoint:
      'ein Kontrollpunkt des Verlaufs der Installation zum Zeitpunkt dieses Exports (Anzahl der Einträge, letzter Hash), mit demselben Schlüssel signiert',
    checkpointSignature: 'die digitale Signatur von checkpoint.json (Ed25519)',
    keep: 'BEWAHREN Sie checkpoint.json und checkpoint.sig des zuletzt erhaltenen Exports getrennt von der Installation auf, wo sie sie nicht verändern kann. Wenn ein späterer Export eintrifft, geben Sie dem Programm den aufbewahrten Kontrollpunkt: es prüft, dass der Verlauf der Installation noch unverändert alles enthält, was der aufbewahrte Kontrollpunkt abdeckt. Eine aus der Datenbank der Installation gelöschte Vernehmung oder ein umgeschriebener Verlauf wird dann gemeldet (FAIL "Verankerung"). Geben Sie den Ordner des früheren Exports an, oder dessen checkpoint.json mit checkpoint.sig daneben:',
    placeholder: '<Ordner des früheren Exports>',
    after:
      'Ohne --checkpoint sagt das Ergebnis, dass die Verankerung nicht geprüft wurde. Bewahren Sie danach die neue checkpoint.json und checkpoint.sig anstelle der alten auf. So nicht erkannt: Änderungen nach dem aufbewahrten Kontrollpunkt, und eine als Ganzes mit neuem Schlüssel ersetzte Installation, es sei denn, Sie geben auch --expect-key an.',
  },
};

const group = (hex: string) => (hex.match(/.{1,4}/g) ?? []).join(' ');

/** README-CLERK.txt: plain text in the four languages, CRLF so that every Windows editor shows it. */
export function clerkReadme(facts: ReadmeFacts): string {
  const files: Array<[string, Kind]> = [
    ...facts.files.map((f): [string, Kind] => [f.name, f.kind]),
    [sealFiles.manifest, 'manifest'],
    [sealFiles.signature, 'signature'],
    [sealFiles.publicKey, 'publicKey'],
    [sealFiles.fingerprint, 'fingerprint'],
    [sealFiles.audit, 'audit'],
    [sealFiles.verifier, 'verifier'],
  ];
  const lines: string[] = [
    'HEARING ROOM',
    `Case reference / Notitienummer / Numéro de notice / Aktenzeichen: ${facts.caseReference}`,
    `Hearing / Verhoor / Audition / Vernehmung: ${facts.hearingId}`,
    `Sealed / Verzegeld / Scellée / Versiegelt: ${facts.sealedAt} (UTC)`,
    `Key fingerprint / Sleutelvingerafdruk / Empreinte de clé / Schlüssel-Fingerabdruck:`,
    `    ${group(facts.keyFingerprint)}`,
    `SHA-256 ${sealFiles.verifier}: ${facts.verifierSha256}`,
  ];
  const withCheckpoint = facts.checkpoint === true;
  const names = withCheckpoint
    ? [...files.map(([name]) => name), checkpointFiles.checkpoint, checkpointFiles.signature]
    : files.map(([name]) => name);
  const width = Math.max(...names.map((name) => name.length)) + 2;
  for (const l of languages) {
    const c = checkpointTexts[l.heading];
    lines.push('', '', l.heading, '='.repeat(l.heading.length), '', l.filesTitle);
    for (const [name, kind] of files) lines.push(`  ${name.padEnd(width)}${l.kinds[kind]}`);
    if (withCheckpoint && c) {
      lines.push(`  ${checkpointFiles.checkpoint.padEnd(width)}${c.checkpoint}`);
      lines.push(`  ${checkpointFiles.signature.padEnd(width)}${c.checkpointSignature}`);
    }
    lines.push(
      '',
      l.checkTitle,
      `  ${l.install}`,
      '',
      `      node ${sealFiles.verifier} .`,
      '',
      `  ${l.valid}`,
      `  ${l.invalid}`,
      '',
      `  ${l.expectKey}`,
      '',
      `      node ${sealFiles.verifier} . --expect-key "${l.fingerprintPlaceholder}"`,
      '',
      `  ${l.afterExpectKey}`,
      `  ${l.quick}`,
    );
    if (withCheckpoint && c) {
      lines.push(
        '',
        `  ${c.keep}`,
        '',
        `      node ${sealFiles.verifier} . --checkpoint "${c.placeholder}"`,
        '',
        `  ${c.after}`,
      );
    }
    lines.push(
      '',
      l.manualTitle,
      `  ${l.manual}`,
      '',
      `      openssl base64 -d -in ${sealFiles.signature} -out manifest.sig.bin`,
      `      openssl pkeyutl -verify -pubin -inkey ${sealFiles.publicKey} -rawin -in ${sealFiles.manifest} -sigfile manifest.sig.bin`,
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
