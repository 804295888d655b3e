/**
 * The inspector's tabs (WAI-ARIA tabs pattern, automatic activation): Left/Right move and wrap,
 * Home/End go to the ends; only the selected tab is in the tab order.
 */
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg } from '@lit/localize';

/** The sections, in tab order. */
export const INSPECTOR_TABS = [
  'roles',
  'responsibilities',
  'access-configs',
  'relationship-types',
  'persona-roles',
  'status',
  'explain',
  'transfer',
] as const;
export type InspectorTab = (typeof INSPECTOR_TABS)[number];

/** A tab's visible name. */
export function tabLabel(tab: InspectorTab): string {
  const labels: Record<InspectorTab, string> = {
    roles: msg('Roles'),
    responsibilities: msg('Responsibilities'),
    'access-configs': msg('Access configurations'),
    'relationship-types': msg('Relationship types'),
    'persona-roles': msg('Persona roles'),
    status: msg('Status'),
    explain: msg('Explain'),
    transfer: msg('Export / import'),
  };
  return labels[tab];
}

/** The tab a key moves to from `current`, or undefined when the key is not a tab key. */
export function tabForKey(key: string, current: InspectorTab): InspectorTab | undefined {
  const index = INSPECTOR_TABS.indexOf(current);
  const last = INSPECTOR_TABS.length - 1;
  const at: Record<string, number> = {
    ArrowRight: index === last ? 0 : index + 1,
    ArrowLeft: index === 0 ? last : index - 1,
    Home: 0,
    End: last,
  };
  const target = at[key];
  return target === undefined ? undefined : INSPECTOR_TABS[target];
}

/** Id of a tab button and of its panel. */
export const tabId = (tab: InspectorTab): string => `tab-${tab}`;
export const panelId = (tab: InspectorTab): string => `panel-${tab}`;

/** The tablist; `select(tab, focus)` is called on click (no focus move) and on keys (focus moves). */
export function renderTabs(
  active: InspectorTab,
  select: (tab: InspectorTab, focus: boolean) => void,
): TemplateResult {
  const onKeydown = (event: KeyboardEvent): void => {
    const target = tabForKey(event.key, active);
    if (!target) return;
    event.preventDefault();
    select(target, true);
  };
  return html`<div
    role="tablist"
    part="tabs"
    class="tabs"
    aria-label=${msg('Access rules')}
    @keydown=${onKeydown}
  >
    ${INSPECTOR_TABS.map(
      (tab) =>
        html`<button
          type="button"
          role="tab"
          part="tab"
          id=${tabId(tab)}
          aria-selected=${tab === active ? 'true' : 'false'}
          aria-controls=${ifDefined(tab === active ? panelId(tab) : undefined)}
          tabindex=${tab === active ? 0 : -1}
          @click=${() => select(tab, false)}
        >
          ${tabLabel(tab)}
        </button>`,
    )}
  </div>`;
}
