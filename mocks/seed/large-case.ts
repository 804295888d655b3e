/**
 * A large-data option for benchmarks and virtualisation tests: one case (STORY.largeCase) with
 * thousands of related parties over a pool of principals (half contacts of one account, half
 * consumers). Party i names principal i mod P with the (i div P)-th type that fits the principal;
 * when parties exceed principals × types, combinations repeat (this seed bypasses the business
 * rules, as an import would).
 */
import { DEFAULT_TABLE_MAP, type TableMap } from '../../src/client/table-map.js';
import type { Definitions, RelationshipType } from '../../src/model/definitions.js';
import type { PartyKind } from '../../src/model/kinds.js';
import type { TableStore } from '../store/table-store.js';
import { addParty, partyColumnKey } from './parties.js';
import { SEED_DEFINITIONS } from './seed-definitions.js';
import { STORY } from './story.js';
import { prepareContext, withSeedClock } from './world.js';

export interface LargeCaseOptions {
  /** Related-party records on the case (default 10,000). */
  readonly parties?: number;
  /** Distinct principals they name (default 2,000). */
  readonly principals?: number;
  readonly seed?: number;
  readonly definitions?: Definitions;
  readonly tableMap?: TableMap;
}

export interface LargeCase {
  readonly caseId: string;
  readonly caseNumber: string;
  readonly parties: number;
}

/** Adds the large case to a store (seeded or empty: missing definition rows are added). */
export function seedLargeCase(store: TableStore, options: LargeCaseOptions = {}): LargeCase {
  const map = options.tableMap ?? DEFAULT_TABLE_MAP;
  const definitions = options.definitions ?? SEED_DEFINITIONS;
  const { caseId, caseNumber, account } = STORY.largeCase;
  const partyCount = options.parties ?? 10_000;
  const principalCount = Math.max(1, options.principals ?? 2_000);
  return withSeedClock(store, '2025-06-02T08:00:00Z', () => {
    const ctx = prepareContext(store, map, definitions, options.seed ?? 99);
    const typesOf = (kind: PartyKind): RelationshipType[] =>
      definitions.relationshipTypes.filter(
        (t) =>
          t.appliesTo === 'case' && t.partyType === kind && partyColumnKey(map, 'case', kind) !== undefined,
      );
    ctx.put('account', { id: account.id, name: account.name });
    const principals: { id: string; types: RelationshipType[] }[] = [];
    for (let i = 0; i < principalCount; i++) {
      const kind = i % 2 === 0 ? 'contact' : 'consumer';
      const name = `Large ${kind} ${String(i + 1).padStart(5, '0')}`;
      const email = `large.${kind}.${i + 1}@megacorp.example`;
      const id =
        kind === 'contact'
          ? ctx.put('contact', { name, email, account: account.id })
          : ctx.put('consumer', { name, email });
      const role =
        kind === 'contact'
          ? 'sn_customerservice.case_authorized_contact'
          : 'sn_customerservice.case_authorized_consumer';
      if (ctx.rng.chance(0.85)) ctx.grantRoles(id, [role]);
      principals.push({ id, types: typesOf(kind) });
    }
    const contact = principals[0]?.id ?? '';
    ctx.put(
      'case',
      {
        id: caseId,
        number: caseNumber,
        shortDescription: 'Fleet-wide recall: every driver is a party',
        account: account.id,
        contact,
      },
      { state: 'open', priority: '1' },
    );
    for (let i = 0; i < partyCount; i++) {
      const principal = principals[i % principals.length];
      const types = principal?.types ?? [];
      const type = types[Math.floor(i / principals.length) % Math.max(1, types.length)];
      if (!principal || !type) continue;
      addParty(ctx, { entity: 'case', entityId: caseId, type, partyId: principal.id, order: (i + 1) * 10 });
    }
    return {
      caseId,
      caseNumber,
      parties: store.all(map.caseParty.table).filter((r) => r[map.caseParty.columns.entity] === caseId)
        .length,
    };
  });
}
