import type { RecordLanguage } from './labels';

/**
 * The words of the written record for the situation of an unaccompanied or trafficked child
 * (nationality, guardian, age assessment, interpreter, protective follow-up), the signatures and
 * the page numbers. Kept beside labels.ts so that each part can be reviewed on its own.
 */
export interface SituationLabels {
  sections: { interpreter: string; followUp: string; signatures: string };
  fields: {
    nationality: string;
    eea: string;
    accompanied: string;
    guardian: string;
    guardianStatus: string;
    officeWarned: string;
    officeReference: string;
    ageAssessment: string;
    method: string;
    medicalTests: string;
    assessedOn: string;
    assessedBy: string;
    ageUsed: string;
    otherLanguages: string;
    hearingLanguage: string;
    interpretedBy: string;
    languagesInterpreted: string;
    swornReference: string;
    receptionCentre: string;
    brochure: string;
    reflectionPeriod: string;
    reflectionEnd: string;
    guardianInformed: string;
    by: string;
    signature: string;
    capacity: string;
  };
  guardianStatuses: Record<'appointed' | 'temporary' | 'not_yet', string>;
  methods: Record<'documents' | 'appearance_and_statements' | 'medical', string>;
  medicalTests: Record<'wrist_xray' | 'collarbone_xray' | 'teeth_xray', string>;
  /** "the person heard": the signature line of the child or adult heard. */
  personHeard: string;
  signaturesIntro: string;
  notNeeded: string;
  /** The page footer: `{page}` and `{pages}` are replaced by the printer's page counters. */
  pageOf: string;
}

const en: SituationLabels = {
  sections: { interpreter: 'Interpreting', followUp: 'Protective follow-up', signatures: 'Signatures' },
  fields: {
    nationality: 'Nationality', eea: 'National of the European Economic Area', accompanied: 'Accompanied by a parent or guardian',
    guardian: 'Guardian', guardianStatus: 'Guardianship', officeWarned: 'Guardianship Office warned',
    officeReference: 'reference', ageAssessment: 'Age assessment', method: 'Method', medicalTests: 'Medical tests',
    assessedOn: 'Assessed on', assessedBy: 'Assessed by', ageUsed: 'Age used', otherLanguages: 'Other languages understood',
    hearingLanguage: 'Language of the hearing', interpretedBy: 'Through the interpreter', languagesInterpreted: 'Languages interpreted',
    swornReference: 'Sworn interpreter reference', receptionCentre: 'Specialised reception centre contacted',
    brochure: 'Information brochure handed', reflectionPeriod: 'Reflection period', reflectionEnd: 'Last day of the reflection period',
    guardianInformed: 'Guardian informed', by: 'by', signature: 'Signature', capacity: 'Capacity',
  },
  guardianStatuses: { appointed: 'Guardian appointed', temporary: 'Temporary guardianship (head of the Guardianship Office)', not_yet: 'No guardian yet' },
  methods: { documents: 'Identity documents', appearance_and_statements: 'Appearance and statements', medical: 'Medical examination' },
  medicalTests: { wrist_xray: 'wrist X-ray', collarbone_xray: 'collarbone X-ray', teeth_xray: 'teeth X-ray' },
  personHeard: 'Person heard',
  signaturesIntro: 'Signed by the interviewer and by the others present, each in the capacity stated.',
  notNeeded: 'not needed',
  pageOf: 'page {page} of {pages}',
};

const nl: SituationLabels = {
  sections: { interpreter: 'Vertolking', followUp: 'Beschermende opvolging', signatures: 'Handtekeningen' },
  fields: {
    nationality: 'Nationaliteit', eea: 'Onderdaan van de Europese Economische Ruimte', accompanied: 'Begeleid door een ouder of voogd',
    guardian: 'Voogd', guardianStatus: 'Voogdij', officeWarned: 'Dienst Voogdij verwittigd',
    officeReference: 'referentie', ageAssessment: 'Leeftijdsbepaling', method: 'Methode', medicalTests: 'Medische tests',
    assessedOn: 'Bepaald op', assessedBy: 'Bepaald door', ageUsed: 'Leeftijd in aanmerking genomen', otherLanguages: 'Andere talen die de persoon begrijpt',
    hearingLanguage: 'Taal van het verhoor', interpretedBy: 'Via de tolk', languagesInterpreted: 'Vertolkte talen',
    swornReference: 'Referentie beëdigd tolk', receptionCentre: 'Gespecialiseerd opvangcentrum gecontacteerd',
    brochure: 'Informatiebrochure overhandigd', reflectionPeriod: 'Reflectieperiode', reflectionEnd: 'Laatste dag van de reflectieperiode',
    guardianInformed: 'Voogd ingelicht', by: 'door', signature: 'Handtekening', capacity: 'Hoedanigheid',
  },
  guardianStatuses: { appointed: 'Voogd aangesteld', temporary: 'Voorlopige voogdij (hoofd van de Dienst Voogdij)', not_yet: 'Nog geen voogd' },
  methods: { documents: 'Identiteitsdocumenten', appearance_and_statements: 'Uiterlijk en verklaringen', medical: 'Medisch onderzoek' },
  medicalTests: { wrist_xray: 'röntgenfoto pols', collarbone_xray: 'röntgenfoto sleutelbeen', teeth_xray: 'röntgenfoto gebit' },
  personHeard: 'Verhoorde persoon',
  signaturesIntro: 'Ondertekend door de verhoorder en door de andere aanwezigen, elk in de vermelde hoedanigheid.',
  notNeeded: 'niet nodig',
  pageOf: 'pagina {page} van {pages}',
};

const fr: SituationLabels = {
  sections: { interpreter: 'Interprétation', followUp: 'Suivi de protection', signatures: 'Signatures' },
  fields: {
    nationality: 'Nationalité', eea: "Ressortissant de l'Espace économique européen", accompanied: "Accompagné d'un parent ou d'un tuteur",
    guardian: 'Tuteur', guardianStatus: 'Tutelle', officeWarned: 'Service des Tutelles averti',
    officeReference: 'référence', ageAssessment: "Détermination de l'âge", method: 'Méthode', medicalTests: 'Tests médicaux',
    assessedOn: 'Déterminé le', assessedBy: 'Déterminé par', ageUsed: 'Âge pris en considération', otherLanguages: 'Autres langues comprises',
    hearingLanguage: "Langue de l'audition", interpretedBy: "Par l'intermédiaire de l'interprète", languagesInterpreted: 'Langues interprétées',
    swornReference: "Référence de l'interprète juré", receptionCentre: "Centre d'accueil spécialisé contacté",
    brochure: "Brochure d'information remise", reflectionPeriod: 'Période de réflexion', reflectionEnd: 'Dernier jour de la période de réflexion',
    guardianInformed: 'Tuteur informé', by: 'par', signature: 'Signature', capacity: 'Qualité',
  },
  guardianStatuses: { appointed: 'Tuteur désigné', temporary: 'Tutelle provisoire (chef du Service des Tutelles)', not_yet: 'Pas encore de tuteur' },
  methods: { documents: "Documents d'identité", appearance_and_statements: 'Apparence et déclarations', medical: 'Examen médical' },
  medicalTests: { wrist_xray: 'radiographie du poignet', collarbone_xray: 'radiographie de la clavicule', teeth_xray: 'radiographie dentaire' },
  personHeard: 'Personne auditionnée',
  signaturesIntro: "Signé par l'auditionneur et par les autres personnes présentes, chacune en la qualité indiquée.",
  notNeeded: 'pas nécessaire',
  pageOf: 'page {page} sur {pages}',
};

const de: SituationLabels = {
  sections: { interpreter: 'Dolmetschen', followUp: 'Schutzmaßnahmen im Anschluss', signatures: 'Unterschriften' },
  fields: {
    nationality: 'Staatsangehörigkeit', eea: 'Staatsangehöriger des Europäischen Wirtschaftsraums', accompanied: 'Von einem Elternteil oder Vormund begleitet',
    guardian: 'Vormund', guardianStatus: 'Vormundschaft', officeWarned: 'Vormundschaftsdienst benachrichtigt',
    officeReference: 'Aktenzeichen', ageAssessment: 'Altersbestimmung', method: 'Methode', medicalTests: 'Medizinische Untersuchungen',
    assessedOn: 'Bestimmt am', assessedBy: 'Bestimmt von', ageUsed: 'Zugrunde gelegtes Alter', otherLanguages: 'Weitere verstandene Sprachen',
    hearingLanguage: 'Sprache der Vernehmung', interpretedBy: 'Über den Dolmetscher', languagesInterpreted: 'Gedolmetschte Sprachen',
    swornReference: 'Referenz des vereidigten Dolmetschers', receptionCentre: 'Spezialisiertes Aufnahmezentrum kontaktiert',
    brochure: 'Informationsbroschüre ausgehändigt', reflectionPeriod: 'Bedenkzeit', reflectionEnd: 'Letzter Tag der Bedenkzeit',
    guardianInformed: 'Vormund informiert', by: 'durch', signature: 'Unterschrift', capacity: 'Eigenschaft',
  },
  guardianStatuses: { appointed: 'Vormund bestellt', temporary: 'Vorläufige Vormundschaft (Leiter des Vormundschaftsdienstes)', not_yet: 'Noch kein Vormund' },
  methods: { documents: 'Ausweisdokumente', appearance_and_statements: 'Erscheinungsbild und Aussagen', medical: 'Ärztliche Untersuchung' },
  medicalTests: { wrist_xray: 'Röntgen des Handgelenks', collarbone_xray: 'Röntgen des Schlüsselbeins', teeth_xray: 'Röntgen der Zähne' },
  personHeard: 'Vernommene Person',
  signaturesIntro: 'Unterzeichnet vom Vernehmungsbeamten und von den übrigen Anwesenden, jeweils in der angegebenen Eigenschaft.',
  notNeeded: 'nicht erforderlich',
  pageOf: 'Seite {page} von {pages}',
};

export const situationLabels: Record<RecordLanguage, SituationLabels> = { en, nl, fr, de };
