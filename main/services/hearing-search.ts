import type { HearingStatus } from '../../shared/domain/hearing';
import {
  defaultPageSize,
  type HearingListItem,
  type HearingPage,
  type HearingQuery,
  type HearingSort,
} from '../../shared/domain/hearing-query';
import type { Db } from './db/database';

/**
 * The hearing list's search, in SQL: the caller's hearings (team, or opened for a reason and not
 * expired) are found first through indexes, and every filter and the free text apply only to
 * those, so that neither a count nor an order can reveal a hearing the caller may not see. The
 * name of the person heard is searched, and shown, only on hearings whose team the caller is on.
 *
 * Text is compared folded (lower case, accents removed: "Müller" finds "muller"), through a
 * function registered on the connection, because SQLite's own LIKE folds ASCII only.
 */

const foldFunction = 'hr_fold';
const matchFunction = 'hr_has_all_words';

/** Lower case, accents removed; what both the search words and the searched fields become. */
export function foldText(value: string): string {
  // Most references and names are plain ASCII: no decomposition needed.
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(value)) return value.toLowerCase();
  return value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const statusSql = `CASE
    WHEN EXISTS (SELECT 1 FROM seals s WHERE s.hearing_id = h.id) THEN 3
    WHEN EXISTS (SELECT 1 FROM recordings r WHERE r.hearing_id = h.id AND r.status = 'recording') THEN 1
    WHEN EXISTS (SELECT 1 FROM recordings r WHERE r.hearing_id = h.id) THEN 2
    ELSE 0 END`;
const statusRank: Record<HearingStatus, number> = { draft: 0, recording: 1, recorded: 2, sealed: 3 };
const statusOfRank: HearingStatus[] = ['draft', 'recording', 'recorded', 'sealed'];

const orderReferenceSql = `json_extract(h.procedure, '$.order.reference')`;
const magistrateSql = `json_extract(h.procedure, '$.order.magistrateName')`;
const interviewersSql = `(SELECT group_concat(json_extract(a.value, '$.name'), ' ')
    FROM json_each(h.procedure, '$.attendees') a WHERE json_extract(a.value, '$.role') = 'interviewer')`;

const sortSql: Record<HearingSort, string> = {
  date: `h.hearing_date {dir}, h.created_at {dir}`,
  caseReference: `h.case_reference COLLATE NOCASE {dir}, h.hearing_date DESC`,
  status: `status_rank {dir}, h.hearing_date DESC`,
};

interface IdRow {
  id: string;
  team: number;
  status_rank: number | null;
  total: number;
}

interface DetailRow {
  id: string;
  case_reference: string;
  minor_name: string;
  date_of_birth: string;
  hearing_date: string;
  created_at: string;
  recording_count: number;
  status_rank: number;
  order_reference: unknown;
  magistrate_name: unknown;
  planned_at: string | null;
}

export class HearingSearch {
  constructor(
    private readonly db: Db,
    private readonly clock: () => Date = () => new Date(),
  ) {
    db.function(foldFunction, { deterministic: true }, (value: unknown) =>
      typeof value === 'string' ? foldText(value) : null,
    );
    // The words come as a JSON array, the same for every row of one query: parsed once.
    let parsed: { json: string; words: string[] } = { json: '[]', words: [] };
    // The folded texts of the hearings searched last: a search typed word by word reads the same.
    const folds = new Map<string, string>();
    db.function(matchFunction, { deterministic: true }, (text: unknown, json: unknown) => {
      if (typeof text !== 'string' || typeof json !== 'string') return 0;
      if (parsed.json !== json) parsed = { json, words: JSON.parse(json) as string[] };
      let folded = folds.get(text);
      if (folded === undefined) {
        if (folds.size >= 50_000) folds.clear();
        folded = foldText(text);
        folds.set(text, folded);
      }
      return parsed.words.every((w) => folded.includes(w)) ? 1 : 0;
    });
  }

  list(userId: string, query: HearingQuery): HearingPage {
    const pageSize = query.pageSize ?? defaultPageSize;
    const page = query.page ?? 1;
    const params: Record<string, unknown> = {
      userId,
      now: this.clock().toISOString(),
      limit: pageSize,
      offset: (page - 1) * pageSize,
    };
    // A removed hearing leaves a tombstone only: it is in no list.
    const where: string[] = ['NOT EXISTS (SELECT 1 FROM hearing_removals x WHERE x.hearing_id = h.id)'];
    if (query.from) {
      where.push('h.hearing_date >= @from');
      params.from = query.from;
    }
    if (query.to) {
      where.push(`h.hearing_date <> '' AND h.hearing_date <= @to`);
      params.to = query.to;
    }
    if (query.status) {
      where.push('status_rank = @status');
      params.status = statusRank[query.status];
    }
    if (query.sealed !== undefined) where.push(query.sealed ? 'status_rank = 3' : 'status_rank <> 3');
    if (query.magistrate) {
      where.push(`instr(${foldFunction}(${magistrateSql}), @magistrate) > 0`);
      params.magistrate = foldText(query.magistrate);
    }
    const words = query.text ? foldText(query.text).split(/\s+/).filter(Boolean).slice(0, 10) : [];
    if (words.length > 0) {
      // One text per hearing, its fields apart on lines (a word never spans two), searched for
      // every word in one call; the name of the person heard only on the caller's team's hearings.
      const haystack = `concat_ws(char(10), h.case_reference, ${orderReferenceSql}, ${magistrateSql}, ${interviewersSql},
        CASE WHEN v.team = 1 THEN h.minor_name END)`;
      where.push(`${matchFunction}(${haystack}, @words) = 1`);
      params.words = JSON.stringify(words);
    }
    const direction = query.direction ?? ((query.sort ?? 'date') === 'date' ? 'desc' : 'asc');
    const order = sortSql[query.sort ?? 'date'].replaceAll('{dir}', direction === 'asc' ? 'ASC' : 'DESC');

    // The status costs three lookups a hearing: worked out for every hearing only when it filters
    // or sorts, otherwise for the page alone.
    const needsStatus = query.status !== undefined || query.sealed !== undefined || query.sort === 'status';
    const conditions = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const base = `
      WITH visible(id, team) AS (
        SELECT id, 1 FROM hearings WHERE created_by = @userId
        UNION ALL SELECT hearing_id, 1 FROM hearing_team WHERE user_id = @userId
        -- People present linked to their account are on the team (the record names them); the
        -- text test first spares parsing the records that cannot name this account.
        UNION ALL SELECT h.id, 1 FROM hearings h, json_each(h.procedure, '$.attendees') p
          WHERE instr(h.procedure, @userId) > 0 AND json_extract(p.value, '$.userId') = @userId
        UNION ALL SELECT hearing_id, 0 FROM hearing_access_grants WHERE user_id = @userId AND expires_at > @now
      ),
      v AS (SELECT id, MAX(team) AS team FROM visible GROUP BY id)`;
    const rows = this.db
      .prepare(
        `${base}
         SELECT h.id, v.team, ${needsStatus ? statusSql : 'NULL'} AS status_rank, COUNT(*) OVER () AS total
         FROM v JOIN hearings h ON h.id = v.id
         ${conditions}
         ORDER BY ${order}, h.id
         LIMIT @limit OFFSET @offset`,
      )
      .all(params) as IdRow[];
    let total = rows[0]?.total ?? 0;
    if (rows.length === 0 && page > 1) {
      // Past the last page no row carries the total: count alone.
      total = this.db
        .prepare(
          `${base}
           SELECT COUNT(*) FROM (SELECT h.id, ${needsStatus ? statusSql : 'NULL'} AS status_rank FROM v JOIN hearings h ON h.id = v.id ${conditions})`,
        )
        .pluck()
        .get(params) as number;
    }
    return {
      items: this.details(rows),
      total,
      page,
      pageSize,
      pageCount: Math.ceil(total / pageSize),
    };
  }

  private details(rows: IdRow[]): HearingListItem[] {
    if (rows.length === 0) return [];
    const found = this.db
      .prepare(
        `SELECT h.id, h.case_reference, h.minor_name, h.date_of_birth, h.hearing_date, h.created_at, h.planned_at,
           (SELECT COUNT(*) FROM recordings r WHERE r.hearing_id = h.id) AS recording_count,
           ${statusSql} AS status_rank,
           ${orderReferenceSql} AS order_reference, ${magistrateSql} AS magistrate_name
         FROM hearings h WHERE h.id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(rows.map((r) => r.id))) as DetailRow[];
    const byId = new Map(found.map((d) => [d.id, d]));
    return rows.flatMap((r) => {
      const d = byId.get(r.id);
      if (!d) return [];
      const team = r.team === 1;
      return [
        {
          id: d.id,
          caseReference: d.case_reference,
          // The name of the person heard is for the team only (an access for a reason shows it on opening).
          minorName: team ? d.minor_name : '',
          dateOfBirth: team ? d.date_of_birth : '',
          hearingDate: d.hearing_date,
          status: statusOfRank[d.status_rank] ?? 'draft',
          createdAt: d.created_at,
          recordingCount: d.recording_count,
          plannedAt: d.planned_at ?? null,
          orderReference: typeof d.order_reference === 'string' ? d.order_reference : null,
          magistrateName: typeof d.magistrate_name === 'string' ? d.magistrate_name : null,
          access: team ? 'team' : 'reason',
        },
      ];
    });
  }
}
