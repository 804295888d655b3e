/**
 * The options page: the instance origins the extension runs on (the built-in ones, and others the
 * user grants at run time), the poll interval and the theme. Settings go to chrome.storage.sync;
 * nothing personal is stored.
 */
/// <reference types="chrome" />
import { html, nothing, render } from 'lit';
import { applyTheme } from './apply-theme.js';
import { addedOrigins, builtInMatches, syncContentScripts } from './registration.js';
import {
  MAX_POLL_SECONDS,
  MIN_POLL_SECONDS,
  normalizePollSeconds,
  patternForInstance,
  readSettings,
  type Settings,
  type Theme,
} from './settings.js';

interface OptionsState {
  settings: Settings;
  added: string[];
  status: string;
}

const state: OptionsState = { settings: readSettings({}), added: [], status: '' };
const root = document.getElementById('options') as HTMLElement;

function say(status: string): void {
  state.status = status;
  update();
}

async function reloadOrigins(): Promise<void> {
  state.added = await addedOrigins();
  update();
}

async function addInstance(event: SubmitEvent): Promise<void> {
  event.preventDefault();
  const form = event.currentTarget as HTMLFormElement;
  const input = form.elements.namedItem('instance') as HTMLInputElement;
  const pattern = patternForInstance(input.value);
  if (!pattern) {
    say('Enter an https address such as https://support.example.com.');
    return;
  }
  // Must run in the click's user gesture: ask before any other await.
  const granted = await chrome.permissions.request({ origins: [pattern] });
  if (!granted) {
    say(`Not added: permission for ${pattern} was not granted.`);
    return;
  }
  await syncContentScripts();
  input.value = '';
  await reloadOrigins();
  say(`Added ${pattern}. Reload its open tabs.`);
}

async function removeInstance(pattern: string): Promise<void> {
  await chrome.permissions.remove({ origins: [pattern] });
  await syncContentScripts();
  await reloadOrigins();
  say(`Removed ${pattern}.`);
}

async function save(values: Partial<Settings>): Promise<void> {
  state.settings = readSettings({ ...state.settings, ...values });
  await chrome.storage.sync.set({ pollSeconds: state.settings.pollSeconds, theme: state.settings.theme });
  applyTheme(state.settings.theme);
  say('Saved.');
}

function update(): void {
  const { settings } = state;
  render(
    html`
      <h1>cam-elements: customer access on instance pages</h1>
      <h2>Instances</h2>
      <p class="hint">The panel appears on case, sold product and install base item pages of:</p>
      <ul aria-label="Built-in instances">
        ${builtInMatches().map((pattern) => html`<li><code>${pattern}</code> (built in)</li>`)}
      </ul>
      ${
        state.added.length > 0
          ? html`<ul aria-label="Added instances">
              ${state.added.map(
                (pattern) =>
                  html`<li>
                    <code>${pattern}</code>
                    <button
                      type="button"
                      aria-label=${`Remove ${pattern}`}
                      @click=${() => void removeInstance(pattern)}
                    >
                      Remove
                    </button>
                  </li>`,
              )}
            </ul>`
          : nothing
      }
      <form @submit=${(event: SubmitEvent) => void addInstance(event)}>
        <label for="instance">Add an instance (on-premise or custom domain)</label>
        <p class="hint" id="instance-hint">
          Its https address. The browser asks you to allow the extension on that site.
        </p>
        <input
          id="instance"
          name="instance"
          type="text"
          inputmode="url"
          autocomplete="off"
          spellcheck="false"
          placeholder="https://support.example.com"
          aria-describedby="instance-hint"
        />
        <button type="submit">Add</button>
      </form>

      <h2>Panel</h2>
      <label for="poll">Refresh the open record every (seconds)</label>
      <p class="hint" id="poll-hint">
        0 = only when you navigate; otherwise ${MIN_POLL_SECONDS}–${MAX_POLL_SECONDS}. Other agents' changes
        show up after this long.
      </p>
      <input
        id="poll"
        type="number"
        min="0"
        max=${MAX_POLL_SECONDS}
        step="1"
        aria-describedby="poll-hint"
        .value=${String(settings.pollSeconds)}
        @change=${(event: Event) =>
          void save({ pollSeconds: normalizePollSeconds((event.target as HTMLInputElement).value) })}
      />
      <label for="theme">Theme</label>
      <select
        id="theme"
        .value=${settings.theme}
        @change=${(event: Event) => void save({ theme: (event.target as HTMLSelectElement).value as Theme })}
      >
        <option value="auto">Follow the system</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
      <p class="status" role="status">${state.status}</p>
    `,
    root,
  );
}

update();
void chrome.storage.sync.get(['pollSeconds', 'theme']).then((stored) => {
  state.settings = readSettings(stored);
  applyTheme(state.settings.theme);
  update();
});
void reloadOrigins();
