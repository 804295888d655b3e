/**
 * Entity attributes the peers match rules against: its key, its sold product, the chain of install
 * base items it hangs from (ancestors-or-self), its owning account. Built once from the facts, like
 * the documents an application would hand to CASL or the request attributes it would pass to Casbin.
 */
import type { EntityKind, Facts } from '../src/model/index.js';

export interface Subject {
  readonly __type: EntityKind;
  readonly key: string;
  readonly sp: string;
  /** Ancestor-or-self item keys: of the case's item, of the item, or of every item of a sold product. */
  readonly chain: readonly string[];
  /** Casbin's request carries one node; the role graph walks up from it. */
  readonly node: string;
  readonly account: string;
}

export function buildSubjects(facts: Facts): Map<string, Subject> {
  const items = new Map(facts.installBase.map((i) => [i.id, i]));
  const ancestry = (id: string | undefined): string[] => {
    const chain: string[] = [];
    for (
      let at = id === undefined ? undefined : items.get(id);
      at && !chain.includes(`install_base:${at.id}`);
      at = at.parent ? items.get(at.parent) : undefined
    ) {
      chain.push(`install_base:${at.id}`);
    }
    return chain;
  };
  const spChains = new Map<string, string[]>();
  for (const item of facts.installBase) {
    if (item.soldProduct)
      spChains.set(item.soldProduct, [...(spChains.get(item.soldProduct) ?? []), ...ancestry(item.id)]);
  }
  const key = (kind: string, id: string | undefined) => (id === undefined ? '' : `${kind}:${id}`);
  const subjects = new Map<string, Subject>();
  for (const c of facts.cases) {
    const k = key('case', c.id);
    subjects.set(k, {
      __type: 'case',
      key: k,
      sp: key('sold_product', c.soldProduct),
      chain: ancestry(c.installBase),
      node: key('install_base', c.installBase),
      account: key('account', c.account),
    });
  }
  for (const s of facts.soldProducts) {
    const k = key('sold_product', s.id);
    subjects.set(k, {
      __type: 'sold_product',
      key: k,
      sp: '',
      chain: [...new Set(spChains.get(s.id) ?? [])],
      node: k,
      account: key('account', s.account),
    });
  }
  for (const i of facts.installBase) {
    const k = key('install_base', i.id);
    subjects.set(k, {
      __type: 'install_base',
      key: k,
      sp: key('sold_product', i.soldProduct),
      chain: ancestry(i.id),
      node: k,
      account: key('account', i.account),
    });
  }
  return subjects;
}
