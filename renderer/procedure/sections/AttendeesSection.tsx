import { useRef } from 'react';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { accountRolesForAttendee } from '../../../shared/access/hearing-access';
import {
  attendee,
  attendeeRoles,
  languageCode,
  rooms,
  type AttendeeDraft,
  type AttendeeRole,
} from '../../../shared/domain/procedure';
import { call } from '../../api/client';
import { useQuery } from '../../api/use-query';
import { formatLocale } from '../../i18n/locale';
import { fieldId } from '../field-ids';
import { SelectField, TextField, type Option } from '../fields';
import { formatBrusselsDateTime } from '../../format/dates';
import { optionsFor } from '../options';
import { Section } from '../Section';
import { useSectionForm, type Reader, type Values } from '../section-form';
import type { SectionProps } from './props';

/** The most people a hearing's list may hold (main refuses more). */
const maxAttendees = 50;

const rowIds = (value: string) => value.split(' ').filter(Boolean);

const loadDirectory = () => call('accounts.directory', {});

/** Whether a person present in this role can have an account (a person of trust, an interpreter cannot). */
const mayHaveAccount = (role: string) => (accountRolesForAttendee[role as AttendeeRole]?.length ?? 0) > 0;

function rowValues(a: AttendeeDraft): Values {
  return {
    [`${a.id}.name`]: a.name ?? '',
    [`${a.id}.role`]: a.role ?? '',
    [`${a.id}.room`]: a.room ?? '',
    [`${a.id}.trainingReference`]: a.trainingReference ?? '',
    [`${a.id}.userId`]: a.userId ?? '',
    [`${a.id}.languages`]: (a.languages ?? []).join(', '),
    [`${a.id}.swornReference`]: a.swornReference ?? '',
  };
}

/** The languages an interpreter interprets, typed as codes separated by commas or spaces. */
function readLanguages(read: Reader, name: string, fallback: string[] | null | undefined): string[] | null {
  const codes = read
    .raw(name)
    .split(/[\s,;]+/)
    .map((c) => c.trim().toLowerCase())
    .filter(Boolean);
  if (codes.length === 0) return null;
  const checked = z.array(languageCode).max(10).safeParse(codes);
  if (!checked.success) {
    read.problem(name, { code: 'languages_invalid' }, true);
    return fallback ?? null;
  }
  return checked.data;
}

/**
 * Who is present and where: the interviewer (with their training), the technician, the
 * psychologist or psychiatrist, the person of trust, and anyone else. Once the hearing has been
 * recorded people can still be added, never removed; their arrival and departure are logged as
 * events during the hearing.
 */
export function AttendeesSection({
  store,
  view,
  readOnly,
  locked,
}: SectionProps & { locked: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = formatLocale(i18n.resolvedLanguage);
  const options = optionsFor(t);
  const addButton = useRef<HTMLButtonElement>(null);
  const directory = useQuery('directory', loadDirectory);
  const form = useSectionForm({
    section: 'attendees',
    store,
    readOnly,
    initial: () => {
      const list = view.draft.attendees ?? [];
      return Object.assign({ rows: list.map((a) => a.id).join(' ') }, ...list.map(rowValues));
    },
    build: (read, stored): AttendeeDraft[] =>
      rowIds(read.raw('rows')).map((id) => {
        const was = stored?.find((a) => a.id === id);
        const role = read.choice(`${id}.role`, attendeeRoles);
        return {
          id,
          name: read.text(`${id}.name`, attendee.shape.name, was?.name),
          role,
          room: read.choice(`${id}.room`, rooms),
          trainingReference: read.text(
            `${id}.trainingReference`,
            attendee.shape.trainingReference.unwrap().unwrap(),
            was?.trainingReference,
            role === 'interviewer',
          ),
          // The account link, where the role allows one; main checks that the account fits the role.
          userId: role && mayHaveAccount(role) ? read.raw(`${id}.userId`) || null : null,
          languages:
            role === 'interpreter' ? readLanguages(read, `${id}.languages`, was?.languages) : (was?.languages ?? null),
          swornReference:
            role === 'interpreter'
              ? read.text(`${id}.swornReference`, attendee.shape.swornReference.unwrap().unwrap(), was?.swornReference, false)
              : (was?.swornReference ?? null),
          // Arrival and departure come from the event log, through main: keep what it holds.
          arrivedAt: was?.arrivedAt ?? null,
          leftAt: was?.leftAt ?? null,
        };
      }),
  });
  const labels = {
    name: t('procedure.attendees.name'),
    role: t('procedure.attendees.role'),
    room: t('procedure.attendees.room'),
    trainingReference: t('procedure.attendees.training'),
    userId: t('procedure.attendees.account'),
    languages: t('situation.interpreter.languages'),
    swornReference: t('situation.interpreter.sworn'),
  };
  /** The accounts that fit a role, and the one linked already (even if it no longer fits, so it shows). */
  const accountOptions = (role: string, linked: string): Option[] => {
    const fits = accountRolesForAttendee[role as AttendeeRole] ?? [];
    const people = directory.value ?? [];
    const options = people
      .filter((p) => fits.includes(p.role))
      .map((p) => ({ value: p.id, label: `${p.displayName} (${t(`roles.${p.role}`)})` }));
    if (linked && !options.some((o) => o.value === linked)) {
      const known = people.find((p) => p.id === linked);
      options.push({
        value: linked,
        label: known ? `${known.displayName} (${t(`roles.${known.role}`)})` : t('procedure.attendees.accountInactive'),
      });
    }
    return options;
  };
  const ids = rowIds(form.text('rows'));
  const stored = view.draft.attendees ?? [];
  const saved = new Set(stored.map((a) => a.id));

  function add() {
    const id = crypto.randomUUID();
    form.changeMany({ rows: [...ids, id].join(' '), ...rowValues({ id }) });
    window.requestAnimationFrame(() =>
      document.getElementById(fieldId(`attendees.${ids.length}.name`))?.focus(),
    );
  }

  function remove(id: string) {
    form.changeMany({ rows: ids.filter((other) => other !== id).join(' ') });
    form.flush();
    addButton.current?.focus();
  }

  return (
    <Section
      path="attendees"
      title={t('procedure.attendees.title')}
      form={form}
      labels={labels}
      intro={
        <p className="note">
          {locked ? t('procedure.attendees.lockedIntro') : t('procedure.attendees.intro')}
        </p>
      }
    >
      {ids.length === 0 ? (
        <p className="empty small">{t('procedure.attendees.empty')}</p>
      ) : (
        <ol className="attendees">
          {ids.map((id, index) => {
            const path = `attendees.${index}`;
            const name = form.text(`${id}.name`);
            const times = stored.find((a) => a.id === id);
            const legend = name || t('procedure.attendees.person', { n: index + 1 });
            return (
              <li key={id}>
                <fieldset className="attendee" id={fieldId(path)}>
                  <legend>{legend}</legend>
                  <div className="field-grid">
                    <TextField
                      form={form}
                      name={`${id}.name`}
                      path={`${path}.name`}
                      label={labels.name}
                    />
                    <SelectField
                      form={form}
                      name={`${id}.role`}
                      path={`${path}.role`}
                      label={labels.role}
                      options={options.roles}
                    />
                    <SelectField
                      form={form}
                      name={`${id}.room`}
                      path={`${path}.room`}
                      label={labels.room}
                      options={options.rooms}
                    />
                    {mayHaveAccount(form.text(`${id}.role`)) && (
                      <SelectField
                        form={form}
                        name={`${id}.userId`}
                        path={`${path}.userId`}
                        label={labels.userId}
                        hint={t('procedure.attendees.accountHint')}
                        options={accountOptions(form.text(`${id}.role`), form.text(`${id}.userId`))}
                      />
                    )}
                    {form.text(`${id}.role`) === 'interviewer' && (
                      <TextField
                        form={form}
                        name={`${id}.trainingReference`}
                        path={`${path}.trainingReference`}
                        label={labels.trainingReference}
                        hint={t('procedure.attendees.trainingHint')}
                      />
                    )}
                    {form.text(`${id}.role`) === 'interpreter' && (
                      <>
                        <TextField
                          form={form}
                          name={`${id}.languages`}
                          path={`${path}.languages`}
                          label={labels.languages}
                          hint={t('situation.interpreter.languagesHint')}
                        />
                        <TextField
                          form={form}
                          name={`${id}.swornReference`}
                          path={`${path}.swornReference`}
                          label={labels.swornReference}
                          hint={t('situation.interpreter.swornHint')}
                        />
                      </>
                    )}
                  </div>
                  {(times?.arrivedAt || times?.leftAt) && (
                    <p className="muted attendee-times">
                      {times.arrivedAt &&
                        t('procedure.attendees.arrived', {
                          at: formatBrusselsDateTime(times.arrivedAt, locale),
                        })}{' '}
                      {times.leftAt &&
                        t('procedure.attendees.left', {
                          at: formatBrusselsDateTime(times.leftAt, locale),
                        })}
                    </p>
                  )}
                  {!readOnly && !(locked && saved.has(id)) && (
                    <button
                      type="button"
                      className="button small quiet"
                      onClick={() => remove(id)}
                      aria-label={t('procedure.attendees.removeNamed', { name: legend })}
                    >
                      {t('procedure.attendees.remove')}
                    </button>
                  )}
                </fieldset>
              </li>
            );
          })}
        </ol>
      )}
      {!readOnly && (
        <button
          ref={addButton}
          type="button"
          className="button"
          id={fieldId('attendees.add')}
          onClick={add}
          disabled={ids.length >= maxAttendees}
        >
          {t('procedure.attendees.add')}
        </button>
      )}
    </Section>
  );
}
