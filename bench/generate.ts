/**
 * The benchmark world, generated from a fixed seed: 200 accounts, 2,000 parties (1,300 contacts,
 * 350 consumers, 300 users, 50 service organizations), 10,000 cases, 1,000 sold products, 1,000
 * install base items (300 trees) and 50,000 related-party records typed with the built-in
 * relationship types. Account `a0` has exactly 50 contacts (the whatIf figure).
 */
import type {
  Account,
  Case,
  Consumer,
  Contact,
  Definitions,
  EntityKind,
  EntityRef,
  Facts,
  InstallBaseItem,
  PartyRef,
  PrincipalRef,
  RelatedPartyRecord,
  ServiceOrganization,
  SoldProduct,
  User,
} from '../src/model/index.js';
import { Rng } from './rng.js';

export const SIZES = {
  accounts: 200,
  contacts: 1_300,
  consumers: 350,
  users: 300,
  serviceOrganizations: 50,
  households: 100,
  cases: 10_000,
  soldProducts: 1_000,
  installBase: 1_000,
  installBaseRoots: 300,
  records: 50_000,
  bigAccountContacts: 50,
} as const;

/** Roles handed out with a probability each, per principal kind. */
const ROLE_ODDS: Readonly<Record<PrincipalRef['kind'], readonly [string, number][]>> = {
  contact: [
    ['sn_customerservice.case_authorized_contact', 0.6],
    ['sn_install_base.sold_product_authorized_contact', 0.3],
    ['sn_install_base.install_base_authorized_contact', 0.2],
    ['sn_install_base.install_base_authorized_account', 0.25],
    ['sn_customerservice.customer', 0.8],
    ['sn_customerservice.customer_case_manager', 0.05],
  ],
  consumer: [
    ['sn_customerservice.case_authorized_consumer', 0.6],
    ['sn_install_base.sold_product_authorized_consumer', 0.3],
    ['sn_install_base.install_base_authorized_consumer', 0.2],
    ['sn_customerservice.consumer', 0.9],
  ],
  user: [
    ['sn_customerservice.case_authorized_contributor', 0.5],
    ['sn_install_base.install_base_authorized_contributor', 0.3],
    ['sn_install_base.install_base_authorized_member', 0.3],
    ['sn_install_base.install_base_authorized_service_organization', 0.3],
    ['sn_customerservice.case_viewer', 0.05],
    ['sn_customerservice_agent', 0.5],
  ],
};

function roles(rng: Rng, kind: PrincipalRef['kind']): string[] {
  return ROLE_ODDS[kind].filter(([, p]) => rng.chance(p)).map(([name]) => name);
}

const id = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

/** The generated world and handy lists of its references. */
export interface World {
  readonly facts: Facts;
  readonly principals: readonly PrincipalRef[];
  readonly entities: readonly EntityRef[];
  readonly bigAccount: string;
}

export function generateWorld(definitions: Definitions, seed = 20_240_601): World {
  const rng = new Rng(seed);
  const accountIds = id('a', SIZES.accounts);
  const accounts: Account[] = accountIds.map((a, i) => ({
    id: a,
    name: `Account ${i}`,
    ...(i > 0 && rng.chance(0.2) ? { parent: accountIds[rng.int(i)] as string } : {}),
    ...(rng.chance(0.25) ? { restrictContactAccess: true } : {}),
  }));
  const contacts: Contact[] = id('ct', SIZES.contacts).map((c, i) => ({
    id: c,
    name: `Contact ${i}`,
    account: i < SIZES.bigAccountContacts ? 'a0' : (accountIds[1 + rng.int(SIZES.accounts - 1)] as string),
    roles: roles(rng, 'contact'),
  }));
  const households = id('h', SIZES.households).map((h, i) => ({ id: h, name: `Household ${i}` }));
  const consumers: Consumer[] = id('cn', SIZES.consumers).map((c, i) => ({
    id: c,
    name: `Consumer ${i}`,
    ...(rng.chance(0.6) ? { household: rng.pick(households).id } : {}),
    roles: roles(rng, 'consumer'),
  }));
  const users: User[] = id('u', SIZES.users).map((u, i) => ({
    id: u,
    name: `User ${i}`,
    roles: roles(rng, 'user'),
  }));
  const serviceOrganizations: ServiceOrganization[] = id('so', SIZES.serviceOrganizations).map((s, i) => ({
    id: s,
    name: `Service Org ${i}`,
    members: Array.from({ length: 5 + rng.int(8) }, () => ({
      kind: 'user' as const,
      id: rng.pick(users).id,
    })),
  }));
  const soldProducts: SoldProduct[] = id('sp', SIZES.soldProducts).map((s, i) =>
    rng.chance(0.85)
      ? { id: s, name: `Product ${i}`, account: rng.pick(accountIds) }
      : { id: s, name: `Product ${i}`, consumer: rng.pick(consumers).id },
  );
  const installBase: InstallBaseItem[] = [];
  for (let i = 0; i < SIZES.installBase; i++) {
    const parent = i < SIZES.installBaseRoots ? undefined : installBase[rng.int(i)];
    installBase.push({
      id: `ib${i}`,
      name: `Item ${i}`,
      account: parent?.account ?? rng.pick(accountIds),
      ...(parent ? { parent: parent.id } : {}),
      ...(rng.chance(0.6) ? { soldProduct: rng.pick(soldProducts).id } : {}),
    });
  }
  const byAccount = new Map<string, Contact[]>();
  for (const c of contacts)
    byAccount.set(c.account as string, [...(byAccount.get(c.account as string) ?? []), c]);
  const cases: Case[] = id('cs', SIZES.cases).map((c, i) => {
    const account = rng.pick(accountIds);
    const contact = byAccount.get(account);
    return {
      id: c,
      number: `CS${String(i).padStart(7, '0')}`,
      account,
      ...(contact && rng.chance(0.7) ? { contact: rng.pick(contact).id } : {}),
      ...(rng.chance(0.1) ? { consumer: rng.pick(consumers).id } : {}),
      ...(rng.chance(0.4) ? { soldProduct: rng.pick(soldProducts).id } : {}),
      ...(rng.chance(0.25) ? { installBase: rng.pick(installBase).id } : {}),
    };
  });
  const partiesOf: Record<PartyRef['kind'], readonly string[]> = {
    contact: contacts.map((c) => c.id),
    consumer: consumers.map((c) => c.id),
    user: users.map((u) => u.id),
    account: accountIds,
    service_organization: serviceOrganizations.map((s) => s.id),
    household: households.map((h) => h.id),
  };
  const roots = installBase.slice(0, SIZES.installBaseRoots).map((i) => i.id);
  const targets: Record<EntityKind, readonly string[]> = {
    case: cases.map((c) => c.id),
    sold_product: soldProducts.map((s) => s.id),
    install_base: roots,
  };
  const relatedParties: RelatedPartyRecord[] = [];
  for (let n = 0; n < SIZES.records; n++) {
    const roll = rng.next();
    const kind: EntityKind = roll < 0.7 ? 'case' : roll < 0.85 ? 'sold_product' : 'install_base';
    const type = rng.pick(definitions.relationshipTypes.filter((t) => t.appliesTo === kind));
    relatedParties.push({
      id: `rp${n}`,
      entity: { kind, id: rng.pick(targets[kind]) },
      party: { kind: type.partyType, id: rng.pick(partiesOf[type.partyType]) },
      type: type.id,
      ...(type.defaultResponsibility ? { responsibility: type.defaultResponsibility } : {}),
    });
  }
  const facts: Facts = {
    accounts,
    contacts,
    consumers,
    users,
    serviceOrganizations,
    households,
    soldProducts,
    installBase,
    cases,
    relatedParties,
  };
  const principals: PrincipalRef[] = [
    ...contacts.map((c) => ({ kind: 'contact' as const, id: c.id })),
    ...consumers.map((c) => ({ kind: 'consumer' as const, id: c.id })),
    ...users.map((u) => ({ kind: 'user' as const, id: u.id })),
  ];
  const entities: EntityRef[] = [
    ...cases.map((c) => ({ kind: 'case' as const, id: c.id })),
    ...soldProducts.map((s) => ({ kind: 'sold_product' as const, id: s.id })),
    ...installBase.map((i) => ({ kind: 'install_base' as const, id: i.id })),
  ];
  return { facts, principals, entities, bigAccount: 'a0' };
}
