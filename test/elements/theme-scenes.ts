/**
 * "Scenes": the states in which the elements use each documented custom property (loaded, popups
 * open, loading, incomplete answers, a refused change, offline, every access level), so that
 * theming.test.ts can prove each property has an effect.
 */
import { fixture, fixtureCleanup, oneEvent } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { html, type TemplateResult } from 'lit';
import { http, HttpResponse } from 'msw';
import { worker } from '../../mocks/browser.js';
import { faults } from '../../mocks/faults.js';
import { getStore } from '../../mocks/db.js';
import { STORY } from '../../mocks/seed/story.js';
import { freshUserId, until } from '../support/fixtures.js';
import '../../components/access-review/cam-access-review.js';
import {
  allElementsTemplate,
  CASE_TABLE,
  part,
  renderAllElements,
  shadow,
  type AllElements,
} from './support.js';

/** Seeded principals with each access level (the unknown one is a badge whose entity is invalid). */
const LEVELS = [
  ['none', CASE_TABLE, STORY.nearMiss.caseId, STORY.nearMiss.contact],
  // The sold product's Renewals Contact reads its install base (agents now work every case).
  ['read', 'sn_install_base_item', STORY.trackedProduct.installBase.rootId, STORY.trackedProduct.finance],
  ['write', CASE_TABLE, STORY.housingLoan.caseId, STORY.housingLoan.attorney],
  ['full', CASE_TABLE, STORY.trackedProduct.cases[0].id, STORY.trackedProduct.finance],
  ['unknown', 'not_an_entity_table', STORY.housingLoan.caseId, STORY.housingLoan.attorney],
] as const;

/** A badge of each level, each marked with the level it must show (`data-expect`). */
export const levelBadgesTemplate = (): TemplateResult =>
  html`${LEVELS.map(
    ([level, table, id, who]) =>
      html`<cam-effective-access-badge
        data-expect=${level}
        entity-table=${table}
        entity-id=${id}
        principal-type=${who.kind}
        principal-id=${who.id}
      ></cam-effective-access-badge>`,
  )}`;

/** A state of the page: `visit` is called in each step of it. */
export type Scene = (visit: (provider: HTMLElement) => void) => Promise<void>;

/** Loaded page (a hovered, non-primary button), then popover, dialog, picker list, role tree expanded, every inspector tab. */
const interactive: Scene = async (visit) => {
  const all = await renderAllElements();
  visit(all.provider);
  await hover(part(all.list, 'sort-button'));
  visit(all.provider);
  await resetMouse();
  part(all.badge, 'badge').click();
  await until(() => part(all.badge, 'popover').querySelector('ul') !== null, 'the explanation');
  visit(all.provider);
  part(all.badge, 'popover').hidePopover();
  all.dialog.show();
  await all.dialog.updateComplete;
  visit(all.provider);
  const closed = oneEvent(all.dialog, 'close');
  all.dialog.close();
  await closed;
  await openPickerList(all);
  visit(all.provider);
  await expandRole(all);
  visit(all.provider);
  for (const tab of [
    'responsibilities',
    'access-configs',
    'relationship-types',
    'status',
    'explain',
  ] as const) {
    all.inspector.tab = tab;
    await all.inspector.updateComplete;
    visit(all.provider);
  }
};

/** Puts the mouse over the middle of `el` (hover styles). */
async function hover(el: HTMLElement): Promise<void> {
  const box = el.getBoundingClientRect();
  await sendMouse({
    type: 'move',
    position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)],
  });
}

async function openPickerList(all: AllElements): Promise<void> {
  all.picker.focus();
  await sendKeys({ press: 'ArrowDown' });
  await until(
    () => shadow(all.picker).querySelector('[role="option"][aria-selected="true"], .option.active') !== null,
    'an active option',
  );
}

async function expandRole(all: AllElements): Promise<void> {
  const closed = shadow(all.inspector).querySelector('[role="treeitem"][aria-expanded="false"] .twisty');
  if (!(closed instanceof HTMLElement)) throw new Error('no collapsed role in the tree');
  closed.click();
  await until(
    () => shadow(all.inspector).querySelector('[role="treeitem"][aria-level="2"]') !== null,
    'a child role',
  );
}

/** Every element still loading (slow backend): the skeletons. */
const loading: Scene = async (visit) => {
  faults.set({ latencyMs: 3000 });
  const provider = await fixture<HTMLElement>(allElementsTemplate());
  await until(
    () =>
      provider.querySelector('cam-related-party-list')?.shadowRoot?.querySelector('[part="skeleton"]') !=
      null,
    'the skeleton',
  );
  visit(provider);
  faults.reset();
};

/** A table the user may not read: answers are marked incomplete. */
const incomplete: Scene = async (visit) => {
  faults.set({ forbiddenTables: ['sys_user_has_role'] });
  const all = await renderAllElements();
  await until(() => shadow(all.list).querySelector('[part="partial-note"]') !== null, 'the partial note');
  visit(all.provider);
};

/** A removal to confirm, then the server refuses it: the confirmation and the list's banner. */
const refused: Scene = async (visit) => {
  worker.use(
    http.delete('*/api/now/table/:table/:id', () =>
      HttpResponse.json({ error: { message: 'No' } }, { status: 500 }),
    ),
  );
  const all = await renderAllElements();
  shadow(all.list).querySelector<HTMLElement>('[data-action="remove"]')?.click();
  // Remove is enabled once the access check (whose access the removal lowers) is in.
  const remove = () => shadow(all.list).querySelector<HTMLButtonElement>('[data-confirm="remove"]');
  await until(() => remove()?.disabled === false, 'the confirmation');
  visit(all.provider);
  remove()?.click();
  await until(() => shadow(all.list).querySelector('.banner') !== null, 'the banner', 8000);
  visit(all.provider);
};

/** Cached rules, then offline: the inspector's offline banner. */
const offline: Scene = async (visit) => {
  const userId = freshUserId();
  const first = await renderAllElements(allElementsTemplate(userId));
  await first.provider.current?.definitions.revalidated();
  first.provider.remove();
  faults.set({ offline: true, tables: ['sys_user_role', 'sys_user_role_contains'] });
  // Checked with the server on every load (interval 0): the check fails, the copy is offline.
  const provider = await fixture<HTMLElement>(allElementsTemplate(userId, 0));
  const inspector = provider.querySelector('cam-access-inspector');
  await until(
    () => inspector?.shadowRoot?.querySelector('[part="offline"]') != null,
    'the offline note',
    8000,
  );
  visit(provider);
};

/** A badge of every level (and a failed one). */
const levels: Scene = async (visit) => {
  const provider = await fixture<HTMLElement>(
    html`<cam-provider user-id=${freshUserId()}>${levelBadgesTemplate()}</cam-provider>`,
  );
  const badges = [...provider.querySelectorAll('cam-effective-access-badge')];
  await until(() => badges.every((b) => b.shadowRoot?.querySelector('button[part="badge"]')), 'every badge');
  visit(provider);
};

/** An access review of one record, loaded (findings, matrix with rows). */
const review: Scene = async (visit) => {
  const provider = await fixture<HTMLElement>(
    html`<cam-provider user-id=${freshUserId()}
      ><cam-access-review entity-table=${CASE_TABLE} entity-id=${STORY.nearMiss.caseId}></cam-access-review
    ></cam-provider>`,
  );
  const root = () => provider.querySelector('cam-access-review')?.shadowRoot;
  await until(() => root()?.querySelector('[part~="row"]') != null, 'the review', 10_000);
  visit(provider);
};

/** Another agent changed a party: live refresh marks the row for a moment. */
const liveChange: Scene = async (visit) => {
  const all = await renderAllElements();
  await until(() => shadow(all.list).querySelector('[part~="row"]') !== null, 'the rows');
  const { housingLoan } = STORY;
  getStore().update('sn_customerservice_related_party', housingLoan.parties.coBorrower, {
    type: housingLoan.relationshipTypes.guarantor.id,
  });
  await all.provider.current?.live?.check();
  await until(() => shadow(all.list).querySelector('[data-live-changed]') !== null, 'the marked row');
  visit(all.provider);
};

/**
 * The scenes, in order. Each starts on an empty page: the list is virtualised, so a list pushed
 * below the viewport by an earlier scene would render no rows.
 */
export const SCENES: readonly Scene[] = [
  interactive,
  loading,
  incomplete,
  refused,
  offline,
  levels,
  review,
  liveChange,
].map((scene): Scene => async (visit) => {
  fixtureCleanup();
  faults.reset();
  await scene(visit);
});
