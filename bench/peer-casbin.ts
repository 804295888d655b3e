/**
 * Casbin: one enforcer per principal holding its precomputed rules as policies
 * `p = via, src, tbl, act` (one shared enforcer would scan every principal's policies on every
 * request: Casbin has no policy index). The install base trees (item → parent, sold product → its
 * items) live in one shared transitive DefaultRoleManager, exposed to the matcher as `inTree`.
 */
import { DefaultRoleManager, newEnforcer, newModelFromString, StringAdapter, type Enforcer } from 'casbin';
import type { Facts } from '../src/model/index.js';
import type { PeerRule } from './peer-rules.js';
import type { Subject } from './peer-subjects.js';

const MODEL = `
[request_definition]
r = obj, tbl, act, sp, node, acc

[policy_definition]
p = via, src, tbl, act

[policy_effect]
e = some(where (p.eft == allow))

[matchers]
m = r.tbl == p.tbl && r.act == p.act && (p.via == "global" || ((p.via == "self" || p.via == "owner") && r.obj == p.src) || (p.via == "sold_product" && r.sp == p.src) || (p.via == "tree" && inTree(r.node, p.src)) || (p.via == "account" && r.acc == p.src))
`;

export class CasbinPeer {
  readonly #enforcers = new Map<string, Enforcer>();

  private constructor() {}

  static async create(facts: Facts, rules: ReadonlyMap<string, readonly PeerRule[]>): Promise<CasbinPeer> {
    const peer = new CasbinPeer();
    const tree = new DefaultRoleManager(1_000);
    for (const item of facts.installBase) {
      if (item.parent) await tree.addLink(`install_base:${item.id}`, `install_base:${item.parent}`);
      if (item.soldProduct) await tree.addLink(`sold_product:${item.soldProduct}`, `install_base:${item.id}`);
    }
    const inTree = (a: string, b: string) => a !== '' && tree.syncedHasLink(a, b);
    for (const [principal, list] of rules) {
      // A principal without rules still gets an enforcer (with a policy that never matches), so
      // every check pays Casbin's real cost.
      const lines = [
        'p, none, -, -, -',
        ...new Set(list.map((r) => `p, ${r.cascade}, ${r.source || '*'}, ${r.table}, ${r.action}`)),
      ];
      const enforcer = await newEnforcer(newModelFromString(MODEL), new StringAdapter(lines.join('\n')));
      await enforcer.addFunction('inTree', inTree);
      peer.#enforcers.set(principal, enforcer);
    }
    return peer;
  }

  /** Permission mask (read 1, write 2, create 4). */
  check(principal: string, s: Subject): number {
    const e = this.#enforcers.get(principal);
    if (!e) return 0;
    const ask = (act: string) => e.enforceSync(s.key, s.__type, act, s.sp, s.node, s.account);
    return (ask('read') ? 1 : 0) | (ask('write') ? 2 : 0) | (ask('create') ? 4 : 0);
  }
}
