/**
 * A large account for the access review's benchmark: one account ("Megacorp Holdings", id
 * `5707…0e03`) with thousands of contacts, sold products, cases and related-party records
 * spread over them. Not part of the default world.
 */
import { DEFAULT_TABLE_MAP, type TableMap } from '../../src/client/table-map.js';
import type { RelationshipType } from '../../src/model/definitions.js';
import type { EntityKind } from '../../src/model/kinds.js';
import type { TableStore } from '../store/table-store.js';
import { addParty, findType } from './parties.js';
import { SEED_DEFINITIONS } from './seed-definitions.js';
import { storyId } from './story.js';
import { prepareContext, withSeedClock } from './world.js';

export const LARGE_ACCOUNT = { id: storyId('0e03'), name: 'Megacorp Holdings' } as const;

export interface LargeAccountOptions {
  readonly cases?: number;
  readonly parties?: number;
  readonly contacts?: number;
  readonly soldProducts?: number;
  readonly tableMap?: TableMap;
}

export interface LargeAccount {
  readonly accountId: string;
  readonly cases: number;
  readonly parties: number;
}

/** Adds the large account (default 5,000 cases, 20,000 parties, 1,000 contacts, 200 sold products). */
export function seedLargeAccount(store: TableStore, options: LargeAccountOptions = {}): LargeAccount {
  const map = options.tableMap ?? DEFAULT_TABLE_MAP;
  const account = LARGE_ACCOUNT;
  const caseCount = options.cases ?? 5_000;
  const partyCount = options.parties ?? 20_000;
  return withSeedClock(store, '2025-07-01T08:00:00Z', () => {
    const ctx = prepareContext(store, map, SEED_DEFINITIONS, 4242);
    if (!store.get(map.account.table, account.id)) ctx.put('account', { id: account.id, name: account.name });
    ctx.put('accountAccess', { account: account.id, restrictContactAccess: 'true' });
    const contacts: string[] = [];
    for (let i = 0; i < (options.contacts ?? 1_000); i++) {
      const name = `Megacorp contact ${String(i + 1).padStart(5, '0')}`;
      const id = ctx.put(
        'contact',
        { name, email: `c${i + 1}@megacorp.example`, account: account.id },
        {
          active: ctx.rng.chance(0.03) ? 'false' : 'true',
        },
      );
      const roles = ['sn_customerservice.customer'];
      if (ctx.rng.chance(0.8)) roles.push('sn_customerservice.case_authorized_contact');
      if (ctx.rng.chance(0.3)) roles.push('sn_install_base.sold_product_authorized_contact');
      ctx.grantRoles(id, roles);
      contacts.push(id);
    }
    const products: string[] = [];
    for (let i = 0; i < (options.soldProducts ?? 200); i++)
      products.push(ctx.put('soldProduct', { name: `Megacorp fleet unit ${i + 1}`, account: account.id }));
    const cases: string[] = [];
    for (let i = 0; i < caseCount; i++) {
      const closed = ctx.rng.chance(0.2);
      cases.push(
        ctx.put(
          'case',
          {
            number: `CS9${String(i + 1).padStart(6, '0')}`,
            shortDescription: `Fleet ticket ${i + 1}`,
            account: account.id,
            contact: ctx.rng.pick(contacts),
            soldProduct: ctx.rng.chance(0.3) ? ctx.rng.pick(products) : '',
          },
          {
            state: closed ? 'closed' : 'open',
            priority: '3',
            ...(closed ? { closed_at: '2025-01-15 10:00:00' } : {}),
          },
        ),
      );
    }
    const types: Record<string, RelationshipType> = {
      case: findType(ctx, 'Authorized Contact', 'case', 'contact'),
      caseListed: findType(ctx, 'Listed Contact', 'case', 'contact'),
      sold_product: findType(ctx, 'Authorized Contact', 'sold_product', 'contact'),
    };
    for (let i = 0; i < partyCount; i++) {
      const onCase = i % 10 !== 0;
      const entity: EntityKind = onCase ? 'case' : 'sold_product';
      const type = onCase
        ? ctx.rng.chance(0.1)
          ? types['caseListed']
          : types['case']
        : types['sold_product'];
      if (!type) continue;
      addParty(ctx, {
        entity,
        entityId: onCase ? ctx.rng.pick(cases) : ctx.rng.pick(products),
        type,
        partyId: ctx.rng.pick(contacts),
      });
    }
    return { accountId: account.id, cases: caseCount, parties: partyCount };
  });
}
