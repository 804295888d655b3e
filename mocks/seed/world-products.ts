/**
 * What the customers bought: sold products of accounts and of consumers, and the install base
 * (root items with children, on about half of the business products).
 */
import type { SeedContext } from './context.js';
import { BUSINESS_PRODUCTS, CONSUMER_PRODUCTS, SITES } from './names.js';
import type { People } from './world-people.js';

export interface SoldProductInfo {
  readonly id: string;
  readonly name: string;
  readonly account?: string;
  readonly consumer?: string;
}

export interface InstallBaseRoot {
  readonly id: string;
  readonly soldProduct: string;
  readonly account: string;
  readonly children: readonly string[];
}

export interface Products {
  readonly soldProducts: readonly SoldProductInfo[];
  readonly installBase: readonly InstallBaseRoot[];
}

/** Creates sold products and the install base. */
export function seedProducts(ctx: SeedContext, people: People, consumerProducts: number): Products {
  const { rng } = ctx;
  const soldProducts: SoldProductInfo[] = [];
  const installBase: InstallBaseRoot[] = [];
  for (const account of people.accounts) {
    for (const product of rng.sample(BUSINESS_PRODUCTS, rng.int(1, 4))) {
      const name = `${product} - ${account.name}`;
      const id = ctx.put('soldProduct', { name, account: account.id });
      soldProducts.push({ id, name, account: account.id });
      if (rng.chance(0.5)) installBase.push(seedItemTree(ctx, product, id, account.id));
    }
  }
  for (let i = 0; i < consumerProducts; i++) {
    const consumer = rng.pick(people.consumers);
    const name = rng.pick(CONSUMER_PRODUCTS);
    const id = ctx.put('soldProduct', { name, consumer });
    soldProducts.push({ id, name, consumer });
  }
  return { soldProducts, installBase };
}

/** A root item at a site, with 0–3 components. */
function seedItemTree(
  ctx: SeedContext,
  product: string,
  soldProduct: string,
  account: string,
): InstallBaseRoot {
  const site = ctx.rng.pick(SITES);
  const root = ctx.put('installBase', { name: `${product} @ ${site}`, account, soldProduct, parent: '' });
  const children = Array.from({ length: ctx.rng.int(0, 3) }, (_, i) =>
    ctx.put('installBase', {
      name: `${product} @ ${site} / unit ${i + 1}`,
      account,
      soldProduct,
      parent: root,
    }),
  );
  return { id: root, soldProduct, account, children };
}
