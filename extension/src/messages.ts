/**
 * The messages between the extension's three worlds (pure types and guards).
 *
 * - main world ↔ content script: the content script posts `CONNECT_MAIN` to its own window with one
 *   MessagePort; the main-world script (injected first, at document_start) takes the port and stops
 *   the event, then answers `session` requests on that port only.
 * - content script ↔ panel (the extension page in an iframe): the content script posts
 *   `CONNECT_PANEL` to the frame's extension origin with one MessagePort; over it the panel asks
 *   for Table API requests, which the content script sends same-origin with the session.
 */
import type { PageRecord } from './record.js';

export const CONNECT_MAIN = 'cam-extension:connect-main';
export const CONNECT_PANEL = 'cam-extension:connect-panel';

/** What the main-world script reads from the page. */
export interface PageSession {
  readonly type: 'session';
  /** The page's `g_ck`; '' when the page has none. */
  readonly token: string;
  /** The signed-in user's sys_id; '' when the page does not say. */
  readonly userId: string;
}

export interface PanelInit {
  readonly type: typeof CONNECT_PANEL;
  /** The instance origin (keys the definitions cache with the user). */
  readonly instance: string;
  readonly userId: string;
  readonly record: PageRecord | null;
}

/** A Table API request the panel asks the content script to send. */
export interface BridgeRequest {
  readonly type: 'request';
  readonly id: number;
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

export type PanelToContent =
  | BridgeRequest
  | { readonly type: 'abort'; readonly id: number }
  | { readonly type: 'reload' }
  | { readonly type: 'close' };

export type ContentToPanel =
  | { readonly type: 'record'; readonly record: PageRecord | null }
  | {
      readonly type: 'response';
      readonly id: number;
      readonly status: number;
      readonly headers: Readonly<Record<string, string>>;
      readonly body: string;
    }
  | { readonly type: 'failure'; readonly id: number; readonly message: string };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return isObject(value) && Object.values(value).every((v) => typeof v === 'string');
}

/** A record as the content script found it (re-checked: table and sys_id shapes, known kind). */
export function isPageRecord(value: unknown): value is PageRecord {
  return (
    isObject(value) &&
    typeof value.table === 'string' &&
    /^[a-z][a-z0-9_]{0,79}$/.test(value.table) &&
    typeof value.sysId === 'string' &&
    /^[0-9a-f]{32}$/.test(value.sysId) &&
    (value.kind === 'case' || value.kind === 'sold_product' || value.kind === 'install_base')
  );
}

export function isPageSession(value: unknown): value is PageSession {
  return (
    isObject(value) &&
    value.type === 'session' &&
    typeof value.token === 'string' &&
    typeof value.userId === 'string'
  );
}

export function isPanelToContent(value: unknown): value is PanelToContent {
  if (!isObject(value)) return false;
  switch (value.type) {
    case 'request':
      return (
        typeof value.id === 'number' &&
        typeof value.method === 'string' &&
        typeof value.url === 'string' &&
        isStringRecord(value.headers) &&
        (value.body === undefined || typeof value.body === 'string')
      );
    case 'abort':
      return typeof value.id === 'number';
    case 'reload':
    case 'close':
      return true;
    default:
      return false;
  }
}

export function isContentToPanel(value: unknown): value is ContentToPanel {
  if (!isObject(value)) return false;
  switch (value.type) {
    case 'record':
      return value.record === null || isPageRecord(value.record);
    case 'response':
      return (
        typeof value.id === 'number' &&
        typeof value.status === 'number' &&
        isStringRecord(value.headers) &&
        typeof value.body === 'string'
      );
    case 'failure':
      return typeof value.id === 'number' && typeof value.message === 'string';
    default:
      return false;
  }
}

export function isPanelInit(value: unknown): value is PanelInit {
  return (
    isObject(value) &&
    value.type === CONNECT_PANEL &&
    typeof value.instance === 'string' &&
    typeof value.userId === 'string' &&
    (value.record === null || isPageRecord(value.record))
  );
}
