/**
 * The content script's side of the main-world handshake: one MessageChannel per panel opening;
 * the session (token, user id) lives in memory only, for as long as the panel is open.
 */
import { CONNECT_MAIN, isPageSession, type PageSession } from './messages.js';

const TIMEOUT_MS = 3000;

/** Asks the main-world script of this window for the page's session. */
export function readPageSession(): Promise<PageSession> {
  const channel = new MessageChannel();
  return new Promise<PageSession>((resolve, reject) => {
    const timer = setTimeout(() => {
      channel.port1.close();
      reject(new Error('the page did not answer (is it an instance page?)'));
    }, TIMEOUT_MS);
    channel.port1.onmessage = (event: MessageEvent) => {
      if (!isPageSession(event.data)) return;
      clearTimeout(timer);
      channel.port1.close();
      resolve(event.data);
    };
    window.postMessage({ type: CONNECT_MAIN }, location.origin, [channel.port2]);
    channel.port1.postMessage({ type: 'session' });
  });
}
