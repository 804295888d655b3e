import { formatRef, type RelatedPartyRecord } from '../model/index.js';
import type { Model } from './evaluate.js';
import { ENTITY_WORDS, INSTALL_BASE } from './kinds-index.js';
import type { PartyChange, ValidationCode, ValidationIssue } from './types.js';
import { retypedRecord } from './what-if.js';

const error = (code: ValidationCode, message: string): ValidationIssue => ({
  code,
  severity: 'error',
  message,
});
const warning = (code: ValidationCode, message: string): ValidationIssue => ({
  code,
  severity: 'warning',
  message,
});

/** Issues of a record about to be saved; `record.id` itself is ignored among the existing records. */
function checkRecord(model: Model, record: RelatedPartyRecord): ValidationIssue[] {
  const { index, definitions } = model;
  const issues: ValidationIssue[] = [];
  const { entity: entityRef, party } = record;
  const entity = index.entities.entry(index.entityIndex(entityRef));
  const partyKnown = index.hasParty(party);
  const partyName = partyKnown ? `${party.kind} ${index.partyLabel(party)}` : formatRef(party);
  const where = entity ? `${ENTITY_WORDS[entity.ref.kind]} ${entity.label}` : formatRef(entityRef);
  if (!entity) issues.push(error('unknown-entity', `${formatRef(entityRef)} does not exist`));
  if (!partyKnown) issues.push(error('unknown-party', `${formatRef(party)} does not exist`));
  const type = definitions.type(record.type);
  if (!type) issues.push(error('unknown-type', `relationship type ${record.type} does not exist`));
  else {
    if (type.appliesTo !== entityRef.kind) {
      issues.push(
        error(
          'type-not-applicable-entity',
          `relationship type ${type.name} applies to ${ENTITY_WORDS[type.appliesTo] ?? type.appliesTo}s, not to ${where}`,
        ),
      );
    }
    if (type.partyType !== party.kind) {
      issues.push(
        error(
          'type-not-applicable-party',
          `relationship type ${type.name} is for ${type.partyType} parties, not for ${partyName}`,
        ),
      );
    }
  }
  const others = entity ? index.recordsOn(entity.index).filter((r) => r.raw.id !== record.id) : [];
  if (record.responsibility !== undefined) {
    const responsibility =
      definitions.responsibilities[definitions.responsibilityIndex(record.responsibility)];
    if (!responsibility)
      issues.push(error('unknown-responsibility', `responsibility ${record.responsibility} does not exist`));
    else {
      if (responsibility.partyType !== 'none' && responsibility.partyType !== party.kind) {
        issues.push(
          warning(
            'responsibility-party-mismatch',
            `responsibility ${responsibility.name} applies to ${responsibility.partyType} parties, not to ${partyName}`,
          ),
        );
      }
      const holder = responsibility.unique
        ? others.find((r) => r.raw.responsibility === responsibility.id)
        : undefined;
      if (holder) {
        const name = `${holder.raw.party.kind} ${index.partyLabel(holder.raw.party)}`;
        issues.push(
          error(
            'unique-responsibility-taken',
            `${where} already has a party with responsibility ${responsibility.name} (${name}); it allows only one`,
          ),
        );
      }
    }
  }
  if (entity && entity.kind === INSTALL_BASE && entity.parent >= 0) {
    const root = index.entities.ancestorsOrSelf(entity.index).at(-1) ?? entity.parent;
    const rootLabel = index.entities.labels[root] ?? '';
    issues.push(
      error(
        'install-base-not-root',
        `related parties go on the root item only: ${entity.label} is part of ${rootLabel}`,
      ),
    );
  }
  const duplicate = others.find(
    (r) => r.raw.type === record.type && r.raw.party.kind === party.kind && r.raw.party.id === party.id,
  );
  if (duplicate) {
    issues.push(
      error(
        'duplicate-party',
        `${partyName} is already on ${where} as ${type?.name ?? record.type} (record ${duplicate.raw.id})`,
      ),
    );
  }
  return issues;
}

/** What is wrong with a proposed change, as typed issues with clear messages (empty: fine). */
export function validate(model: Model, change: PartyChange): ValidationIssue[] {
  if (change.op === 'add') {
    const taken = model.index.has(change.record.id);
    const clash = taken
      ? [error('duplicate-record-id', `a related party record with id ${change.record.id} already exists`)]
      : [];
    return [...clash, ...checkRecord(model, change.record)];
  }
  const existing = model.index.record(change.recordId);
  if (!existing) return [error('unknown-record', `related party record ${change.recordId} does not exist`)];
  if (change.op === 'remove') return [];
  return checkRecord(model, retypedRecord(model, existing.raw, change.type, change.responsibility));
}
