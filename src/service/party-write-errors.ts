/**
 * The errors a refused or unconfirmed party write throws. Apart from the write code (loaded on first
 * use, party-edits.ts) because the elements test for them (`instanceof`) on every page.
 */
import type { PartyRow } from './party-rows.js';

/** Someone else changed or removed the record since it was read; `current` is the server's copy. */
export class ConflictError extends Error {
  override readonly name = 'ConflictError';
  constructor(
    message: string,
    readonly current: PartyRow | undefined,
  ) {
    super(message);
  }
}

/** What is known of a write whose answer was lost: the server says it is absent, or nobody knows. */
export type UnconfirmedOutcome = 'not-saved' | 'unknown';

/** A write whose outcome is unknown could not be confirmed either way; nothing was re-sent. */
export class UnconfirmedWriteError extends Error {
  override readonly name = 'UnconfirmedWriteError';
  constructor(
    message: string,
    override readonly cause: unknown,
    /** `not-saved`: the server was asked and has no such record; `unknown`: it could not be asked. */
    readonly outcome: UnconfirmedOutcome = 'unknown',
  ) {
    super(message);
  }
}
