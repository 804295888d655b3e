/**
 * Checks a relationship type change before anything is sent: the type must exist and the engine
 * must find nothing wrong with the record it would produce (type for another party kind or entity,
 * a unique responsibility another party already holds…).
 */
import { msg } from '@lit/localize';
import type { RelationshipType } from '../../src/model/definitions.js';
import type { EntityAccess } from '../../src/service/access-service.js';
import type { PartyRow } from '../../src/service/party-rows.js';

/** What to save, or why it cannot be saved. */
export type RetypePlan =
  | { readonly ok: true; readonly type: RelationshipType; readonly responsibilityName?: string }
  | { readonly ok: false; readonly problem: string };

export function planRetype(access: EntityAccess, row: PartyRow, typeId: string): RetypePlan {
  const { relationshipTypes, responsibilities } = access.definitions.definitions;
  const type = relationshipTypes.find((t) => t.id === typeId);
  if (!type) return { ok: false, problem: msg('Pick a relationship type.') };
  const issue = access.engine
    .validate({ op: 'retype', recordId: row.record.id, type: typeId })
    .find((i) => i.severity === 'error');
  if (issue) return { ok: false, problem: issue.message };
  const responsibility = responsibilities.find((r) => r.id === type.defaultResponsibility);
  return { ok: true, type, responsibilityName: responsibility?.name };
}
