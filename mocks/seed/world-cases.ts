/** Cases of the generated world: business cases (account, contact, product, asset) and consumer cases. */
import type { SeedContext } from './context.js';
import { CASE_STATES, CASE_SUBJECTS } from './names.js';
import type { People } from './world-people.js';
import type { Products } from './world-products.js';

export interface CaseInfo {
  readonly id: string;
  readonly account?: string;
  readonly consumer?: string;
}

/** Creates `count` cases with numbers from the context's sequence. */
export function seedCases(ctx: SeedContext, people: People, products: Products, count: number): CaseInfo[] {
  const { rng } = ctx;
  const withContacts = people.accounts.filter((a) => (people.contactsByAccount.get(a.id)?.length ?? 0) > 0);
  const cases: CaseInfo[] = [];
  for (let i = 0; i < count; i++) {
    const business = withContacts.length > 0 && (people.consumers.length === 0 || rng.chance(0.65));
    const account = business ? rng.pick(withContacts) : undefined;
    const consumer = business ? undefined : rng.pick(people.consumers);
    const owned = products.soldProducts.filter((p) =>
      account ? p.account === account.id : p.consumer === consumer,
    );
    const product = owned.length > 0 && rng.chance(0.4) ? rng.pick(owned) : undefined;
    const trees = products.installBase.filter((t) => t.soldProduct === product?.id);
    const tree = trees.length > 0 && rng.chance(0.5) ? rng.pick(trees) : undefined;
    const asset = tree ? rng.pick([tree.id, ...tree.children]) : '';
    const id = ctx.put(
      'case',
      {
        number: ctx.nextCaseNumber(),
        shortDescription: subject(ctx, product?.name.split(' - ')[0]),
        account: account?.id ?? '',
        contact: account ? rng.pick(people.contactsByAccount.get(account.id) ?? []) : '',
        consumer: consumer ?? '',
        soldProduct: product?.id ?? '',
        installBase: asset,
      },
      { state: rng.pick(CASE_STATES), priority: String(rng.int(1, 4)) },
    );
    cases.push({ id, ...(account ? { account: account.id } : {}), ...(consumer ? { consumer } : {}) });
  }
  return cases;
}

function subject(ctx: SeedContext, product: string | undefined): string {
  const templates = product ? CASE_SUBJECTS : CASE_SUBJECTS.filter((s) => !s.includes('{product}'));
  return ctx.rng.pick(templates).replace('{product}', product ?? '');
}
