/**
 * The mock backend's push source: a WebSocket server (MSW's `ws.link`) speaking the protocol of
 * src/service/websocket-push-source.ts. Clients subscribe to entities; after every successful write
 * to a related-party table (seen in the request log) — or when a test or the demo calls
 * `announcePartyChange` after writing to the store directly — each client hears `changed` for the
 * entities it watches whose parties live in that table (the mock does not track which entity a
 * deleted record belonged to, so it tells every such subscriber: a check finds nothing to do).
 */
import { ws, type WebSocketHandlerConnection } from 'msw';
import { getBackend } from './db.js';
import { requestLog, type RequestLogEntry } from './request-log.js';
import { PARTY_TABLE_KEY } from '../src/service/party-rows.js';
import type { EntityKind } from '../src/model/kinds.js';

/** Where the mock push server listens (any origin). */
export const LIVE_PUSH_PATH = '/api/cam/live';

const link = ws.link(new RegExp(`${LIVE_PUSH_PATH.replaceAll('/', '\\/')}$`));

type Client = WebSocketHandlerConnection['client'];

const subscriptions = new Map<Client, Set<string>>();

/** Entity kinds whose related parties live in `table`. */
function kindsOf(table: string): EntityKind[] {
  const map = getBackend().tableMap;
  return (Object.keys(PARTY_TABLE_KEY) as EntityKind[]).filter(
    (kind) => map[PARTY_TABLE_KEY[kind]].table === table,
  );
}

/** Tells every subscriber of an entity whose parties live in `table` that it may have changed. */
export function announcePartyChange(table: string): void {
  const kinds = kindsOf(table);
  if (kinds.length === 0) return;
  for (const [client, entities] of subscriptions) {
    for (const entity of entities) {
      if (kinds.some((kind) => entity.startsWith(`${kind}:`))) {
        client.send(JSON.stringify({ type: 'changed', entity }));
      }
    }
  }
}

/** The WebSocket handler: add it with `worker.use(livePushHandler)`. */
export const livePushHandler = link.addEventListener('connection', ({ client }) => {
  subscriptions.set(client, new Set());
  client.addEventListener('message', (event) => {
    let message: unknown;
    try {
      message = typeof event.data === 'string' ? JSON.parse(event.data) : undefined;
    } catch {
      return;
    }
    const m = message as { type?: unknown; entity?: unknown } | undefined;
    if (typeof m?.entity !== 'string') return;
    const entities = subscriptions.get(client);
    if (m.type === 'subscribe') entities?.add(m.entity);
    else if (m.type === 'unsubscribe') entities?.delete(m.entity);
  });
  client.addEventListener('close', () => subscriptions.delete(client));
});

/** Entities subscribed over all connected clients (tests wait for a subscription to arrive). */
export function livePushSubscriptions(): string[] {
  return [...subscriptions.values()].flatMap((entities) => [...entities]);
}

let watchedLog: (() => void) | undefined;

/** Starts announcing writes answered by the Table API mocks; returns the stop function. */
export function announceWrites(): () => void {
  watchedLog?.();
  const announced = new WeakSet<RequestLogEntry>();
  const stop = requestLog.subscribe((entries) => {
    for (const entry of entries) {
      if (entry.method === 'GET' || entry.status === undefined || announced.has(entry)) continue;
      announced.add(entry);
      if (entry.status >= 200 && entry.status < 300) announcePartyChange(entry.table);
    }
  });
  watchedLog = () => {
    stop();
    watchedLog = undefined;
  };
  return watchedLog;
}
