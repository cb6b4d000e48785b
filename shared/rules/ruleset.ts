import type { AttendeeRole, OffenceCategory } from '../domain/procedure';
import type { LeapDayBirthday } from './age';
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
}

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
  version: '1.0.0',
  validFrom: '2021-10-01',
  sources: [
    'Code of Criminal Procedure arts. 91bis-101, inserted by the Act of 28 November 2000; the consolidated text of arts. 92-101 was not consulted.',
    'National thematic study on child trafficking in Belgium, chapter G.1 and paragraphs 16, 96 and 104 [study].',
    'FPS Justice information pages on witnesses during the investigation; EJN Fiches Belges A.11; High Council of Justice opinion of 4 May 2021; RTBF 2023; Het Nieuwsblad 2021 [secondary].',
    'validFrom: the joint circular of October 2021 extending filmed hearings to vulnerable adults; the exact day is to be confirmed.',
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
  },
};

/** The rule set the application applies to new hearings. */
export const currentRuleSet: RuleSet = beCic91bis101;
