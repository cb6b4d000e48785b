/**
 * What the verifier says about addenda (annotations added after the seal), in English, Dutch,
 * French and German. Data, not a dependency: bundled into the standalone verifier with addenda.ts.
 */
import type { Lang } from './messages';

const en = {
  addenda: 'Addenda after the seal',
  addendumOf: (n: number) => `Addendum ${n}`,
  addendaChain: 'Addenda: chain',
  addendaAudit: 'Addenda: audit log',

  summary: (seal: string, addenda: string) => `${seal}; ${addenda}.`,
  sealHolds: 'Recording and record intact, as sealed',
  sealBroken: 'The seal does not hold (see the failed checks)',
  summaryIntact: (count: number) =>
    count === 1 ? '1 addendum, intact' : count === 2 ? '2 addenda, both intact' : `${count} addenda, all intact`,
  summaryNot: (count: number, failed: number[], missing: number[]) =>
    [
      `${count} ${count === 1 ? 'addendum' : 'addenda'} found`,
      failed.length > 0 ? `changed or not genuine: ${numbers(failed, 'en')}` : '',
      missing.length > 0 ? `missing: ${numbers(missing, 'en')}` : '',
    ]
      .filter(Boolean)
      .join('; ') + '; rely only on the seal and on the addenda that are intact',

  intact: (n: number, at: string, sha256: string) =>
    `Addendum ${n}, signed at ${at}, SHA-256 ${sha256}: intact, signed with the seal's key, and it refers to this seal.`,
  broken: (n: number, problems: string[]) => `Addendum ${n} is not intact: ${problems.join('; ')}.`,
  bodyMissing: 'its content is missing (only its signature is there)',
  signatureMissing: 'its signature is missing',
  signatureMalformed: 'its signature is not an Ed25519 signature (64 bytes in base64)',
  notJson: 'its content is not valid JSON',
  notCanonical: 'its content is not in canonical JSON (RFC 8785), as signed',
  shape: 'its content is not an addendum of this format',
  noKey: 'its signature cannot be checked: the public key of the seal is missing or unreadable',
  signatureInvalid:
    'it was changed after it was signed: its content does not match its signature, or it was signed with another key',
  numberOther: (found: number) => `it says it is addendum ${found}`,
  hearingOther: (found: string) => `it belongs to hearing ${found}`,
  sealOther: (found: string) => `it refers to another seal (manifest SHA-256 ${found})`,
  keyOther: (found: string) => `it names another signing key (${found})`,

  chainOk: (count: number) =>
    count === 1
      ? 'Addendum 1 follows the seal directly.'
      : `Addenda 1 to ${count} follow each other without a gap, each naming the SHA-256 of the one before.`,
  chainNot: (problems: string[]) => `The chain of addenda is broken: ${problems.join('; ')}.`,
  linkMissing: (n: number) =>
    `addendum ${n} is missing (removed): the addenda after it no longer follow on`,
  linkFirst: 'addendum 1 names a previous addendum, but it should follow the seal directly',
  linkNot: (n: number) =>
    `addendum ${n} does not follow addendum ${n - 1}: it names another SHA-256 as the one before it`,

  auditOk: (count: number) =>
    `The audit log records ${count} ${count === 1 ? 'addendum' : 'addenda'}, each present with the SHA-256 it recorded.`,
  auditNot: (problems: string[]) =>
    `The addenda do not match the audit log: ${problems.join('; ')}.`,
  auditMissing: (n: number, seq: number) => `addendum ${n}, recorded in audit entry ${seq}, is missing`,
  auditOther: (n: number, seq: number) =>
    `addendum ${n} is not the one audit entry ${seq} recorded (another SHA-256)`,
  auditUnrecorded: (n: number) => `the audit log does not record addendum ${n}`,
};

export type AddendaCatalog = typeof en;
export type AddendaText = (t: AddendaCatalog) => string;

const nl: AddendaCatalog = {
  addenda: 'Addenda na de verzegeling',
  addendumOf: (n) => `Addendum ${n}`,
  addendaChain: 'Addenda: keten',
  addendaAudit: 'Addenda: auditlog',

  summary: (seal, addenda) => `${seal}; ${addenda}.`,
  sealHolds: 'Opname en proces-verbaal intact, zoals verzegeld',
  sealBroken: 'De verzegeling houdt geen stand (zie de mislukte controles)',
  summaryIntact: (count) =>
    count === 1 ? '1 addendum, intact' : count === 2 ? '2 addenda, beide intact' : `${count} addenda, alle intact`,
  summaryNot: (count, failed, missing) =>
    [
      `${count} ${count === 1 ? 'addendum' : 'addenda'} gevonden`,
      failed.length > 0 ? `gewijzigd of niet echt: ${numbers(failed, 'nl')}` : '',
      missing.length > 0 ? `ontbrekend: ${numbers(missing, 'nl')}` : '',
    ]
      .filter(Boolean)
      .join('; ') + '; vertrouw alleen op de verzegeling en op de addenda die intact zijn',

  intact: (n, at, sha256) =>
    `Addendum ${n}, ondertekend op ${at}, SHA-256 ${sha256}: intact, ondertekend met de sleutel van de verzegeling, en het verwijst naar deze verzegeling.`,
  broken: (n, problems) => `Addendum ${n} is niet intact: ${problems.join('; ')}.`,
  bodyMissing: 'de inhoud ontbreekt (alleen de handtekening is er)',
  signatureMissing: 'de handtekening ontbreekt',
  signatureMalformed: 'de handtekening is geen Ed25519-handtekening (64 bytes in base64)',
  notJson: 'de inhoud is geen geldige JSON',
  notCanonical: 'de inhoud is niet in canonieke JSON (RFC 8785), zoals ondertekend',
  shape: 'de inhoud is geen addendum van dit formaat',
  noKey:
    'de handtekening kan niet worden gecontroleerd: de publieke sleutel van de verzegeling ontbreekt of is onleesbaar',
  signatureInvalid:
    'het werd gewijzigd na de ondertekening: de inhoud past niet bij de handtekening, of het werd met een andere sleutel ondertekend',
  numberOther: (found) => `het zegt addendum ${found} te zijn`,
  hearingOther: (found) => `het hoort bij verhoor ${found}`,
  sealOther: (found) => `het verwijst naar een andere verzegeling (manifest SHA-256 ${found})`,
  keyOther: (found) => `het noemt een andere ondertekeningssleutel (${found})`,

  chainOk: (count) =>
    count === 1
      ? 'Addendum 1 volgt rechtstreeks op de verzegeling.'
      : `Addenda 1 tot ${count} volgen elkaar zonder onderbreking op, elk met de SHA-256 van het vorige.`,
  chainNot: (problems) => `De keten van addenda is verbroken: ${problems.join('; ')}.`,
  linkMissing: (n) =>
    `addendum ${n} ontbreekt (verwijderd): de addenda erna sluiten niet meer aan`,
  linkFirst: 'addendum 1 noemt een vorig addendum, maar het moet rechtstreeks op de verzegeling volgen',
  linkNot: (n) =>
    `addendum ${n} volgt niet op addendum ${n - 1}: het noemt een andere SHA-256 als het vorige`,

  auditOk: (count) =>
    `De auditlog vermeldt ${count} ${count === 1 ? 'addendum' : 'addenda'}, elk aanwezig met de vermelde SHA-256.`,
  auditNot: (problems) => `De addenda stemmen niet overeen met de auditlog: ${problems.join('; ')}.`,
  auditMissing: (n, seq) => `addendum ${n}, vermeld in auditregel ${seq}, ontbreekt`,
  auditOther: (n, seq) => `addendum ${n} is niet het addendum dat auditregel ${seq} vermeldt (andere SHA-256)`,
  auditUnrecorded: (n) => `de auditlog vermeldt addendum ${n} niet`,
};

const fr: AddendaCatalog = {
  addenda: 'Addenda après le scellement',
  addendumOf: (n) => `Addendum ${n}`,
  addendaChain: 'Addenda : chaîne',
  addendaAudit: "Addenda : journal d'audit",

  summary: (seal, addenda) => `${seal} ; ${addenda}.`,
  sealHolds: 'Enregistrement et procès-verbal intacts, tels que scellés',
  sealBroken: 'Le scellement ne tient pas (voir les contrôles échoués)',
  summaryIntact: (count) =>
    count === 1 ? '1 addendum, intact' : count === 2 ? '2 addenda, tous deux intacts' : `${count} addenda, tous intacts`,
  summaryNot: (count, failed, missing) =>
    [
      `${count} ${count === 1 ? 'addendum trouvé' : 'addenda trouvés'}`,
      failed.length > 0 ? `modifiés ou non authentiques : ${numbers(failed, 'fr')}` : '',
      missing.length > 0 ? `manquants : ${numbers(missing, 'fr')}` : '',
    ]
      .filter(Boolean)
      .join(' ; ') + " ; ne vous fiez qu'au scellement et aux addenda intacts",

  intact: (n, at, sha256) =>
    `Addendum ${n}, signé le ${at}, SHA-256 ${sha256} : intact, signé avec la clé du scellement, et il renvoie à ce scellement.`,
  broken: (n, problems) => `L'addendum ${n} n'est pas intact : ${problems.join(' ; ')}.`,
  bodyMissing: 'son contenu manque (seule sa signature est présente)',
  signatureMissing: 'sa signature manque',
  signatureMalformed: "sa signature n'est pas une signature Ed25519 (64 octets en base64)",
  notJson: "son contenu n'est pas du JSON valide",
  notCanonical: "son contenu n'est pas en JSON canonique (RFC 8785), tel que signé",
  shape: "son contenu n'est pas un addendum de ce format",
  noKey:
    'sa signature ne peut pas être vérifiée : la clé publique du scellement manque ou est illisible',
  signatureInvalid:
    'il a été modifié après sa signature : son contenu ne correspond pas à sa signature, ou il a été signé avec une autre clé',
  numberOther: (found) => `il se dit l'addendum ${found}`,
  hearingOther: (found) => `il appartient à l'audition ${found}`,
  sealOther: (found) => `il renvoie à un autre scellement (manifeste SHA-256 ${found})`,
  keyOther: (found) => `il nomme une autre clé de signature (${found})`,

  chainOk: (count) =>
    count === 1
      ? "L'addendum 1 suit directement le scellement."
      : `Les addenda 1 à ${count} se suivent sans interruption, chacun nommant le SHA-256 du précédent.`,
  chainNot: (problems) => `La chaîne des addenda est rompue : ${problems.join(' ; ')}.`,
  linkMissing: (n) => `l'addendum ${n} manque (supprimé) : les addenda suivants ne s'enchaînent plus`,
  linkFirst: "l'addendum 1 nomme un addendum précédent, alors qu'il doit suivre directement le scellement",
  linkNot: (n) =>
    `l'addendum ${n} ne suit pas l'addendum ${n - 1} : il nomme un autre SHA-256 comme précédent`,

  auditOk: (count) =>
    `Le journal d'audit mentionne ${count} ${count === 1 ? 'addendum' : 'addenda'}, chacun présent avec le SHA-256 mentionné.`,
  auditNot: (problems) =>
    `Les addenda ne correspondent pas au journal d'audit : ${problems.join(' ; ')}.`,
  auditMissing: (n, seq) => `l'addendum ${n}, mentionné à l'entrée ${seq} du journal, manque`,
  auditOther: (n, seq) =>
    `l'addendum ${n} n'est pas celui que mentionne l'entrée ${seq} du journal (autre SHA-256)`,
  auditUnrecorded: (n) => `le journal d'audit ne mentionne pas l'addendum ${n}`,
};

const de: AddendaCatalog = {
  addenda: 'Nachträge nach der Versiegelung',
  addendumOf: (n) => `Nachtrag ${n}`,
  addendaChain: 'Nachträge: Kette',
  addendaAudit: 'Nachträge: Prüfpfad',

  summary: (seal, addenda) => `${seal}; ${addenda}.`,
  sealHolds: 'Aufzeichnung und Protokoll intakt, wie versiegelt',
  sealBroken: 'Das Siegel hält nicht (siehe die fehlgeschlagenen Prüfungen)',
  summaryIntact: (count) =>
    count === 1 ? '1 Nachtrag, unverändert' : count === 2 ? '2 Nachträge, beide unverändert' : `${count} Nachträge, alle unverändert`,
  summaryNot: (count, failed, missing) =>
    [
      `${count} ${count === 1 ? 'Nachtrag' : 'Nachträge'} gefunden`,
      failed.length > 0 ? `verändert oder nicht echt: ${numbers(failed, 'de')}` : '',
      missing.length > 0 ? `fehlend: ${numbers(missing, 'de')}` : '',
    ]
      .filter(Boolean)
      .join('; ') + '; verlassen Sie sich nur auf das Siegel und die unveränderten Nachträge',

  intact: (n, at, sha256) =>
    `Nachtrag ${n}, signiert am ${at}, SHA-256 ${sha256}: unverändert, mit dem Schlüssel des Siegels signiert, und er verweist auf dieses Siegel.`,
  broken: (n, problems) => `Nachtrag ${n} ist nicht unverändert: ${problems.join('; ')}.`,
  bodyMissing: 'sein Inhalt fehlt (nur seine Signatur ist vorhanden)',
  signatureMissing: 'seine Signatur fehlt',
  signatureMalformed: 'seine Signatur ist keine Ed25519-Signatur (64 Bytes in Base64)',
  notJson: 'sein Inhalt ist kein gültiges JSON',
  notCanonical: 'sein Inhalt ist nicht in kanonischem JSON (RFC 8785), wie signiert',
  shape: 'sein Inhalt ist kein Nachtrag dieses Formats',
  noKey:
    'seine Signatur kann nicht geprüft werden: der öffentliche Schlüssel des Siegels fehlt oder ist unlesbar',
  signatureInvalid:
    'er wurde nach der Signatur verändert: sein Inhalt passt nicht zu seiner Signatur, oder er wurde mit einem anderen Schlüssel signiert',
  numberOther: (found) => `er gibt an, Nachtrag ${found} zu sein`,
  hearingOther: (found) => `er gehört zur Vernehmung ${found}`,
  sealOther: (found) => `er verweist auf ein anderes Siegel (Manifest SHA-256 ${found})`,
  keyOther: (found) => `er nennt einen anderen Signaturschlüssel (${found})`,

  chainOk: (count) =>
    count === 1
      ? 'Nachtrag 1 folgt unmittelbar auf das Siegel.'
      : `Die Nachträge 1 bis ${count} folgen lückenlos aufeinander, jeder mit dem SHA-256 des vorigen.`,
  chainNot: (problems) => `Die Kette der Nachträge ist unterbrochen: ${problems.join('; ')}.`,
  linkMissing: (n) => `Nachtrag ${n} fehlt (entfernt): die folgenden Nachträge schließen nicht mehr an`,
  linkFirst: 'Nachtrag 1 nennt einen vorigen Nachtrag, muss aber unmittelbar auf das Siegel folgen',
  linkNot: (n) =>
    `Nachtrag ${n} folgt nicht auf Nachtrag ${n - 1}: er nennt einen anderen SHA-256 als den vorigen`,

  auditOk: (count) =>
    `Der Prüfpfad verzeichnet ${count} ${count === 1 ? 'Nachtrag' : 'Nachträge'}, jeder mit dem verzeichneten SHA-256 vorhanden.`,
  auditNot: (problems) =>
    `Die Nachträge stimmen nicht mit dem Prüfpfad überein: ${problems.join('; ')}.`,
  auditMissing: (n, seq) => `Nachtrag ${n}, verzeichnet in Eintrag ${seq} des Prüfpfads, fehlt`,
  auditOther: (n, seq) =>
    `Nachtrag ${n} ist nicht der, den Eintrag ${seq} des Prüfpfads verzeichnet (anderer SHA-256)`,
  auditUnrecorded: (n) => `der Prüfpfad verzeichnet Nachtrag ${n} nicht`,
};

function numbers(list: number[], lang: Lang): string {
  const and = { en: 'and', nl: 'en', fr: 'et', de: 'und' }[lang];
  if (list.length <= 1) return list.join('');
  return `${list.slice(0, -1).join(', ')} ${and} ${list[list.length - 1]}`;
}

export const addendaCatalogs: Record<Lang, AddendaCatalog> = { en, nl, fr, de };
