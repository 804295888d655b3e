/**
 * What the confirmation step says before a removal: why it is not allowed (removal-rules.ts), or
 * whose access it lowers, as the engine's what-if answers it.
 */
import { msg, str } from '@lit/localize';
import type { AccessLevel, EntityKind, PrincipalKind } from '../../src/model/kinds.js';
import { compareLevels } from '../../src/model/kinds.js';
import { factsOfKind } from '../../src/model/facts.js';
import type { EntityAccess } from '../../src/service/access-service.js';
import type { PartyRow } from '../../src/service/party-rows.js';
import { levelLabel } from '../internal/labels.js';
import { removalBlock, type PrimaryField } from './removal-rules.js';

const MAX_IMPACT_LINES = 5;

/** "no access" reads better than "none" in a before → after line. */
function levelWord(level: AccessLevel): string {
  return level === 'none' ? msg('no access') : levelLabel(level);
}

function blockReason(kind: EntityKind, field: PrimaryField): string {
  const entity =
    kind === 'case' ? msg('case') : kind === 'sold_product' ? msg('sold product') : msg('install base item');
  const role = field === 'contact' ? msg('contact') : field === 'consumer' ? msg('consumer') : msg('account');
  return msg(
    str`It is the ${role} of this ${entity}; the platform keeps the ${entity}'s own ${role} as a related party. Change the ${entity}'s ${role} first.`,
  );
}

function principalName(access: EntityAccess, kind: PrincipalKind, id: string): string {
  return factsOfKind(access.facts, kind).find((p) => p.id === id)?.name ?? id;
}

/** The removal's block reason, or the lines describing whose access it lowers on this entity. */
export function removalPreview(access: EntityAccess, row: PartyRow): { blocked?: string; impact: string[] } {
  const block = removalBlock(row, access.facts, access.entity);
  if (block) return { blocked: blockReason(access.entity.kind, block.field), impact: [] };
  const { kind, id } = access.entity;
  const lowered = access.engine
    .whatIf({ op: 'remove', recordId: row.record.id })
    .filter((r) => r.entity.kind === kind && r.entity.id === id && compareLevels(r.after, r.before) < 0);
  const lines = lowered
    .slice(0, MAX_IMPACT_LINES)
    .map((r) =>
      msg(
        str`${principalName(access, r.principal.kind, r.principal.id)}: ${levelWord(r.before)} → ${levelWord(r.after)}`,
      ),
    );
  if (lowered.length > MAX_IMPACT_LINES) lines.push(msg(str`and ${lowered.length - MAX_IMPACT_LINES} more`));
  return { impact: lines };
}
