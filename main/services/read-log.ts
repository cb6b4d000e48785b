import type { CallerContext } from '../../shared/api/caller';
import type { AuditLog } from './audit-log';

type Who = Pick<CallerContext, 'userId' | 'role'>;

/**
 * Opening a hearing or reading its record is audited once per person, hearing and call within
 * `windowMs`: the page reads a hearing again after each change, and an entry per refresh would
 * bury the openings that matter.
 */
export class ReadLog {
  private readonly last = new Map<string, number>();

  constructor(
    private readonly windowMs = 10 * 60_000,
    private readonly clock: () => number = () => Date.now(),
  ) {}

  /** Whether this read is a new one to write down. */
  fresh(who: Who, action: string, hearingId: string): boolean {
    const key = `${who.userId}\u0000${action}\u0000${hearingId}`;
    const now = this.clock();
    const before = this.last.get(key);
    this.last.set(key, now);
    return before === undefined || now - before > this.windowMs;
  }
}

interface Reading {
  who: Who;
  hearingId: string;
  action: string;
  target: Record<string, string>;
  startedAt: Date;
  lastAt: number;
  requests: number;
  /** Byte ranges read, merged, each [first, last] inclusive. */
  ranges: Array<[number, number]>;
  timer: ReturnType<typeof setTimeout> | null;
}

/**
 * One audit entry per playback (or per opening of a written record), not per Range request: a
 * player reads a file in many ranges as it plays and seeks. The requests of one person for one
 * file belong to one session until `idleMs` pass without one; the entry, with the ranges read,
 * is written when the session ends, when the hearing's access history is asked for, and when
 * the app closes.
 */
export class MediaReadLog {
  private readonly open = new Map<string, Reading>();

  constructor(
    private readonly audit: AuditLog,
    private readonly idleMs = 30_000,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  read(who: Who, hearingId: string, action: string, target: Record<string, string>, range: { start: number; end: number } | null): void {
    const key = `${who.userId}\u0000${action}\u0000${JSON.stringify(target)}`;
    const now = this.clock();
    let reading = this.open.get(key);
    if (!reading) {
      reading = {
        who,
        hearingId,
        action,
        target,
        startedAt: now,
        lastAt: now.getTime(),
        requests: 0,
        ranges: [],
        timer: null,
      };
      this.open.set(key, reading);
    }
    if (reading.timer) clearTimeout(reading.timer);
    reading.requests += 1;
    reading.lastAt = now.getTime();
    if (range) reading.ranges = merge(reading.ranges, [range.start, range.end]);
    const current = reading;
    reading.timer = setTimeout(() => this.write(key, current), this.idleMs);
    // A pending entry must not keep the process alive; close() writes it.
    reading.timer.unref();
  }

  /** Writes the open sessions of one hearing now (its access history is being read). */
  flushHearing(hearingId: string): void {
    for (const [key, reading] of this.open) if (reading.hearingId === hearingId) this.write(key, reading);
  }

  flushAll(): void {
    for (const [key, reading] of this.open) this.write(key, reading);
  }

  private write(key: string, reading: Reading): void {
    if (reading.timer) clearTimeout(reading.timer);
    this.open.delete(key);
    this.audit.append(reading.who, reading.action, reading.hearingId, {
      ...reading.target,
      startedAt: reading.startedAt.toISOString(),
      endedAt: new Date(reading.lastAt).toISOString(),
      requests: reading.requests,
      ranges: reading.ranges,
    });
  }
}

function merge(ranges: Array<[number, number]>, next: [number, number]): Array<[number, number]> {
  const all = [...ranges, next].sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const r of all) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}
