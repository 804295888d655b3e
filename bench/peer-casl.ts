/**
 * CASL (@casl/ability): one MongoAbility per principal, built from its precomputed rules; the
 * cascade is matched by CASL's conditions on entity documents (`{chain: {$in: sources}}` …).
 */
import { createMongoAbility, type MongoAbility, type RawRuleOf } from '@casl/ability';
import type { EntityKind } from '../src/model/index.js';
import type { Cascade, PeerRule } from './peer-rules.js';
import type { Subject } from './peer-subjects.js';

type Ability = MongoAbility<[string, Subject | EntityKind]>;

const FIELD: Record<Exclude<Cascade, 'global'>, keyof Subject> = {
  self: 'key',
  owner: 'key',
  sold_product: 'sp',
  tree: 'chain',
  account: 'account',
};

function abilityOf(rules: readonly PeerRule[]): Ability {
  const grouped = new Map<string, { rule: PeerRule; sources: Set<string> }>();
  for (const rule of rules) {
    const id = `${rule.table}/${rule.action}/${rule.cascade}`;
    const group = grouped.get(id) ?? { rule, sources: new Set<string>() };
    group.sources.add(rule.source);
    grouped.set(id, group);
  }
  const raw: RawRuleOf<Ability>[] = [...grouped.values()].map(({ rule, sources }) =>
    rule.cascade === 'global'
      ? { action: rule.action, subject: rule.table }
      : {
          action: rule.action,
          subject: rule.table,
          conditions: { [FIELD[rule.cascade]]: { $in: [...sources] } },
        },
  );
  return createMongoAbility<[string, Subject | EntityKind]>(raw, {
    detectSubjectType: (s) => (typeof s === 'string' ? s : s.__type),
  });
}

export class CaslPeer {
  readonly #abilities = new Map<string, Ability>();

  constructor(rules: ReadonlyMap<string, readonly PeerRule[]>) {
    for (const [principal, list] of rules) this.#abilities.set(principal, abilityOf(list));
  }

  /** Permission mask (read 1, write 2, create 4). */
  check(principal: string, subject: Subject): number {
    const ability = this.#abilities.get(principal);
    if (!ability) return 0;
    return (
      (ability.can('read', subject) ? 1 : 0) |
      (ability.can('write', subject) ? 2 : 0) |
      (ability.can('create', subject) ? 4 : 0)
    );
  }
}
