/**
 * The specialised reception centres a suspected victim of trafficking is put in contact with
 * (study §§56, 85–86). The list is data: the follow-up section stores a centre's `id`, and the
 * rule set says which ids it accepts, so a centre that closes or opens changes the rule set, not
 * the schema, and a stored follow-up still parses.
 */
export interface ReceptionCentre {
  id: string;
  name: string;
  place: string;
  /**
   * `all`: one of the three centres recognised for victims of trafficking, which also take
   * children; `minors`: a reception for children only (the study names these "for minors").
   */
  receives: 'all' | 'minors';
}

export const receptionCentres: readonly ReceptionCentre[] = [
  { id: 'payoke', name: 'Payoke', place: 'Antwerpen', receives: 'all' },
  { id: 'surya', name: 'Sürya', place: 'Liège', receives: 'all' },
  { id: 'pag_asa', name: 'Pag-Asa', place: 'Bruxelles / Brussel', receives: 'all' },
  { id: 'esperanto', name: 'Esperanto', place: 'Wallonie', receives: 'minors' },
  { id: 'minor_ndako', name: 'Minor Ndako', place: 'Bruxelles / Brussel', receives: 'minors' },
  { id: 'juna', name: 'Juna', place: 'Aalst', receives: 'minors' },
];
