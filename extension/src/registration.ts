/**
 * Content scripts for the instance origins added in the options page: the origins the user granted
 * at run time (optional host permissions) beyond the manifest's own matches get the same two
 * scripts, registered with chrome.scripting. Called by the service worker whenever permissions
 * change, so the registrations always equal the granted origins.
 */
/// <reference types="chrome" />
import { isOriginPattern } from './settings.js';

export const SCRIPT_IDS = ['cam-main-world', 'cam-content'] as const;

/** The manifest's content script matches (the default origins plus the build-time ones). */
export function builtInMatches(): string[] {
  const scripts = chrome.runtime.getManifest().content_scripts ?? [];
  return [...new Set(scripts.flatMap((script) => script.matches ?? []))];
}

/** Origins granted at run time (not the manifest's own). */
export async function addedOrigins(): Promise<string[]> {
  const builtIn = new Set(builtInMatches());
  const { origins = [] } = await chrome.permissions.getAll();
  return origins.filter((origin) => !builtIn.has(origin) && isOriginPattern(origin)).sort();
}

let queue: Promise<unknown> = Promise.resolve();

/** Makes the registered scripts match the granted origins (serialised: one sync at a time). */
export function syncContentScripts(): Promise<string[]> {
  const run = async () => {
    const origins = await addedOrigins();
    const existing = await chrome.scripting.getRegisteredContentScripts({ ids: [...SCRIPT_IDS] });
    if (existing.length > 0) {
      await chrome.scripting.unregisterContentScripts({ ids: existing.map((script) => script.id) });
    }
    if (origins.length > 0) {
      await chrome.scripting.registerContentScripts([
        {
          id: SCRIPT_IDS[0],
          matches: origins,
          js: ['main-world.js'],
          world: 'MAIN',
          runAt: 'document_start',
          allFrames: true,
          persistAcrossSessions: true,
        },
        {
          id: SCRIPT_IDS[1],
          matches: origins,
          js: ['content.js'],
          runAt: 'document_idle',
          allFrames: true,
          persistAcrossSessions: true,
        },
      ]);
    }
    return origins;
  };
  const next = queue.then(run, run);
  queue = next.catch(() => undefined);
  return next;
}
