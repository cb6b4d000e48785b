import { eeaMemberships, type EeaMembership } from '../domain/eea';
import type { AttendeeRole, OffenceCategory } from '../domain/procedure';
import { receptionCentres, type ReceptionCentre } from '../domain/reception-centres';
import type { LeapDayBirthday } from './age';
import type { Period } from './periods';
import type { PlainUnmetCode } from './unmet';

/**
 * Where a rule comes from (docs/legal.md):
 * - `study`: stated by the national thematic study on child trafficking; change it only on a
 *   fresh reading of the law.
 * - `secondary`: FPS Justice pages, the EJN fiche for Belgium, the High Council of Justice,
 *   the press; configurable.
 * - `project`: a choice the project made where the sources are silent; configurable.
 */
export type Basis = 'study' | 'secondary' | 'project';

export interface RuleItem<T> {
  value: T;
  basis: Basis;
  /** Where the value comes from, in words a legal adviser can check. */
  source: string;
  /** The paragraph relied on, as `[study §68]` or `[secondary]`. */
  reference?: string;
  /**
   * The first hearing day the source states the value for (YYYY-MM-DD). The facts of the study
   * describe 2008-2009: where the source gives no earlier day, that is the day used.
   */
  validFrom?: string;
  /** The last hearing day the value is known to hold; null when no end is known (to confirm). */
  validUntil?: string | null;
}

/**
 * Which gate a report closes: `recording` blocks the recording (`Evaluation.unmet`); `sealing`
 * lets the hearing be recorded but must be settled before it is sealed
 * (`Evaluation.openForSealing`); `reminder` never blocks (`Evaluation.reminders`).
 */
export const gates = ['recording', 'sealing', 'reminder'] as const;
export type Gate = (typeof gates)[number];

/** Some attendee with one of these roles must be present, else `code` is reported. */
export interface PresenceRule {
  anyOf: readonly AttendeeRole[];
  code: PlainUnmetCode;
}

export interface RuleValues {
  consentAge: number;
  majorityAge: number;
  personOfTrustMinimumAge: number;
  leapDayBirthday: LeapDayBirthday;
  requiredPresence: readonly PresenceRule[];
  interviewerTrainingRequired: boolean;
  personOfTrustMustAttend: boolean;
  personOfTrustForVulnerableAdults: boolean;
  gravestSexualOffences: readonly OffenceCategory[];
  vulnerableAdultsInScope: boolean;
  vulnerableAdultOffences: readonly OffenceCategory[];
  childFriendlyRoomRequired: boolean;
  equipmentCheckRequired: boolean;
  eeaStates: readonly EeaMembership[];
  guardianshipOfficeWarning: Gate;
  eeaVulnerableMinorsCircular: Gate;
  proceedingsLanguages: readonly string[];
  interpreterRequired: boolean;
  protectiveFollowUpOffences: readonly OffenceCategory[];
  protectiveFollowUpGate: Gate;
  receptionCentres: readonly ReceptionCentre[];
  reflectionPeriod: { minor: Period; adult: Period };
}

export interface RuleSet {
  id: string;
  /** Semantic version: bump the minor for a changed value, the major for a changed meaning. */
  version: string;
  /** The first hearing day the rule set applies to (YYYY-MM-DD). */
  validFrom: string;
  sources: readonly string[];
  rules: { [K in keyof RuleValues]: RuleItem<RuleValues[K]> };
}

export const isConfigurable = (item: RuleItem<unknown>): boolean => item.basis !== 'study';

/**
 * The rules of articles 91bis to 101 of the Code of Criminal Procedure as the project reads
 * them (docs/legal.md). A legal adviser changes a value here and bumps `version`; the engine
 * does not change.
 */
export const beCic91bis101: RuleSet = {
  id: 'be-cic-91bis-101',
  version: '1.1.0',
  validFrom: '2021-10-01',
  sources: [
    'Code of Criminal Procedure arts. 91bis-101, inserted by the Act of 28 November 2000; the consolidated text of arts. 92-101 was not consulted.',
    'National thematic study on child trafficking in Belgium, chapter G.1 and paragraphs 16, 96 and 104 [study].',
    'FPS Justice information pages on witnesses during the investigation; EJN Fiches Belges A.11; High Council of Justice opinion of 4 May 2021; RTBF 2023; Het Nieuwsblad 2021 [secondary].',
    'validFrom: the joint circular of October 2021 extending filmed hearings to vulnerable adults; the exact day is to be confirmed.',
    'Unaccompanied and trafficked children (1.1.0): the same study, paragraphs 56, 68-69, 78 and 85-87, which describe the law and practice of 2008-2009 [study]; to be confirmed for today by a legal adviser.',
  ],
  rules: {
    consentAge: {
      value: 12,
      basis: 'study',
      source: 'A minor aged 12 or more on the hearing day must consent; a younger one is informed.',
    },
    majorityAge: {
      value: 18,
      basis: 'study',
      source: 'The procedure applies to a person under 18 on the hearing day.',
    },
    personOfTrustMinimumAge: {
      value: 18,
      basis: 'study',
      source: 'Art. 91bis: an adult of the minor’s choice (also in the secondary sources).',
    },
    leapDayBirthday: {
      value: 'march_1',
      basis: 'project',
      source: 'Born on 29 February: a year older on 1 March in a common year (docs/rules.md).',
    },
    requiredPresence: {
      value: [
        { anyOf: ['interviewer'], code: 'attendee.interviewer_missing' },
        { anyOf: ['technician'], code: 'attendee.technician_missing' },
        { anyOf: ['psychologist', 'psychiatrist'], code: 'attendee.psychologist_missing' },
      ],
      basis: 'study',
      source:
        'Present: the interviewer, a member of the technical staff, a psychiatrist or a psychologist.',
    },
    interviewerTrainingRequired: {
      value: true,
      basis: 'study',
      source:
        'The interviewer has specific training; the TAM brevet as its usual proof is [secondary].',
    },
    personOfTrustMustAttend: {
      value: true,
      basis: 'study',
      source: 'Present: the accompanying person chosen by the minor.',
    },
    personOfTrustForVulnerableAdults: {
      value: false,
      basis: 'project',
      source:
        'Art. 91bis gives the right to a person of trust to minors; nothing found for adults.',
    },
    gravestSexualOffences: {
      value: ['rape', 'sexual_assault', 'sexual_exploitation_of_minors'],
      basis: 'secondary',
      source:
        'Act of 30 November 2011: recording is the rule for minor victims; not recording needs reasons. The list of offences is to be checked against the Act and the 2022 reform of sexual criminal law.',
    },
    vulnerableAdultsInScope: {
      value: true,
      basis: 'secondary',
      source:
        'Joint circular of October 2021: filmed hearings of vulnerable adult victims or witnesses.',
    },
    vulnerableAdultOffences: {
      value: [
        'rape',
        'sexual_assault',
        'sexual_exploitation_of_minors',
        'hostage_taking',
        'child_trafficking',
        'human_trafficking',
        'child_abuse',
        'child_abduction',
      ],
      basis: 'secondary',
      source:
        'Joint circular of October 2021: sexual violence, hostage taking, trafficking, child abuse, child abduction.',
    },
    childFriendlyRoomRequired: {
      value: true,
      basis: 'study',
      source: 'The hearing room is specially arranged for the purpose and child-friendly.',
    },
    equipmentCheckRequired: {
      value: true,
      basis: 'project',
      source: 'The recording is the evidence: the equipment is tested before the hearing starts.',
    },
    eeaStates: {
      value: eeaMemberships,
      basis: 'secondary',
      source:
        'EEA Agreement and its enlargements, each state with the days of its membership (shared/domain/eea.ts). A nationality outside the list on the hearing day is not an EEA one.',
      reference: '[secondary]',
      validFrom: '1994-01-01',
      validUntil: null,
    },
    guardianshipOfficeWarning: {
      value: 'sealing',
      basis: 'project',
      source:
        'Any authority that learns that a non-EEA minor is unaccompanied must warn the Guardianship Office at once (study §68). Not a bar to recording: in urgent matters the head of the Office takes temporary guardianship (§68) and an urgent hearing must stay possible; the warning must be recorded before sealing.',
      reference: '[study §68]',
      validFrom: '2008-01-01',
      validUntil: null,
    },
    eeaVulnerableMinorsCircular: {
      value: 'reminder',
      basis: 'study',
      source:
        'EEA minors in a vulnerable situation (a victim of trafficking among them) fall under the circular of 2 August 2007, not the Guardianship Law (study §68).',
      reference: '[study §68]',
      validFrom: '2007-08-02',
      validUntil: null,
    },
    proceedingsLanguages: {
      value: ['nl', 'fr', 'de'],
      basis: 'secondary',
      source:
        'Act of 15 June 1935 on the use of languages in judicial matters: proceedings are in Dutch, French or German. A hearing without a recorded language is taken to be held in the person’s language when it is one of these.',
      reference: '[secondary]',
      validFrom: '1935-06-15',
      validUntil: null,
    },
    interpreterRequired: {
      value: true,
      basis: 'study',
      source:
        'Many of these children speak no Dutch, French or German: an interpreter takes part, and consent or information is given in a language the child understands (docs/legal.md, unaccompanied and trafficked children; paragraph to be confirmed).',
      reference: '[study]',
      validFrom: '2008-01-01',
      validUntil: null,
    },
    protectiveFollowUpOffences: {
      value: ['child_trafficking', 'human_trafficking', 'sexual_exploitation_of_minors'],
      basis: 'study',
      source:
        'A suspected victim of trafficking (Criminal Code art. 433quinquies) is put in contact with a specialised reception centre (study §§56, 85-86); sexual exploitation of minors is one of the forms of exploitation that article covers.',
      reference: '[study §§56, 85-86]',
      validFrom: '2008-01-01',
      validUntil: null,
    },
    protectiveFollowUpGate: {
      value: 'sealing',
      basis: 'project',
      source:
        'The follow-up closes the hearing: it cannot be done before the recording, so what is still open is listed when sealing (issue 10).',
      reference: '[study §§56, 78, 85-86]',
      validFrom: '2008-01-01',
      validUntil: null,
    },
    receptionCentres: {
      value: receptionCentres,
      basis: 'study',
      source:
        'Payoke (Antwerp), Sürya (Liège), Pag-Asa (Brussels); for children also Esperanto, Minor Ndako and Juna (study §§56, 85-86; shared/domain/reception-centres.ts).',
      reference: '[study §§56, 85-86]',
      validFrom: '2008-01-01',
      validUntil: null,
    },
    reflectionPeriod: {
      value: { minor: { months: 3 }, adult: { days: 45 } },
      basis: 'study',
      source:
        'Reflection period: three months for a child, 45 days for an adult (study §78), counted from the day after it starts (docs/rules.md).',
      reference: '[study §78]',
      validFrom: '2008-01-01',
      validUntil: null,
    },
  },
};

/** The rule set the application applies to new hearings. */
export const currentRuleSet: RuleSet = beCic91bis101;
