import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import { localized, msg, str } from '@lit/localize';
import type { AccessLevel, EntityRef, Explanation, PartyKind, PrincipalKind } from '../../src/index.js';
import type { CamServices } from '../context.js';
import { ServicesController, concerns, renderMissingProvider } from '../internal/services-controller.js';
import type { BadgeEvaluation } from './badge-evaluation.js';
import { subjectOf } from './badge-subject.js';
import { onDemand } from '../../src/internal/on-demand.js';
import { styles } from './cam-effective-access-badge.styles.js';
import { entityWord, levelLabel } from '../internal/labels.js';
import { floatNextTo, warmFloating } from '../internal/floating.js';

type BadgePanel = typeof import('./badge-panel.js');

/** What the badge shows, worked out from the access picture: loaded while the picture is read. */
const evaluation = onDemand(() => import('./badge-evaluation.js'), "The access badge's evaluation");

/**
 * What an open popover shows under its title (the explanation tree with its plain-language summary,
 * the rules' source and what the answer may miss), loaded when a popover first opens or a badge is
 * hovered or focused: a page of rows and badges shows levels without it.
 */
let panelCode: BadgePanel | undefined;
let panelLoading: Promise<BadgePanel> | undefined;

function loadPanel(): Promise<BadgePanel> {
  panelLoading ??= import('./badge-panel.js').then(
    (module) => (panelCode = module),
    (error: unknown) => {
      // The next open tries again.
      panelLoading = undefined;
      throw error;
    },
  );
  return panelLoading;
}

/** Starts loading what an open popover needs (pointer over a badge, or focus on it). */
function warm(): void {
  warmFloating();
  loadPanel().catch(() => undefined);
}

/** The badge button's accessible name: one plain phrase ("write access, show why"). */
function badgeName(level: AccessLevel | undefined, incomplete: boolean): string {
  if (!level) return msg('Access unknown, show why');
  const word = levelLabel(level);
  return incomplete
    ? msg(str`${word} access, answer incomplete, show why`)
    : msg(str`${word} access, show why`);
}

/**
 * The effective access of a person (contact, consumer, user) to a case, sold product or install
 * base item as a compact badge, with a popover that explains it: every granting path and every near
 * miss. For a group party (account, service organization) it shows the highest level any member
 * gets and each member's level. Many badges on one page share their entity's load.
 *
 * @tagname cam-effective-access-badge
 * @summary Access level badge with an explanation popover.
 * @csspart badge - The level badge (a button; also the loading skeleton).
 * @csspart popover - The explanation popover (role dialog).
 * @csspart tree - The nested list of grants and near misses.
 * @csspart source-note - "Based on cached rules from …".
 * @csspart incomplete-note - "Answer incomplete: …".
 * @cssprop --cam-font-family - Font family (default system-ui).
 * @cssprop --cam-font-size - Base font size (default 0.875rem).
 * @cssprop --cam-color-text - Text colour.
 * @cssprop --cam-color-text-muted - Secondary text.
 * @cssprop --cam-color-surface - Popover background.
 * @cssprop --cam-color-surface-hover - Background of a hovered button.
 * @cssprop --cam-color-border - Popover border.
 * @cssprop --cam-radius - Corner radius (default 6px).
 * @cssprop --cam-color-danger - Missing roles, near misses and errors.
 * @cssprop --cam-color-focus - Focus ring colour.
 * @cssprop --cam-focus-ring-width - Focus ring width (default 2px).
 * @cssprop --cam-color-skeleton - The loading badge.
 * @cssprop --cam-color-warning - The incomplete marker and note.
 * @cssprop --cam-popover-width - Popover maximum width (default 36rem).
 * @cssprop --cam-shadow-popup - Shadow of the popover.
 * @cssprop --cam-level-none-bg - Background of the none access level badge.
 * @cssprop --cam-level-none-fg - Text of the none access level badge.
 * @cssprop --cam-level-read-bg - Background of the read access level badge.
 * @cssprop --cam-level-read-fg - Text of the read access level badge.
 * @cssprop --cam-level-write-bg - Background of the write access level badge.
 * @cssprop --cam-level-write-fg - Text of the write access level badge.
 * @cssprop --cam-level-full-bg - Background of the full access level badge.
 * @cssprop --cam-level-full-fg - Text of the full access level badge.
 * @cssprop --cam-level-unknown-bg - Background of the badge when access could not be determined.
 * @cssprop --cam-level-unknown-fg - Text of the badge when access could not be determined.
 */
@localized()
export class CamEffectiveAccessBadge extends LitElement {
  static override styles = styles;

  /** Kind of the person whose access is shown: `contact`, `consumer` or `user`. */
  @property({ attribute: 'principal-kind' }) principalKind: PrincipalKind | '' = '';

  /** Deprecated alias of `principal-kind` (kept for existing pages). @deprecated */
  @property({ attribute: 'principal-type' }) principalType: PrincipalKind | '' = '';

  /** sys_id of the person whose access is shown. */
  @property({ attribute: 'principal-id' }) principalId = '';

  /** Instead of principal-*: a party kind (a group: account, service_organization, household; or a person). */
  @property({ attribute: 'party-kind' }) partyKind: PartyKind | '' = '';

  /** Deprecated alias of `party-kind` (kept for existing pages). @deprecated */
  @property({ attribute: 'party-type' }) partyType: PartyKind | '' = '';

  /** sys_id of the party (with party-kind). */
  @property({ attribute: 'party-id' }) partyId = '';

  /** Table of the entity, e.g. `sn_customerservice_case`. */
  @property({ attribute: 'entity-table' }) entityTable = '';

  /** sys_id of the entity. */
  @property({ attribute: 'entity-id' }) entityId = '';

  /** Re-evaluates when the access service says this entity (or everything) changed. */
  private readonly ctx = new ServicesController(this, {
    onAccessChanged: (changed) => {
      if (concerns(changed, this.entity())) void this.task.run();
    },
  });

  private get services(): CamServices | undefined {
    return this.ctx.services;
  }

  @state() private open = false;
  /** Age of the definitions when the popover was opened (a render must not read the clock). */
  @state() private definitionsAgeMs = 0;
  /** The panel's code could not be loaded (offline, a missing chunk). */
  @state() private panelFailed = false;
  @query('[part=badge]') private badge?: HTMLButtonElement;
  @query('[part=popover]') private panel?: HTMLElement;

  /** Stops keeping the open popover placed (Floating UI's autoUpdate). */
  private unfloat?: () => void;

  private readonly task = new Task(this, {
    args: () =>
      [
        this.services,
        this.entityTable,
        this.entityId,
        this.principalKind || this.principalType,
        this.principalId,
        this.partyKind || this.partyType,
        this.partyId,
      ] as const,
    task: async (
      [services, entityTable, entityId, principalType, principalId, partyType, partyId],
      { signal },
    ) => {
      if (!services) return initialState;
      const entity = services.parties.entityOf(entityTable, entityId);
      const subject = subjectOf({ principalType, principalId, partyType, partyId });
      if (!entity)
        throw new Error(
          msg(str`“${entityTable}” with id “${entityId}” is not a case, sold product or install base item.`),
        );
      if (!subject) throw new Error(msg('Set principal-kind and principal-id, or party-kind and party-id.'));
      try {
        // The subject's answer as soon as it is known: a large entity reads the badges in view first.
        const party = subject.kind === 'principal' ? subject.principal : subject.party;
        const [access, { evaluateBadge }] = await Promise.all([
          services.access.forSubject(entity, party, { signal }),
          evaluation.load(),
        ]);
        return evaluateBadge(access, subject);
      } catch (error) {
        if (!signal.aborted) services.reportError(error);
        throw error;
      }
    },
  });

  /** The current level; undefined while loading or after an error. */
  get level(): AccessLevel | undefined {
    return this.task.value?.level;
  }

  /** Why the principal has this level (principal badges); undefined for groups, while loading, on error. */
  get explanation(): Explanation | undefined {
    return this.task.value?.explanation;
  }

  /** Each member's explanation (group badges), highest level first. */
  get members(): readonly Explanation[] | undefined {
    return this.task.value?.members;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unfloat?.();
    this.unfloat = undefined;
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('open') && this.open) this.panel?.focus();
  }

  /** The entity the attributes name (through the provider's table map). */
  private entity(): EntityRef | undefined {
    return this.services?.parties.entityOf(this.entityTable, this.entityId);
  }

  private onToggle(event: ToggleEvent): void {
    this.open = event.newState === 'open';
    this.unfloat?.();
    this.unfloat = undefined;
    if (!this.open) return;
    // Next to the badge, flipped, shifted and sized to stay inside the viewport while it is open.
    if (this.badge && this.panel) this.unfloat = floatNextTo(this.badge, this.panel);
    if (!panelCode) this.showPanel();
    this.definitionsAgeMs = this.task.value?.snapshot.ageMs() ?? 0;
  }

  /** Loads the panel's code (again at each open after a failure), then renders it or says it failed. */
  private showPanel(): void {
    this.panelFailed = false;
    loadPanel().then(
      () => this.requestUpdate(),
      (error: unknown) => {
        console.error(
          `The explanation could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
        );
        this.panelFailed = true;
      },
    );
  }

  private onPanelKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    this.panel?.hidePopover();
    this.badge?.focus();
  }

  protected override render(): TemplateResult {
    if (this.ctx.missing) return renderMissingProvider();
    const value = this.task.value;
    const failed = this.task.status === TaskStatus.ERROR;
    if (!value && !failed) {
      return html`<span part="badge" class="level skeleton" role="status" aria-busy="true">
        <span class="visually-hidden">${msg('Checking access…')}</span>
      </span>`;
    }
    const level = failed || !value ? undefined : value.level;
    const incomplete = (value?.incomplete.length ?? 0) > 0;
    const busy = this.task.status === TaskStatus.PENDING;
    return html`<button
        type="button"
        part="badge"
        class="level"
        data-level=${level ?? 'unknown'}
        popovertarget="panel"
        aria-haspopup="dialog"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="panel"
        aria-busy=${busy ? 'true' : 'false'}
        aria-label=${badgeName(level, incomplete)}
        @pointerenter=${warm}
        @focus=${warm}
      >
        ${level ? levelLabel(level) : '?'}${incomplete ? html`<span class="marker" aria-hidden="true">!</span>` : nothing}
      </button>
      <div
        id="panel"
        part="popover"
        popover
        role="dialog"
        aria-labelledby="panel-title"
        tabindex="-1"
        @toggle=${this.onToggle}
        @keydown=${this.onPanelKeydown}
      >
        <button
          type="button"
          class="close"
          popovertarget="panel"
          popovertargetaction="hide"
          aria-label=${msg('Close')}
        >
          <span aria-hidden="true">×</span>
        </button>
        ${failed || !value ? this.renderError() : this.renderPanel(value)}
      </div>`;
  }

  private renderError(): TemplateResult {
    const error = this.task.error;
    const message = error instanceof Error ? error.message : String(error);
    return html`<p id="panel-title" class="title">${msg('Access could not be determined')}</p>
      <p role="alert">${message}</p>
      <button type="button" class="retry" @click=${() => void this.task.run()}>${msg('Retry')}</button>`;
  }

  private renderPanel(value: BadgeEvaluation): TemplateResult {
    const entity = this.entity();
    const where = entity ? `${entityWord(entity.kind)} ${value.entityLabel}` : value.entityLabel;
    return html`<p id="panel-title" class="title">
        ${msg(str`${value.subjectLabel} on ${where}:`)}
        <span class="level" data-level=${value.level}>${levelLabel(value.level)}</span>
      </p>
      ${!this.open ? nothing : this.renderBody(value)}`;
  }

  /** The rules' source, what may be missing, and why: once the panel's code is in. */
  private renderBody(value: BadgeEvaluation): TemplateResult {
    if (!panelCode) {
      // No Retry: a browser keeps a failed module fetch for the page's life (Chromium does).
      return this.panelFailed
        ? html`<p role="alert">
            ${msg('The explanation could not be loaded. Reload the page to try again.')}
          </p>`
        : html`<p class="muted loading" role="status">${msg('Loading the explanation…')}</p>`;
    }
    return panelCode.renderPanelBody(value, this.definitionsAgeMs);
  }
}
