// `npm run bench -- list`: the hearing list over 10,000 seeded hearings, through the dispatcher
// (validation and access included), median of five runs of each query; beside it, a plain
// `SELECT COUNT(*)` over the same table as a baseline. Prints figures, never fails on them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openServices } from '../main/services/app';
import { openDatabase } from '../main/services/db/database';
import type { CallerContext } from '../shared/api/caller';
import { seedHearings, seedUsers } from '../tests/helpers/seed-hearings';

const count = Number(process.argv[2] ?? 10_000);
const dataDir = mkdtempSync(join(tmpdir(), 'hearing-room-bench-list-'));
try {
  const services = await openServices({ dataDir, appVersion: 'bench' });
  const db = openDatabase(join(dataDir, 'hearing-room.sqlite'));
  seedHearings(db, count);
  const median = async (run: () => unknown) => {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      await run();
      times.push(performance.now() - t0);
    }
    return times.sort((a, b) => a - b)[2]!;
  };
  const creator: CallerContext = { userId: seedUsers.interviewerA, displayName: 'A', role: 'interviewer', transport: 'internal' };
  const member: CallerContext = { userId: seedUsers.magistrate, displayName: 'M', role: 'magistrate', transport: 'internal' };
  const list = (ctx: CallerContext, query: Record<string, unknown>) => async () => {
    const r = await services.dispatcher.dispatch(ctx, 'hearings.list', query);
    if (!r.ok) throw new Error(r.error.message);
  };
  const baseline = await median(() => db.prepare('SELECT COUNT(*) FROM hearings').pluck().get());
  console.info(`Hearing list over ${count} hearings (median of 5, through the dispatcher; aim: under 200 ms):`);
  for (const [name, run] of [
    ['list, creator of half', list(creator, {})],
    ['list, team of a fifth', list(member, {})],
    ['two search words', list(creator, { text: 'kindnaam12 dupont' })],
    ['word, dates, not sealed, by status, page 3', list(creator, { text: 'peeters', from: '2024-02-01', to: '2025-01-31', sealed: false, sort: 'status', page: 3 })],
    ['page 50 of 100, by case reference', list(creator, { sort: 'caseReference', page: 50, pageSize: 100 })],
  ] as const) {
    console.info(`  ${name}: ${(await median(run)).toFixed(1)} ms`);
  }
  console.info(`  baseline SELECT COUNT(*) FROM hearings: ${baseline.toFixed(2)} ms`);
  db.close();
  services.close();
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
