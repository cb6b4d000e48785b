import { conflict } from '../../shared/api/errors';
import type { Db } from './db/database';

/**
 * Refuses a change to a sealed hearing with a message a person can act on, before any file is
 * touched. The database triggers refuse it too; this check makes the refusal clear and clean.
 */
export function assertNotSealed(db: Db, hearingId: string): void {
  const sealed = db.prepare('SELECT sealed_at FROM seals WHERE hearing_id = ?').pluck().get(hearingId) as string | undefined;
  if (sealed) {
    throw conflict(
      'sealed',
      `This hearing was sealed on ${sealed}: its record, events and recordings can no longer change.`,
      { sealedAt: sealed },
    );
  }
}
