/**
 * Runs in the page's own (MAIN) world at document_start, before any page script, in instance pages
 * only. It reads the page's session token (`g_ck`) and user id when the content script asks, over a
 * MessagePort the content script created; it keeps nothing and sends nothing anywhere else.
 *
 * Its `message` listener is registered first and in the capture phase, so it runs before any page
 * listener on window and stops the connect event: page scripts never see the port. (They can read
 * `g_ck` themselves anyway: it is a page global. See README "Browser extension" for the trade-off.)
 */
import { CONNECT_MAIN, type PageSession } from './messages.js';

const TOKEN = /^[\w.+/=-]{1,512}$/;
const USER_ID = /^[0-9a-f]{32}$/i;

/** A property path of the page's globals, guarded against throwing getters. */
function read(path: readonly string[]): unknown {
  try {
    let value: unknown = window;
    for (const key of path) {
      if (typeof value !== 'object' || value === null) return undefined;
      value = (value as Record<string, unknown>)[key];
    }
    return value;
  } catch {
    return undefined;
  }
}

function readSession(): PageSession {
  const token = read(['g_ck']);
  // Classic UI: NOW.user_id and g_user.userID; Next Experience pages: NOW.user.userID.
  const userId = [
    ['NOW', 'user_id'],
    ['NOW', 'user', 'userID'],
    ['g_user', 'userID'],
  ]
    .map(read)
    .find((value): value is string => typeof value === 'string' && USER_ID.test(value));
  return {
    type: 'session',
    token: typeof token === 'string' && TOKEN.test(token) ? token : '',
    userId: userId?.toLowerCase() ?? '',
  };
}

window.addEventListener(
  'message',
  (event: MessageEvent) => {
    const data: unknown = event.data;
    if (event.source !== window || event.ports.length !== 1) return;
    if (typeof data !== 'object' || data === null || (data as { type?: unknown }).type !== CONNECT_MAIN)
      return;
    event.stopImmediatePropagation();
    const port = event.ports[0] as MessagePort;
    port.onmessage = (message: MessageEvent) => {
      const request: unknown = message.data;
      if (
        typeof request === 'object' &&
        request !== null &&
        (request as { type?: unknown }).type === 'session'
      ) {
        port.postMessage(readSession());
      }
    };
  },
  true,
);
