/**
 * Render helpers: an explanation as a plain sentence, then nested lists. Each grant path reads
 * top-down: record → how it is reached → responsibility → access configuration → required roles →
 * granular roles → level; each near miss is one item with the engine's reason.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type {
  Explanation,
  GrantPath,
  GranularCap,
  Reach,
  RelatedPartyPath,
  RoleHeld,
} from '../../src/access/types.js';
import type { AccessLevel, Permission } from '../../src/model/kinds.js';
import { personaScopeText } from '../../src/access/explain-format.js';
import { entityWord, levelLabel, permissionList } from '../internal/labels.js';
import { summarySentence } from './explanation-summary.js';

/** " (read, write)" after a level, or '' without permissions. */
export function permissionsSuffix(permissions: readonly Permission[]): string {
  return permissions.length > 0 ? ` (${permissionList(permissions)})` : '';
}

function result(level: AccessLevel, permissions: readonly Permission[]): TemplateResult {
  return html`<li class="result">
    ${msg('Result:')}
    <span class="level" data-level=${level}>${levelLabel(level)}</span>${permissionsSuffix(permissions)}
  </li>`;
}

function reachText(reach: Reach): string {
  switch (reach.via) {
    case 'direct':
      return msg('Named directly on the record');
    case 'account':
      return msg(str`As a contact of account ${reach.accountName}`);
    case 'service_organization':
      return msg(str`As a member of service organization ${reach.organizationName}`);
    case 'household':
      return msg(str`As a member of household ${reach.householdName}`);
  }
}

function roleItem(role: RoleHeld, inner: TemplateResult | typeof nothing = nothing): TemplateResult {
  const through = role.via.length > 1 ? msg(str` (through ${role.via.slice(0, -1).join(' → ')})`) : '';
  const mark = role.held ? '✓' : '✗';
  return html`<li class=${role.held ? 'held' : 'missing'}>
    ${msg(str`Requires role ${role.role}`)} — ${role.held ? msg('held') : msg('missing')}
    <span aria-hidden="true">${mark}</span>${through} ${inner}
  </li>`;
}

function granularItem(cap: GranularCap, inner: TemplateResult): TemplateResult {
  const roles = cap.roles.map((role) => `${role.role} (${permissionList(role.permissions)})`).join(', ');
  return html`<li>
    ${msg(str`Granular roles on ${entityWord(cap.table)}: ${roles || msg('none')} — allow ${levelLabel(cap.level)}`)}
    <ul>
      ${inner}
    </ul>
  </li>`;
}

function relatedPartyPath(path: RelatedPartyPath): TemplateResult {
  const { record, config } = path;
  const through = config.through ? msg(str` through ${entityWord(config.through)}`) : '';
  const cascade = path.cascade
    ? msg(str`; cascades from ${entityWord(path.cascade.from.kind)} ${path.cascade.fromLabel}`)
    : '';
  const blocked = path.createBlocked
    ? html`<li>${msg('Create blocked: the contact and the install base item share no account')}</li>`
    : nothing;
  return html`<li class="path">
    ${msg(str`Party record on ${entityWord(record.entity.kind)} ${record.entityLabel} — type “${record.typeName}”`)}
    <ul>
      <li>
        ${reachText(path.reach)}${cascade}
        <ul>
          <li>
            ${msg(str`Responsibility ${path.responsibility.name}`)}
            <ul>
              <li>
                ${msg(str`Access configuration: ${entityWord(config.table)}${through}, ${levelLabel(config.level)}`)}
                <ul>
                  ${path.roles.map((role) => roleItem(role))}
                  ${granularItem(path.granular, html`${blocked}${result(path.level, path.permissions)}`)}
                </ul>
              </li>
            </ul>
          </li>
        </ul>
      </li>
    </ul>
  </li>`;
}

function grantPath(path: GrantPath): TemplateResult {
  switch (path.source) {
    case 'related-party':
      return relatedPartyPath(path);
    case 'owner':
      return html`<li class="path">
        ${path.field === 'contact' ? msg('Is the contact of the record') : msg('Is the consumer of the record')}
        <ul>
          ${roleItem(
            path.role,
            html`<ul>
              ${result(path.level, path.permissions)}
            </ul>`,
          )}
        </ul>
      </li>`;
    case 'account-default':
      return html`<li class="path">
        ${msg(str`Contact of account ${path.accountName}, which owns the record and does not restrict contact access`)}
        <ul>
          ${granularItem(path.granular, result(path.level, path.permissions))}
        </ul>
      </li>`;
    case 'global-role':
      return html`<li class="path">
        ${msg('Global role')}
        <ul>
          ${roleItem(
            path.role,
            html`<ul>
              ${result(path.level, path.permissions)}
            </ul>`,
          )}
        </ul>
      </li>`;
    case 'persona':
      return html`<li class="path">
        ${msg(str`Persona role ${path.grant.role}: ${personaScopeText(path, msg('the record'))}`)}
        <ul>
          ${roleItem(
            path.role,
            html`<ul>
              ${result(path.level, path.permissions)}
            </ul>`,
          )}
        </ul>
      </li>`;
  }
}

/**
 * One explanation: a plain sentence first (what the person can do, and the main reason), then the
 * grants and near misses step by step as a nested list, collapsed under "How this is worked out".
 */
export function renderExplanation(explanation: Explanation): TemplateResult {
  return html`<p class="summary">${summarySentence(explanation)}</p>
    <details class="steps">
      <summary>${msg('How this is worked out')}</summary>
      ${renderTree(explanation)}
    </details>`;
}

/** The grants and near misses of one explanation, as a nested list. */
function renderTree(explanation: Explanation): TemplateResult {
  return html`<ul class="tree" part="tree">
    <li>
      ${msg('Grants')}
      <ul>
        ${explanation.grants.length === 0 ? html`<li class="muted">${msg('No path grants access.')}</li>` : explanation.grants.map(grantPath)}
      </ul>
    </li>
    ${
      explanation.nearMisses.length === 0
        ? nothing
        : html`<li>
            ${msg('Near misses')}
            <ul>
              ${explanation.nearMisses.map(
                (miss) =>
                  html`<li class="near-miss" data-code=${miss.code}>
                    <span aria-hidden="true">✗ </span>${miss.reason}
                  </li>`,
              )}
            </ul>
          </li>`
    }
  </ul>`;
}
