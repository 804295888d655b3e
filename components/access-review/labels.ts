/** Words of the access review: severities, finding kinds, path kinds, apply outcomes. */
import { msg } from '@lit/localize';
import type { Severity, FindingKind } from '../../src/review/types.js';
import type { ApplyStatus } from '../../src/service/access-review-apply.js';

export function severityLabel(severity: Severity): string {
  const labels: Record<Severity, string> = {
    info: msg('Info'),
    low: msg('Low'),
    medium: msg('Medium'),
    high: msg('High'),
  };
  return labels[severity];
}

export function findingKindLabel(kind: FindingKind): string {
  const labels: Record<FindingKind, string> = {
    'responsibility-without-role': msg('Responsibility without the role'),
    'inactive-person': msg('Inactive person'),
    'outside-account': msg('Outside the account'),
    'duplicate-person': msg('Reached through several parties'),
    'account-party': msg('Account party'),
    'open-account': msg('Open to every contact'),
    'listed-on-worked-record': msg('Listed on a record they work on'),
    'closed-record-party': msg('Party of a closed record'),
  };
  return labels[kind];
}

/** A grant path's kind; kinds this element does not know (e.g. added to the engine later) read as given. */
export function pathKindLabel(kind: string): string {
  const labels: Record<string, string> = {
    'party-record': msg('Party record'),
    'account-party': msg('Account party'),
    'service-organization-party': msg('Service organization party'),
    'household-party': msg('Household party'),
    cascade: msg('Cascade'),
    owner: msg('Own record'),
    'account-default': msg('Account (no restriction)'),
    'global-role': msg('Global role'),
    'persona-role': msg('Persona role'),
  };
  return labels[kind] ?? kind.replace(/[-_]/g, ' ');
}

export function applyStatusLabel(status: ApplyStatus): string {
  const labels: Record<ApplyStatus, string> = {
    applied: msg('Applied'),
    failed: msg('Failed'),
    stale: msg('Changed by someone else'),
    invalid: msg('Refused'),
  };
  return labels[status];
}
