/**
 * The states of the European Economic Area, as data with the days each one's membership began
 * and ended, so that the rule set can say whether a person's nationality was an EEA one on the
 * hearing day. The Guardianship Law (study §68) appoints a guardian for an unaccompanied minor
 * who is not an EEA national; EEA minors in a vulnerable situation follow the circular of
 * 2 August 2007 instead.
 *
 * Basis [secondary]: the EEA Agreement (in force 1 January 1994) and its enlargements; the
 * United Kingdom left on 31 January 2020 and the EEA at the end of the transition period
 * (31 December 2020); Bulgaria and Romania from the provisional application of their EEA
 * enlargement agreement (1 August 2007); Croatia's participation is provisionally applied from
 * 12 April 2014.
 * Dates before the rule set's first day (2021-10-01) are kept for completeness and are not
 * relied upon. Switzerland is not an EEA state. A legal adviser confirms this list.
 */
export interface EeaMembership {
  /** ISO 3166-1 alpha-2 code, upper case (`BE`, `RO`). */
  code: string;
  /** First day of membership (YYYY-MM-DD). */
  from: string;
  /** Last day of membership, or null while the state is a member. */
  until: string | null;
}

const member = (code: string, from: string, until: string | null = null): EeaMembership => ({
  code,
  from,
  until,
});

export const eeaMemberships: readonly EeaMembership[] = [
  ...[
    'AT',
    'BE',
    'DE',
    'DK',
    'ES',
    'FI',
    'FR',
    'GR',
    'IE',
    'IS',
    'IT',
    'LU',
    'NL',
    'NO',
    'PT',
    'SE',
  ].map((code) => member(code, '1994-01-01')),
  member('GB', '1994-01-01', '2020-12-31'),
  member('LI', '1995-05-01'),
  ...['CY', 'CZ', 'EE', 'HU', 'LT', 'LV', 'MT', 'PL', 'SI', 'SK'].map((code) =>
    member(code, '2004-05-01'),
  ),
  ...['BG', 'RO'].map((code) => member(code, '2007-08-01')),
  member('HR', '2014-04-12'),
];
