/**
 * The service worker keeps the content scripts of run-time origins in step with the permissions
 * (granted in the options page, or revoked in the browser's own extension settings). It sends
 * nothing anywhere.
 */
/// <reference types="chrome" />
import { syncContentScripts } from './registration.js';

const sync = () => {
  syncContentScripts().catch((error: unknown) =>
    console.error('cam-elements: content script registration failed', error),
  );
};

chrome.runtime.onInstalled.addListener(sync);
chrome.runtime.onStartup.addListener(sync);
chrome.permissions.onAdded.addListener(sync);
chrome.permissions.onRemoved.addListener(sync);
