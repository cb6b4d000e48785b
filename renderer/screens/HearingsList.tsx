import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { useQuery } from '../api/use-query';
import { DateInput } from '../components/DateInput';
import { PageHeading } from '../components/PageHeading';
import { LoadFailed, Loading } from '../components/QueryStatus';
import { HearingStatusBadge } from '../components/StatusBadge';
import { brusselsToday, formatBrusselsClock, formatCalendarDate } from '../format/dates';
import { addDays } from '../../shared/domain/plausible-dates';
import { formatIsoDate, parseIsoDate } from '../../shared/domain/dates';
import { plannedDays } from './planned-days';
import './hearing-changes.css';
import { formatInteger } from '../format/size';
import { navigate } from '../routing/router';
import { hrefFor, rememberListSearch } from '../routing/routes';
import { hearingStatus, type HearingStatus } from '../../shared/domain/hearing';
import type { HearingPage, HearingQuery, HearingSort } from '../../shared/domain/hearing-query';
import { formatLocale } from '../i18n/locale';
import { RecoveryNotice } from '../events/RecoveryNotice';
import { AccessForReason } from '../access/AccessForReason';
import { defaultDirection, pageSizes, queryFromSearch, searchFromQuery, shownRange, sortBy } from './list-query';

/**
 * The magistrate's desk: the hearings the person may see, searched, filtered, sorted and paged
 * by main (hearings.list). The search lives in the address, so going back from a hearing shows
 * the same page.
 */
export function HearingsList({ search }: { search?: string }) {
  const { t } = useTranslation();
  const query = queryFromSearch(search);
  const key = searchFromQuery(query);
  useEffect(() => rememberListSearch(key), [key]);
  const load = useCallback(() => call('hearings.list', queryFromSearch(key)), [key]);
  const hearings = useQuery(`hearings?${key}`, load);
  // The last page shown stays on screen while the next loads.
  const [shown, setShown] = useState<HearingPage | undefined>(undefined);
  useEffect(() => {
    if (hearings.value) setShown(hearings.value);
  }, [hearings.value]);

  const go = (next: HearingQuery) => navigate({ name: 'hearings', search: searchFromQuery(next) });
  const filtered = Object.keys(query).some((k) => !['sort', 'direction', 'page', 'pageSize'].includes(k));

  return (
    <>
      <div className="page-head">
        <PageHeading title={t('hearings.title')} />
        <button type="button" className="button primary" onClick={() => navigate({ name: 'newHearing' })}>
          {t('hearings.new')}
        </button>
      </div>
      <RecoveryNotice />
      <PlannedByDay />
      <SearchForm key={key} query={query} onSearch={go} />
      {shown ? (
        <>
          <HearingsTable page={shown} query={query} filtered={filtered} onQuery={go} busy={hearings.loading} />
          <Pager page={shown} query={query} onQuery={go} />
        </>
      ) : null}
      {hearings.error !== undefined ? (
        <LoadFailed what={t('hearings.loadFailed')} error={hearings.error} onRetry={hearings.reload} />
      ) : !shown ? (
        <Loading />
      ) : null}
      <AccessForReason />
    </>
  );
}

type Sealed = '' | 'yes' | 'no';

function SearchForm({ query, onSearch }: { query: HearingQuery; onSearch: (q: HearingQuery) => void }) {
  const { t } = useTranslation();
  const ids = useId();
  const [text, setText] = useState(query.text ?? '');
  const [magistrate, setMagistrate] = useState(query.magistrate ?? '');
  const [from, setFrom] = useState({ value: query.from ?? '', bad: false });
  const [to, setTo] = useState({ value: query.to ?? '', bad: false });
  const [status, setStatus] = useState<HearingStatus | ''>(query.status ?? '');
  const [sealed, setSealed] = useState<Sealed>(query.sealed === undefined ? '' : query.sealed ? 'yes' : 'no');
  const [problem, setProblem] = useState<string | null>(null);
  const problemRef = useRef<HTMLParagraphElement>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (from.bad || to.bad) {
      setProblem(t('hearings.search.badDate', { example: t('dates.dateExample') }));
      return;
    }
    if (from.value && to.value && from.value > to.value) {
      setProblem(t('hearings.search.datesReversed'));
      return;
    }
    setProblem(null);
    onSearch({
      text: text.trim() || undefined,
      magistrate: magistrate.trim() || undefined,
      from: from.value || undefined,
      to: to.value || undefined,
      status: status || undefined,
      sealed: sealed === '' ? undefined : sealed === 'yes',
      sort: query.sort,
      direction: query.direction,
      pageSize: query.pageSize,
    });
  }

  useEffect(() => {
    if (problem) problemRef.current?.focus();
  }, [problem]);

  return (
    <form role="search" className="panel hearing-search" aria-label={t('hearings.search.title')} onSubmit={submit}>
      <div className="search-row">
        <div className="field search-text">
          <label htmlFor={`${ids}-text`}>{t('hearings.search.text')}</label>
          <input
            id={`${ids}-text`}
            type="search"
            value={text}
            maxLength={200}
            aria-describedby={`${ids}-text-hint`}
            onChange={(e) => setText(e.currentTarget.value)}
          />
          <span id={`${ids}-text-hint`} className="muted small">
            {t('hearings.search.textHint')}
          </span>
        </div>
      </div>
      <div className="search-row">
        <div className="field">
          <label htmlFor={`${ids}-from`}>{t('hearings.search.from')}</label>
          <DateInput
            id={`${ids}-from`}
            kind="date"
            className="input-date"
            value={from.value}
            placeholder={t('dates.datePattern')}
            aria-invalid={from.bad || undefined}
            onChange={(value, bad) => setFrom({ value, bad })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${ids}-to`}>{t('hearings.search.to')}</label>
          <DateInput
            id={`${ids}-to`}
            kind="date"
            className="input-date"
            value={to.value}
            placeholder={t('dates.datePattern')}
            aria-invalid={to.bad || undefined}
            onChange={(value, bad) => setTo({ value, bad })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${ids}-status`}>{t('hearing.status')}</label>
          <select id={`${ids}-status`} value={status} onChange={(e) => setStatus(e.currentTarget.value as HearingStatus | '')}>
            <option value="">{t('hearings.search.anyStatus')}</option>
            {hearingStatus.options.map((s) => (
              <option key={s} value={s}>
                {t(`hearingStatus.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-sealed`}>{t('hearings.search.sealed')}</label>
          <select id={`${ids}-sealed`} value={sealed} onChange={(e) => setSealed(e.currentTarget.value as Sealed)}>
            <option value="">{t('hearings.search.sealedAny')}</option>
            <option value="yes">{t('hearings.search.sealedYes')}</option>
            <option value="no">{t('hearings.search.sealedNo')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-magistrate`}>{t('hearings.magistrate')}</label>
          <input
            id={`${ids}-magistrate`}
            type="text"
            value={magistrate}
            maxLength={200}
            onChange={(e) => setMagistrate(e.currentTarget.value)}
          />
        </div>
      </div>
      {problem && (
        <p className="notice error" role="alert" tabIndex={-1} ref={problemRef}>
          {problem}
        </p>
      )}
      <p className="actions">
        <button type="submit" className="button primary">
          {t('hearings.search.submit')}
        </button>
        <a className="button" href={hrefFor({ name: 'hearings', search: '' })}>
          {t('hearings.search.clear')}
        </a>
      </p>
    </form>
  );
}

const columns = [
  { sort: 'caseReference', label: 'hearing.caseReference' },
  { sort: null, label: 'hearing.minorName' },
  { sort: 'date', label: 'hearing.hearingDate' },
  { sort: null, label: 'hearings.magistrate' },
  { sort: 'status', label: 'hearing.status' },
  { sort: null, label: 'recordings.title', className: 'number' },
] as const satisfies ReadonlyArray<{ sort: HearingSort | null; label: string; className?: string }>;

/**
 * What is planned, by Brussels day from today: its own query (hearings from today on, earliest
 * first), apart from the page of the search below.
 */
function PlannedByDay() {
  const { t, i18n } = useTranslation();
  const locale = formatLocale(i18n.resolvedLanguage);
  const from = brusselsToday();
  const load = useCallback(() => call('hearings.list', { from, sort: 'date', direction: 'asc', pageSize: 100 }), [from]);
  const upcoming = useQuery(`hearings-planned?${from}`, load);
  const days = plannedDays(upcoming.value?.items ?? []);
  if (days.length === 0) return null;
  const today = brusselsToday();
  const tomorrow = formatIsoDate(addDays(parseIsoDate(today)!, 1));
  const heading = (day: string) => {
    const date = formatCalendarDate(day, locale);
    if (day === today) return t('hearings.today', { date });
    if (day === tomorrow) return t('hearings.tomorrow', { date });
    return date;
  };
  return (
    <section className="panel planned" aria-labelledby="planned-title">
      <h2 id="planned-title">{t('hearings.planned')}</h2>
      <p className="muted">{t('hearings.plannedCaption')}</p>
      {days.map(({ day, hearings: list }) => (
        <div className="planned-day" key={day}>
          <h3>{heading(day)}</h3>
          <ul>
            {list.map((h) => (
              <li key={h.id}>
                {formatBrusselsClock(h.plannedAt ?? '', locale)}{' '}
                <a href={hrefFor({ name: 'hearing', hearingId: h.id })}>{h.caseReference}</a> — {h.minorName}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

function HearingsTable({
  page,
  query,
  filtered,
  busy,
  onQuery,
}: {
  page: HearingPage;
  query: HearingQuery;
  filtered: boolean;
  busy: boolean;
  onQuery: (q: HearingQuery) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = formatLocale(i18n.resolvedLanguage);
  if (page.total === 0) {
    return <p className="empty">{filtered ? t('hearings.noMatch') : t('hearings.empty')}</p>;
  }
  const sort = query.sort ?? 'date';
  const direction = query.direction ?? defaultDirection(sort);
  return (
    <div className="table-wrap" aria-busy={busy}>
      <table className="hearings">
        <caption className="visually-hidden">{t('hearings.caption')}</caption>
        <thead>
          <tr>
            {columns.map((c) => {
              const active = c.sort !== null && c.sort === sort;
              return (
                <th
                  key={c.label}
                  scope="col"
                  className={'className' in c ? c.className : undefined}
                  aria-sort={c.sort === null ? undefined : active ? (direction === 'asc' ? 'ascending' : 'descending') : 'none'}
                >
                  {c.sort === null ? (
                    t(c.label)
                  ) : (
                    <button type="button" className="sort-button" onClick={() => onQuery(sortBy(query, c.sort))}>
                      {t(c.label)}
                      <span aria-hidden="true" className="sort-mark">
                        {active ? (direction === 'asc' ? ' ▲' : ' ▼') : ' ↕'}
                      </span>
                    </button>
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {page.items.map((hearing) => (
            <tr key={hearing.id}>
              <th scope="row">
                <a href={hrefFor({ name: 'hearing', hearingId: hearing.id })}>{hearing.caseReference}</a>
                {hearing.orderReference && <span className="muted small block">{hearing.orderReference}</span>}
              </th>
              <td>{hearing.access === 'team' ? hearing.minorName : <span className="muted">{t('hearings.nameForTeam')}</span>}</td>
              <td>{hearing.hearingDate ? formatCalendarDate(hearing.hearingDate, locale) : '—'}</td>
              <td>{hearing.magistrateName ?? '—'}</td>
              <td>
                <HearingStatusBadge status={hearing.status} />
              </td>
              <td className="number">{formatInteger(hearing.recordingCount, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Pager({ page, query, onQuery }: { page: HearingPage; query: HearingQuery; onQuery: (q: HearingQuery) => void }) {
  const { t, i18n } = useTranslation();
  const locale = formatLocale(i18n.resolvedLanguage);
  const sizeId = useId();
  const { first, last } = shownRange(page.page, page.pageSize, page.items.length);
  const n = (v: number) => formatInteger(v, locale);
  return (
    <nav className="pager" aria-label={t('hearings.pages.label')}>
      <p role="status" className="pager-count">
        {page.total === 0
          ? t('hearings.pages.none')
          : first === 0
            ? t('hearings.pages.beyond', { count: page.total, total: n(page.total) })
            : t('hearings.pages.range', { first: n(first), last: n(last), count: page.total, total: n(page.total) })}
      </p>
      <p className="actions">
        <button
          type="button"
          className="button small"
          disabled={page.page <= 1}
          onClick={() => onQuery({ ...query, page: Math.min(page.page - 1, Math.max(1, page.pageCount)) })}
        >
          {t('hearings.pages.previous')}
        </button>
        <span className="muted">{t('hearings.pages.position', { page: n(page.page), pages: n(Math.max(1, page.pageCount)) })}</span>
        <button
          type="button"
          className="button small"
          disabled={page.page >= page.pageCount}
          onClick={() => onQuery({ ...query, page: page.page + 1 })}
        >
          {t('hearings.pages.next')}
        </button>
        <label htmlFor={sizeId} className="pager-size">
          {t('hearings.pages.size')}{' '}
          <select
            id={sizeId}
            value={page.pageSize}
            onChange={(e) => onQuery({ ...query, pageSize: Number(e.currentTarget.value), page: undefined })}
          >
            {pageSizes.map((s) => (
              <option key={s} value={s}>
                {n(s)}
              </option>
            ))}
          </select>
        </label>
      </p>
    </nav>
  );
}
