import type { StopReason } from '../../../shared/domain/hearing';
export const recordLanguages = ['nl', 'fr', 'de', 'en'] as const;
export type RecordLanguage = (typeof recordLanguages)[number];

type Table = Record<string, string>;

export type SectionName =
  | 'case'
  | 'order'
  | 'person'
  | 'consent'
  | 'information'
  | 'trust'
  | 'attendees'
  | 'room'
  | 'recordings'
  | 'events'
  | 'rules';

export type FieldName =
  | 'caseReference'
  | 'hearingId'
  | 'hearingDate'
  | 'hearingStart'
  | 'generatedAt'
  | 'issuedBy'
  | 'magistrate'
  | 'reference'
  | 'date'
  | 'offence'
  | 'capacity'
  | 'decisionNotToRecord'
  | 'reasons'
  | 'name'
  | 'dateOfBirth'
  | 'assessedRange'
  | 'age'
  | 'category'
  | 'language'
  | 'decision'
  | 'takenBy'
  | 'at'
  | 'wordsSaid'
  | 'withdrawn'
  | 'notedBy'
  | 'givenBy'
  | 'relation'
  | 'choice'
  | 'recordedBy'
  | 'refusedPerson'
  | 'decidedBy'
  | 'then'
  | 'role'
  | 'room'
  | 'training'
  | 'arrived'
  | 'left'
  | 'childFriendly'
  | 'equipmentChecked'
  | 'confirmedBy'
  | 'reasonNotedAt'
  | 'segment'
  | 'started'
  | 'stopped'
  | 'duration'
  | 'status'
  | 'file'
  | 'size'
  | 'sha256'
  | 'workingCopy'
  | 'derivedBy'
  | 'time'
  | 'intoRecording'
  | 'event'
  | 'details'
  | 'ruleSet'
  | 'version'
  | 'application'
  | 'keyFingerprint'
  | 'chosen'
  | 'noneChosen'
  | 'refused';

export interface RecordLabels {
  title: string;
  subtitle: string;
  sections: Record<SectionName, string>;
  fields: Record<FieldName, string>;
  issuers: Table;
  offences: Table;
  capacities: Table;
  categories: Table;
  roles: Table;
  rooms: Table;
  /** Why a recording ended (see stopReasons in shared/domain/hearing.ts). */
  stopReasons: Record<Exclude<StopReason, 'stopped'>, string>;
  events: Table;
  statuses: Table;
  yes: string;
  no: string;
  none: string;
  notRecorded: string;
  years: string;
}

const en: RecordLabels = {
  title: 'Written record of an audiovisual hearing',
  subtitle: 'Articles 91bis to 101 of the Code of Criminal Procedure',
  sections: {
    case: 'Case', order: 'Order to record', person: 'Person heard', consent: 'Consent',
    information: 'Information given to the child', trust: 'Person of trust', attendees: 'People present',
    room: 'The room', recordings: 'Recording files', events: 'Course of the hearing', rules: 'Rules applied',
  },
  fields: {
    caseReference: 'Case reference', hearingId: 'Hearing identifier', hearingDate: 'Hearing date',
    hearingStart: 'Start of the hearing', generatedAt: 'Record generated at', issuedBy: 'Ordered by',
    magistrate: 'Magistrate', reference: 'Reference', date: 'Date', offence: 'Offence', capacity: 'Heard as',
    decisionNotToRecord: 'Reasoned decision not to record', reasons: 'Reasons', name: 'Name',
    dateOfBirth: 'Date of birth', assessedRange: 'Assessed date of birth', age: 'Age on the hearing day',
    category: 'Category', language: 'Language', decision: 'Decision', takenBy: 'Asked by', at: 'At',
    wordsSaid: 'Words said', withdrawn: 'Consent withdrawn', notedBy: 'Noted by', givenBy: 'Told by',
    relation: 'Relation to the minor', choice: 'Choice', recordedBy: 'Recorded by', refusedPerson: 'Person refused',
    decidedBy: 'Decided by', then: 'Then chosen', role: 'Role', room: 'Room', training: 'Training reference',
    arrived: 'Arrived', left: 'Left', childFriendly: 'Arranged for a child', equipmentChecked: 'Equipment checked',
    confirmedBy: 'Confirmed by', reasonNotedAt: 'reason noted at', segment: 'Segment', started: 'Started', stopped: 'Stopped', duration: 'Duration',
    status: 'Status', file: 'File', size: 'Size (bytes)', sha256: 'SHA-256', workingCopy: 'Working copy',
    derivedBy: 'Derived with', time: 'Time', intoRecording: 'Into the recording', event: 'Event', details: 'Details',
    ruleSet: 'Rule set', version: 'Version', application: 'Application', keyFingerprint: 'Fingerprint of the installation key (compare it with the one the registry receives)', chosen: 'Chosen by the minor',
    noneChosen: 'The minor chose nobody', refused: 'Refused by the magistrate',
  },
  issuers: { prosecutor: 'Public prosecutor', investigating_judge: 'Investigating judge' },
  offences: {
    child_trafficking: 'Trafficking in human beings, of a minor (art. 433quinquies Criminal Code)',
    human_trafficking: 'Trafficking in human beings (art. 433quinquies Criminal Code)', rape: 'Rape',
    sexual_assault: 'Sexual assault', sexual_exploitation_of_minors: 'Sexual exploitation of minors',
    hostage_taking: 'Hostage taking', child_abuse: 'Child abuse', child_abduction: 'Child abduction',
    other_listed: 'Other offence referred to in art. 91bis',
  },
  capacities: { victim: 'Victim', witness: 'Witness' },
  categories: { minor: 'Minor', vulnerable_adult: 'Vulnerable adult' },
  roles: {
    interviewer: 'Interviewer', technician: 'Technician', psychologist: 'Psychologist', psychiatrist: 'Psychiatrist',
    person_of_trust: 'Person of trust', investigator: 'Investigator', magistrate: 'Magistrate',
    interpreter: 'Interpreter', other: 'Other',
  },
  rooms: { hearing_room: 'Hearing room', control_room: 'Control room' },
  stopReasons: {
    consent_withdrawn: 'consent withdrawn', device_lost: 'camera or microphone disconnected',
    storage_full: 'disk nearly full', page_lost: 'the page that recorded was closed; closed by Hearing Room',
    interrupted: 'Hearing Room stopped during the recording; recovered at the next start',
  },
  events: {
    recording_started: 'Recording started', recording_stopped: 'Recording stopped', paused: 'Paused',
    resumed: 'Resumed', interruption: 'Interruption', attendee_arrived: 'Arrival', attendee_left: 'Departure',
    question_from_control_room: 'Question from the control room', mark: 'Mark',
    technical_incident: 'Technical incident', consent_withdrawn: 'Consent withdrawn',
  },
  statuses: {
    recording: 'Recording', complete: 'Complete', interrupted: 'Interrupted (recovered after a failure)',
    given: 'Given', refused: 'Refused',
  },
  yes: 'Yes', no: 'No', none: '—', notRecorded: 'Not recorded', years: 'years',
};

const nl: RecordLabels = {
  title: 'Proces-verbaal van een audiovisueel verhoor',
  subtitle: 'Artikelen 91bis tot 101 van het Wetboek van Strafvordering',
  sections: {
    case: 'Zaak', order: 'Bevel tot opname', person: 'Verhoorde persoon', consent: 'Toestemming',
    information: 'Informatie aan het kind', trust: 'Vertrouwenspersoon', attendees: 'Aanwezigen',
    room: 'Het verhoorlokaal', recordings: 'Opnamebestanden', events: 'Verloop van het verhoor', rules: 'Toegepaste regels',
  },
  fields: {
    caseReference: 'Notitienummer', hearingId: 'Kenmerk van het verhoor', hearingDate: 'Datum van het verhoor',
    hearingStart: 'Begin van het verhoor', generatedAt: 'Proces-verbaal opgesteld op', issuedBy: 'Bevolen door',
    magistrate: 'Magistraat', reference: 'Referentie', date: 'Datum', offence: 'Misdrijf', capacity: 'Verhoord als',
    decisionNotToRecord: 'Met redenen omklede beslissing om niet op te nemen', reasons: 'Redenen', name: 'Naam',
    dateOfBirth: 'Geboortedatum', assessedRange: 'Geschatte geboortedatum', age: 'Leeftijd op de dag van het verhoor',
    category: 'Categorie', language: 'Taal', decision: 'Beslissing', takenBy: 'Gevraagd door', at: 'Op',
    wordsSaid: 'Gesproken woorden', withdrawn: 'Toestemming ingetrokken', notedBy: 'Vastgesteld door',
    givenBy: 'Ingelicht door', relation: 'Band met de minderjarige', choice: 'Keuze', recordedBy: 'Genoteerd door',
    refusedPerson: 'Geweigerde persoon', decidedBy: 'Beslist door', then: 'Daarna gekozen', role: 'Rol', room: 'Ruimte',
    training: 'Referentie van de opleiding', arrived: 'Aangekomen', left: 'Vertrokken',
    childFriendly: 'Kindvriendelijk ingericht', equipmentChecked: 'Apparatuur gecontroleerd',
    confirmedBy: 'Bevestigd door', reasonNotedAt: 'reden genoteerd om', segment: 'Segment', started: 'Begonnen', stopped: 'Gestopt', duration: 'Duur',
    status: 'Status', file: 'Bestand', size: 'Grootte (bytes)', sha256: 'SHA-256', workingCopy: 'Werkkopie',
    derivedBy: 'Afgeleid met', time: 'Tijd', intoRecording: 'In de opname', event: 'Gebeurtenis', details: 'Details',
    ruleSet: 'Regelset', version: 'Versie', application: 'Toepassing', keyFingerprint: 'Vingerafdruk van de installatiesleutel (vergelijk ze met die welke de griffie ontvangt)', chosen: 'Gekozen door de minderjarige',
    noneChosen: 'De minderjarige koos niemand', refused: 'Geweigerd door de magistraat',
  },
  issuers: { prosecutor: 'Procureur des Konings', investigating_judge: 'Onderzoeksrechter' },
  offences: {
    child_trafficking: 'Mensenhandel, ten aanzien van een minderjarige (art. 433quinquies Sw.)',
    human_trafficking: 'Mensenhandel (art. 433quinquies Sw.)', rape: 'Verkrachting',
    sexual_assault: 'Aanranding van de seksuele integriteit', sexual_exploitation_of_minors: 'Seksuele uitbuiting van minderjarigen',
    hostage_taking: 'Gijzeling', child_abuse: 'Kindermishandeling', child_abduction: 'Kinderontvoering',
    other_listed: 'Ander misdrijf bedoeld in art. 91bis',
  },
  capacities: { victim: 'Slachtoffer', witness: 'Getuige' },
  categories: { minor: 'Minderjarige', vulnerable_adult: 'Kwetsbare meerderjarige' },
  roles: {
    interviewer: 'Verhoorder', technician: 'Technicus', psychologist: 'Psycholoog', psychiatrist: 'Psychiater',
    person_of_trust: 'Vertrouwenspersoon', investigator: 'Onderzoeker', magistrate: 'Magistraat', interpreter: 'Tolk',
    other: 'Andere',
  },
  rooms: { hearing_room: 'Verhoorlokaal', control_room: 'Regiekamer' },
  stopReasons: {
    consent_withdrawn: 'toestemming ingetrokken', device_lost: 'camera of microfoon losgekoppeld',
    storage_full: 'schijf bijna vol', page_lost: 'de pagina die opnam werd gesloten; afgesloten door Hearing Room',
    interrupted: 'Hearing Room stopte tijdens de opname; hersteld bij de volgende start',
  },
  events: {
    recording_started: 'Opname gestart', recording_stopped: 'Opname gestopt', paused: 'Gepauzeerd', resumed: 'Hervat',
    interruption: 'Onderbreking', attendee_arrived: 'Aankomst', attendee_left: 'Vertrek',
    question_from_control_room: 'Vraag uit de regiekamer', mark: 'Markering', technical_incident: 'Technisch incident',
    consent_withdrawn: 'Toestemming ingetrokken',
  },
  statuses: {
    recording: 'Bezig', complete: 'Volledig', interrupted: 'Onderbroken (hersteld na een storing)',
    given: 'Gegeven', refused: 'Geweigerd',
  },
  yes: 'Ja', no: 'Nee', none: '—', notRecorded: 'Niet genoteerd', years: 'jaar',
};

const fr: RecordLabels = {
  title: "Procès-verbal d'une audition audiovisuelle",
  subtitle: "Articles 91bis à 101 du Code d'instruction criminelle",
  sections: {
    case: 'Dossier', order: "Ordre d'enregistrement", person: 'Personne entendue', consent: 'Consentement',
    information: "Information donnée à l'enfant", trust: 'Personne de confiance', attendees: 'Personnes présentes',
    room: "Le local d'audition", recordings: "Fichiers d'enregistrement", events: "Déroulement de l'audition",
    rules: 'Règles appliquées',
  },
  fields: {
    caseReference: 'Numéro de notice', hearingId: "Identifiant de l'audition", hearingDate: "Date de l'audition",
    hearingStart: "Début de l'audition", generatedAt: 'Procès-verbal établi le', issuedBy: 'Ordonné par',
    magistrate: 'Magistrat', reference: 'Référence', date: 'Date', offence: 'Infraction', capacity: 'Entendu comme',
    decisionNotToRecord: 'Décision motivée de ne pas enregistrer', reasons: 'Motifs', name: 'Nom',
    dateOfBirth: 'Date de naissance', assessedRange: 'Date de naissance estimée', age: "Âge le jour de l'audition",
    category: 'Catégorie', language: 'Langue', decision: 'Décision', takenBy: 'Demandé par', at: 'Le',
    wordsSaid: 'Paroles prononcées', withdrawn: 'Consentement retiré', notedBy: 'Constaté par', givenBy: 'Informé par',
    relation: 'Lien avec le mineur', choice: 'Choix', recordedBy: 'Noté par', refusedPerson: 'Personne refusée',
    decidedBy: 'Décidé par', then: 'Choisi ensuite', role: 'Rôle', room: 'Local', training: 'Référence de la formation',
    arrived: 'Arrivée', left: 'Départ', childFriendly: 'Aménagé pour un enfant', equipmentChecked: 'Matériel vérifié',
    confirmedBy: 'Confirmé par', reasonNotedAt: 'motif noté à', segment: 'Segment', started: 'Début', stopped: 'Fin', duration: 'Durée',
    status: 'Statut', file: 'Fichier', size: 'Taille (octets)', sha256: 'SHA-256', workingCopy: 'Copie de travail',
    derivedBy: 'Dérivée avec', time: 'Heure', intoRecording: "Dans l'enregistrement", event: 'Événement',
    details: 'Détails', ruleSet: 'Jeu de règles', version: 'Version', application: 'Application',
    keyFingerprint: "Empreinte de la clé de l'installation (à comparer avec celle que reçoit le greffe)",
    chosen: 'Choisie par le mineur', noneChosen: "Le mineur n'a choisi personne", refused: 'Refusée par le magistrat',
  },
  issuers: { prosecutor: 'Procureur du Roi', investigating_judge: "Juge d'instruction" },
  offences: {
    child_trafficking: "Traite des êtres humains, à l'égard d'un mineur (art. 433quinquies C. pén.)",
    human_trafficking: 'Traite des êtres humains (art. 433quinquies C. pén.)', rape: 'Viol',
    sexual_assault: "Atteinte à l'intégrité sexuelle", sexual_exploitation_of_minors: 'Exploitation sexuelle de mineurs',
    hostage_taking: "Prise d'otages", child_abuse: "Maltraitance d'enfant", child_abduction: "Enlèvement d'enfant",
    other_listed: "Autre infraction visée à l'art. 91bis",
  },
  capacities: { victim: 'Victime', witness: 'Témoin' },
  categories: { minor: 'Mineur', vulnerable_adult: 'Majeur vulnérable' },
  roles: {
    interviewer: 'Auditionneur', technician: 'Technicien', psychologist: 'Psychologue', psychiatrist: 'Psychiatre',
    person_of_trust: 'Personne de confiance', investigator: 'Enquêteur', magistrate: 'Magistrat', interpreter: 'Interprète',
    other: 'Autre',
  },
  rooms: { hearing_room: "Local d'audition", control_room: 'Local de régie' },
  stopReasons: {
    consent_withdrawn: 'consentement retiré', device_lost: 'caméra ou microphone déconnecté',
    storage_full: 'disque presque plein', page_lost: "la page qui enregistrait a été fermée ; clôturé par Hearing Room",
    interrupted: "Hearing Room s'est arrêté pendant l'enregistrement ; récupéré au démarrage suivant",
  },
  events: {
    recording_started: 'Enregistrement commencé', recording_stopped: 'Enregistrement arrêté', paused: 'Pause',
    resumed: 'Reprise', interruption: 'Interruption', attendee_arrived: 'Arrivée', attendee_left: 'Départ',
    question_from_control_room: 'Question du local de régie', mark: 'Repère', technical_incident: 'Incident technique',
    consent_withdrawn: 'Consentement retiré',
  },
  statuses: {
    recording: 'En cours', complete: 'Complet', interrupted: 'Interrompu (récupéré après une panne)',
    given: 'Donné', refused: 'Refusé',
  },
  yes: 'Oui', no: 'Non', none: '—', notRecorded: 'Non noté', years: 'ans',
};

const de: RecordLabels = {
  title: 'Protokoll einer audiovisuellen Vernehmung',
  subtitle: 'Artikel 91bis bis 101 des Strafprozessgesetzbuches',
  sections: {
    case: 'Akte', order: 'Anordnung der Aufzeichnung', person: 'Vernommene Person', consent: 'Einwilligung',
    information: 'Information des Kindes', trust: 'Vertrauensperson', attendees: 'Anwesende', room: 'Der Vernehmungsraum',
    recordings: 'Aufzeichnungsdateien', events: 'Verlauf der Vernehmung', rules: 'Angewandte Regeln',
  },
  fields: {
    caseReference: 'Aktenzeichen', hearingId: 'Kennung der Vernehmung', hearingDate: 'Datum der Vernehmung',
    hearingStart: 'Beginn der Vernehmung', generatedAt: 'Protokoll erstellt am', issuedBy: 'Angeordnet von',
    magistrate: 'Magistrat', reference: 'Referenz', date: 'Datum', offence: 'Straftat', capacity: 'Vernommen als',
    decisionNotToRecord: 'Begründete Entscheidung, nicht aufzuzeichnen', reasons: 'Gründe', name: 'Name',
    dateOfBirth: 'Geburtsdatum', assessedRange: 'Geschätztes Geburtsdatum', age: 'Alter am Tag der Vernehmung',
    category: 'Kategorie', language: 'Sprache', decision: 'Entscheidung', takenBy: 'Eingeholt von', at: 'Am',
    wordsSaid: 'Gesprochene Worte', withdrawn: 'Einwilligung widerrufen', notedBy: 'Festgestellt von',
    givenBy: 'Informiert von', relation: 'Beziehung zum Minderjährigen', choice: 'Wahl', recordedBy: 'Vermerkt von',
    refusedPerson: 'Abgelehnte Person', decidedBy: 'Entschieden von', then: 'Danach gewählt', role: 'Rolle',
    room: 'Raum', training: 'Referenz der Ausbildung', arrived: 'Ankunft', left: 'Abgang',
    childFriendly: 'Kindgerecht eingerichtet', equipmentChecked: 'Technik geprüft', confirmedBy: 'Bestätigt von', reasonNotedAt: 'Grund vermerkt um',
    segment: 'Segment', started: 'Beginn', stopped: 'Ende', duration: 'Dauer', status: 'Status', file: 'Datei',
    size: 'Größe (Bytes)', sha256: 'SHA-256', workingCopy: 'Arbeitskopie', derivedBy: 'Abgeleitet mit', time: 'Uhrzeit',
    intoRecording: 'In der Aufzeichnung', event: 'Ereignis', details: 'Einzelheiten', ruleSet: 'Regelwerk',
    version: 'Version', application: 'Anwendung', keyFingerprint: 'Fingerabdruck des Installationsschlüssels (mit dem der Kanzlei mitgeteilten vergleichen)', chosen: 'Vom Minderjährigen gewählt',
    noneChosen: 'Der Minderjährige hat niemanden gewählt', refused: 'Vom Magistrat abgelehnt',
  },
  issuers: { prosecutor: 'Prokurator des Königs', investigating_judge: 'Untersuchungsrichter' },
  offences: {
    child_trafficking: 'Menschenhandel an einem Minderjährigen (Art. 433quinquies StGB)',
    human_trafficking: 'Menschenhandel (Art. 433quinquies StGB)', rape: 'Vergewaltigung',
    sexual_assault: 'Verletzung der sexuellen Integrität', sexual_exploitation_of_minors: 'Sexuelle Ausbeutung Minderjähriger',
    hostage_taking: 'Geiselnahme', child_abuse: 'Kindesmisshandlung', child_abduction: 'Kindesentführung',
    other_listed: 'Andere in Art. 91bis genannte Straftat',
  },
  capacities: { victim: 'Opfer', witness: 'Zeuge' },
  categories: { minor: 'Minderjährig', vulnerable_adult: 'Schutzbedürftiger Erwachsener' },
  roles: {
    interviewer: 'Vernehmungsbeamter', technician: 'Techniker', psychologist: 'Psychologe', psychiatrist: 'Psychiater',
    person_of_trust: 'Vertrauensperson', investigator: 'Ermittler', magistrate: 'Magistrat', interpreter: 'Dolmetscher',
    other: 'Andere',
  },
  rooms: { hearing_room: 'Vernehmungsraum', control_room: 'Regieraum' },
  stopReasons: {
    consent_withdrawn: 'Einwilligung widerrufen', device_lost: 'Kamera oder Mikrofon getrennt',
    storage_full: 'Festplatte fast voll', page_lost: 'die aufnehmende Seite wurde geschlossen; von Hearing Room abgeschlossen',
    interrupted: 'Hearing Room hielt während der Aufnahme an; beim nächsten Start wiederhergestellt',
  },
  events: {
    recording_started: 'Aufzeichnung begonnen', recording_stopped: 'Aufzeichnung beendet', paused: 'Pause',
    resumed: 'Fortgesetzt', interruption: 'Unterbrechung', attendee_arrived: 'Ankunft', attendee_left: 'Abgang',
    question_from_control_room: 'Frage aus dem Regieraum', mark: 'Markierung', technical_incident: 'Technischer Vorfall',
    consent_withdrawn: 'Einwilligung widerrufen',
  },
  statuses: {
    recording: 'Läuft', complete: 'Vollständig', interrupted: 'Unterbrochen (nach einem Ausfall wiederhergestellt)',
    given: 'Erteilt', refused: 'Verweigert',
  },
  yes: 'Ja', no: 'Nein', none: '—', notRecorded: 'Nicht vermerkt', years: 'Jahre',
};

export const recordLabels: Record<RecordLanguage, RecordLabels> = { en, nl, fr, de };
