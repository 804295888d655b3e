/**
 * Errors the list shows, and one sentence for each: what went wrong and what to do. Used by the
 * load error state and by the banner of a refused change.
 */
import { msg, str } from '@lit/localize';
import {
  ApiError,
  AuthError,
  ConflictError,
  EntityNotFoundError,
  NetworkError,
  TimeoutError,
  UnconfirmedWriteError,
} from '../../src/index.js';

/** `entity-table` names no table the list knows. */
export class UnknownEntityTableError extends Error {
  override readonly name = 'UnknownEntityTableError';
  constructor(readonly table: string) {
    super(
      table === ''
        ? msg('No entity table is set (entity-table).')
        : msg(str`"${table}" is not a case, sold product or install base table.`),
    );
  }
}

/** A user-facing sentence for an error. */
export function describeError(error: unknown): string {
  if (error instanceof EntityNotFoundError) {
    return error.id === ''
      ? msg('No entity id is set (entity-id).')
      : msg(str`No record ${error.id} in ${error.table}, or you may not read it.`);
  }
  if (error instanceof ConflictError) {
    return error.current === undefined
      ? msg('Someone else removed this party meanwhile; the list now shows the server’s state.')
      : msg('Someone else changed this party since it was loaded; the list now shows their change.');
  }
  if (error instanceof UnconfirmedWriteError) return error.message;
  if (error instanceof AuthError) return msg('Your session has expired; sign in again.');
  if (error instanceof ApiError) {
    if (error.status === 403) return msg('You are not allowed to do this.');
    return error.message || msg(str`The server refused the request (${error.status}).`);
  }
  if (error instanceof TimeoutError) return msg('The server did not answer in time.');
  if (error instanceof NetworkError) return msg('The server cannot be reached; check the connection.');
  if (error instanceof Error && error.message) return error.message;
  return msg('Something went wrong.');
}
