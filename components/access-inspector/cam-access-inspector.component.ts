import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { localized, msg } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import { RoleCatalog } from '../../src/access/role-catalog.js';
import type { RoleDef } from '../../src/model/definitions.js';
import type { DefinitionsSnapshot } from '../../src/service/definitions-snapshot.js';
import {
  ENTITY_KINDS,
  PRINCIPAL_KINDS,
  parseRef,
  type EntityKind,
  type PrincipalKind,
} from '../../src/model/kinds.js';
import { camServicesContext, type CamServices } from '../context.js';
import { styles } from './cam-access-inspector.styles.js';
import { DefinitionsController } from './definitions-controller.js';
import { explainAccess, type ExplainRequest, type ExplainResult } from './explain-source.js';
import { findEntities, findPrincipals, NameSearch } from './name-search.js';
import { sourceSentence } from './format.js';
import { panelId, renderTabs, tabId, type InspectorTab } from './inspector-tabs.js';
import { findCacheOwner, type CacheOwner } from './provider-owner.js';
import { RoleTreeController } from './role-tree-controller.js';
import { renderAccessConfigsSection } from './section-access-configs.js';
import { renderExplainSection } from './section-explain.js';
import { renderPersonaRolesSection } from './section-persona-roles.js';
import { renderRelationshipTypesSection } from './section-relationship-types.js';
import { renderResponsibilitiesSection } from './section-responsibilities.js';
import { renderRolesSection } from './section-roles.js';
import { renderStatusSection } from './section-status.js';
import { renderTransferSection } from './section-transfer.js';
import { TransferController } from './transfer-controller.js';

type SearchedTab = 'responsibilities' | 'access-configs' | 'relationship-types' | 'persona-roles';

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Offline inspection of the cached access rules: the role catalogue as a tree, responsibilities,
 * access configurations, relationship types, persona roles (what a role gives by itself: built-in,
 * host or imported rows), where the rules come from and how old they are, an explanation of one
 * principal's access to one entity, and export / import of access-test files.
 * Works with the network off: the definitions come from the cache, and Explain can use the facts
 * of an imported access-test file.
 *
 * @summary Inspect, explain, export and import the access rules in force.
 * @tagname cam-access-inspector
 * @csspart tabs - The tablist.
 * @csspart tab - Each tab button.
 * @csspart panel - The visible tab panel.
 * @csspart search - Each section's search field.
 * @csspart role-tree - The role tree.
 * @csspart tree-item - Each role in the tree.
 * @csspart role-details - Details of the selected role.
 * @csspart table - Each data table.
 * @csspart warning - Problems of the role catalogue (cycles, unknown roles).
 * @csspart offline - The offline banner.
 * @csspart status - The status list.
 * @csspart refresh - The Refresh button.
 * @csspart explanation - An explanation (verdict, tree, unknowns).
 * @csspart tree - The nested list of grants and near misses of an explanation.
 * @csspart explain-button - The Explain button.
 * @csspart export - The Export button.
 * @csspart import - The labelled file input of the import.
 * @cssprop --cam-font-family - Font family (default system-ui).
 * @cssprop --cam-font-size - Base font size (default 0.875rem).
 * @cssprop --cam-color-text - Text colour.
 * @cssprop --cam-color-text-muted - Secondary text.
 * @cssprop --cam-color-surface - Background of buttons and inputs.
 * @cssprop --cam-color-surface-hover - Background of a hovered button.
 * @cssprop --cam-color-border - Borders of tabs, tables and panels.
 * @cssprop --cam-radius - Corner radius (default 6px).
 * @cssprop --cam-color-primary - The selected tab's underline; the primary button.
 * @cssprop --cam-color-on-primary - Text of the primary button.
 * @cssprop --cam-color-danger - Errors and destructive actions.
 * @cssprop --cam-color-focus - Focus ring colour.
 * @cssprop --cam-focus-ring-width - Focus ring width (default 2px).
 * @cssprop --cam-space - Spacing between blocks and toolbar items (default 0.5rem).
 * @cssprop --cam-color-warning-bg - Background of warnings and the offline banner.
 * @cssprop --cam-color-warning - Text of warnings and the offline banner.
 * @cssprop --cam-color-selected-bg - Background of the selected tree item.
 * @cssprop --cam-tree-indent - Indentation per tree level.
 * @cssprop --cam-tree-max-height - Height of the role tree before it scrolls.
 * @cssprop --cam-color-link - Links from access configurations to the catalogue.
 * @cssprop --cam-color-skeleton - The loading skeleton.
 * @cssprop --cam-level-none-bg - Background of the none access level badge.
 * @cssprop --cam-level-none-fg - Text of the none access level badge.
 * @cssprop --cam-level-read-bg - Background of the read access level badge.
 * @cssprop --cam-level-read-fg - Text of the read access level badge.
 * @cssprop --cam-level-write-bg - Background of the write access level badge.
 * @cssprop --cam-level-write-fg - Text of the write access level badge.
 * @cssprop --cam-level-full-bg - Background of the full access level badge.
 * @cssprop --cam-level-full-fg - Text of the full access level badge.
 */
@localized()
export class CamAccessInspector extends LitElement {
  static override styles = styles;

  /** The section shown. */
  @property({ attribute: 'tab' }) tab: InspectorTab = 'roles';

  /**
   * A person to explain, as `kind:sys_id` (`contact:…`, `consumer:…`, `user:…`). With
   * `explain-entity` it opens the Explain tab, fills the form and explains (a deep link).
   */
  @property({ attribute: 'explain-principal' }) explainPrincipal = '';

  /** A record to explain, as `kind:sys_id` (`case:…`, `sold_product:…`, `install_base:…`). */
  @property({ attribute: 'explain-entity' }) explainEntity = '';

  @consume({ context: camServicesContext, subscribe: true })
  @state()
  private services?: CamServices;

  @state() private queries: Partial<Record<SearchedTab, string>> = {};
  /** The last request explained from a deep link (`explain-principal` / `explain-entity`). */
  private linked = '';

  private readonly definitions = new DefinitionsController(this, () => this.services);
  private readonly tree = new RoleTreeController(this);
  private readonly transfer = new TransferController(this, () => this.services);
  private readonly principalSearch = new NameSearch<PrincipalKind>(
    this,
    () => this.services,
    'contact',
    findPrincipals,
  );
  private readonly entitySearch = new NameSearch<EntityKind>(this, () => this.services, 'case', findEntities);
  private readonly explain = new Task<[ExplainRequest], ExplainResult>(this, {
    autoRun: false,
    // The form shows who and what was explained, by name.
    onComplete: ({ explanation: e }) => {
      this.principalSearch.fill(e.principal.kind, { id: e.principal.id, name: e.principalLabel });
      this.entitySearch.fill(e.entity.kind, { id: e.entity.id, name: e.entityLabel });
    },
    task: async ([request], { signal }) => {
      const services = this.services;
      if (!services) throw new Error('No <cam-provider> supplies the services.');
      try {
        return await explainAccess(services, request, this.transfer.imported?.facts, signal);
      } catch (error) {
        services.reportError(error);
        throw error;
      }
    },
  });
  private owner?: CacheOwner;
  private catalogOf?: { roles: readonly RoleDef[]; catalog: RoleCatalog };

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('services' as keyof CamAccessInspector)) this.owner = findCacheOwner(this);
    this.followLink();
  }

  /** A deep link (`explain-principal` + `explain-entity`) fills the Explain form and explains it. */
  private followLink(): void {
    const key = `${this.explainPrincipal} ${this.explainEntity}`;
    if (!this.services || key === this.linked) return;
    this.linked = key;
    let request: ExplainRequest;
    try {
      request = {
        principal: parseRef(this.explainPrincipal, PRINCIPAL_KINDS),
        entity: parseRef(this.explainEntity, ENTITY_KINDS),
      };
    } catch {
      return; // Not (yet) a complete pair of references: the form stays as it is.
    }
    this.principalSearch.fill(request.principal.kind, {
      id: request.principal.id,
      name: request.principal.id,
    });
    this.entitySearch.fill(request.entity.kind, { id: request.entity.id, name: request.entity.id });
    this.tab = 'explain';
    this.runExplain(request);
  }

  private catalog(snapshot: DefinitionsSnapshot): RoleCatalog {
    const { roles } = snapshot.definitions;
    if (this.catalogOf?.roles !== roles)
      this.catalogOf = { roles, catalog: RoleCatalog.fromDefinitions(roles) };
    return this.catalogOf.catalog;
  }

  private async selectTab(tab: InspectorTab, focus: boolean): Promise<void> {
    this.tab = tab;
    if (!focus) return;
    await this.updateComplete;
    this.shadowRoot?.getElementById(tabId(tab))?.focus();
  }

  private setQuery(tab: SearchedTab, query: string): void {
    this.queries = { ...this.queries, [tab]: query };
  }

  private reveal(role: RoleDef): void {
    this.tree.reveal(role);
    void this.selectTab('roles', false);
  }

  private runExplain(request: ExplainRequest): void {
    void this.explain.run([request]);
  }

  protected override render(): TemplateResult {
    if (!this.services) {
      return html`<p class="muted">${msg('Not connected: place this element inside <cam-provider>.')}</p>`;
    }
    const snapshot = this.definitions.snapshot;
    if (snapshot) return this.renderLoaded(snapshot);
    const { load } = this.definitions;
    if (load.status === TaskStatus.ERROR) {
      return html`<div class="error-state">
          <p role="alert">${message(load.error)}</p>
          <button type="button" class="primary" @click=${() => void load.run()}>${msg('Retry')}</button>
        </div>
        <section aria-label=${msg('Import an access-test file')}>
          ${renderTransferSection(this.transfer, false)}
        </section>`;
    }
    return html`<div class="loading" role="status" aria-busy="true">
      <span>${msg('Loading the access rules…')}</span>
      <div class="skeleton" aria-hidden="true"><span></span><span></span><span></span></div>
    </div>`;
  }

  private renderLoaded(snapshot: DefinitionsSnapshot): TemplateResult {
    const d = snapshot.definitions;
    const empty = [d.roles, d.responsibilities, d.accessConfigs, d.relationshipTypes].every(
      (l) => l.length === 0,
    );
    // Only the offline note is live: the age changes every half minute and must not be announced.
    return html`<p class="source">
        <span role="status"
          >${
            snapshot.offline
              ? html`<span class="offline" part="offline"
                  >${msg('Offline: showing the rules cached on this device.')}</span
                >`
              : nothing
          }</span
        >
        <span class="age">${sourceSentence(snapshot)}</span>
      </p>
      ${
        empty
          ? html`<p class="empty">
              ${msg('No access rules are loaded: the instance returned none you can read. Refresh, or import a file.')}
            </p>`
          : nothing
      }
      ${renderTabs(this.tab, (tab, focus) => void this.selectTab(tab, focus))}
      <div
        role="tabpanel"
        part="panel"
        id=${panelId(this.tab)}
        aria-labelledby=${tabId(this.tab)}
        tabindex="0"
      >
        ${this.renderPanel(snapshot)}
      </div>`;
  }

  private renderPanel(snapshot: DefinitionsSnapshot): TemplateResult {
    const definitions = snapshot.definitions;
    const query = (tab: SearchedTab): string => this.queries[tab] ?? '';
    switch (this.tab) {
      case 'roles':
        return renderRolesSection(this.catalog(snapshot), this.tree);
      case 'responsibilities':
        return renderResponsibilitiesSection(definitions, query('responsibilities'), (q) =>
          this.setQuery('responsibilities', q),
        );
      case 'access-configs':
        return renderAccessConfigsSection(
          definitions,
          this.catalog(snapshot),
          query('access-configs'),
          (q) => this.setQuery('access-configs', q),
          (role) => this.reveal(role),
        );
      case 'relationship-types':
        return renderRelationshipTypesSection(definitions, query('relationship-types'), (q) =>
          this.setQuery('relationship-types', q),
        );
      case 'persona-roles':
        return renderPersonaRolesSection(
          definitions,
          this.catalog(snapshot),
          query('persona-roles'),
          (q) => this.setQuery('persona-roles', q),
          (role) => this.reveal(role),
        );
      case 'status': {
        const { refresh } = this.definitions;
        return renderStatusSection(snapshot, this.owner, {
          pending: refresh.status === TaskStatus.PENDING,
          ...(refresh.status === TaskStatus.ERROR ? { error: message(refresh.error) } : {}),
          run: () => {
            if (refresh.status !== TaskStatus.PENDING) void refresh.run();
          },
        });
      }
      case 'explain':
        return renderExplainSection({
          snapshot,
          task: this.explain,
          principal: this.principalSearch,
          entity: this.entitySearch,
          ...(this.transfer.imported ? { imported: this.transfer.imported } : {}),
          submit: (request) => this.runExplain(request),
        });
      case 'transfer':
        return renderTransferSection(this.transfer, true);
    }
  }
}
