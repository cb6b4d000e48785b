import type { TFunction } from 'i18next';
import {
  attendeeRoles,
  capacities,
  consentDecisions,
  issuers,
  offenceCategories,
  personCategories,
  rooms,
} from '../../shared/domain/procedure';
import type { Option } from './fields';

/** The record's enumerations as translated choices, in the order the record lists them. */
export function optionsFor(t: TFunction) {
  return {
    issuers: issuers.map((value) => ({ value, label: t(`procedure.issuers.${value}`) })),
    offences: offenceCategories.map((value) => ({
      value,
      label: t(`procedure.offences.${value}`),
    })),
    capacities: capacities.map((value) => ({ value, label: t(`procedure.capacities.${value}`) })),
    categories: personCategories.map((value) => ({
      value,
      label: t(`procedure.categories.${value}`),
    })),
    decisions: consentDecisions.map((value) => ({
      value,
      label: t(`procedure.consent.decisions.${value}`),
    })),
    roles: attendeeRoles.map((value) => ({ value, label: t(`procedure.roles.${value}`) })),
    rooms: rooms.map((value) => ({ value, label: t(`procedure.rooms.${value}`) })),
  } satisfies Record<string, Option[]>;
}
