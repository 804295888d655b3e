/** The sentence shown when saving a party failed, by error type (nothing the user typed is lost). */
import { msg, str } from '@lit/localize';
import {
  ApiError,
  ConflictError,
  NetworkError,
  TimeoutError,
  UnconfirmedWriteError,
} from '../../src/index.js';

/** Why the party was not saved, for people. */
export function saveErrorText(error: unknown): string {
  if (error instanceof UnconfirmedWriteError || error instanceof ConflictError) return error.message;
  if (error instanceof ApiError && error.status === 403) {
    return msg(str`The server refused: you may not add parties here (${error.message}).`);
  }
  if (error instanceof ApiError) return msg(str`The server refused: ${error.message}`);
  if (error instanceof NetworkError || error instanceof TimeoutError) {
    return msg("Couldn't reach the server; nothing was saved. Check the connection and try again.");
  }
  return msg(str`Not saved: ${error instanceof Error ? error.message : String(error)}`);
}
