/**
 * The people of the generated world: accounts (holdings and subsidiaries), their contacts,
 * consumers and households, internal users (agents), service organizations and their members,
 * and the roles each holds (most authorized contacts and consumers hold the functional roles).
 */
import type { SeedContext } from './context.js';
import { COMPANIES, FIRST_NAMES, HOLDINGS, LAST_NAMES } from './names.js';
import { STORY } from './story.js';

export interface Org {
  readonly id: string;
  readonly name: string;
  readonly members: readonly string[];
}

export interface People {
  /** Accounts, holdings first. */
  readonly accounts: readonly { readonly id: string; readonly name: string }[];
  readonly contactsByAccount: ReadonlyMap<string, readonly string[]>;
  readonly consumers: readonly string[];
  /** Household → its consumers. */
  readonly households: ReadonlyMap<string, readonly string[]>;
  readonly users: readonly string[];
  readonly serviceOrganizations: readonly Org[];
}

export interface PeopleSize {
  readonly contacts: number;
  readonly consumers: number;
  readonly users: number;
}

const CS = 'sn_customerservice';
const IB = 'sn_install_base';

/** Story accounts live among the generated ones (their contacts are generated too) with fixed ids. */
const STORY_ACCOUNTS: readonly (readonly [string, string, number])[] = [
  [STORY.trackedProduct.account.id, STORY.trackedProduct.account.name, 0],
  [STORY.nearMiss.account.id, STORY.nearMiss.account.name, -1],
  [STORY.housingLoan.lawFirm.id, STORY.housingLoan.lawFirm.name, -1],
];

const RESTRICTED: ReadonlySet<string> = new Set([STORY.trackedProduct.account.id, STORY.nearMiss.account.id]);

/** Creates the people of the world. */
export function seedPeople(ctx: SeedContext, size: PeopleSize): People {
  const { rng } = ctx;
  const emails = new Map<string, number>();
  const email = (name: string, domain: string): string => {
    const local = name.toLowerCase().replace(/[^a-z]+/g, '.');
    const seen = emails.get(`${local}@${domain}`) ?? 0;
    emails.set(`${local}@${domain}`, seen + 1);
    return `${local}${seen === 0 ? '' : seen + 1}@${domain}`;
  };
  const personName = (last?: string): string => `${rng.pick(FIRST_NAMES)} ${last ?? rng.pick(LAST_NAMES)}`;
  const granted = (roles: readonly (readonly [string, number])[]): string[] =>
    roles.filter(([, p]) => rng.chance(p)).map(([role]) => role);

  const holdings = HOLDINGS.map((name) => ({ id: rng.sysId(), name }));
  const accounts: { id: string; name: string }[] = [...holdings];
  const parents: (string | undefined)[] = holdings.map(() => undefined);
  for (const [name, parent] of COMPANIES) {
    accounts.push({ id: rng.sysId(), name });
    parents.push(holdings[parent]?.id);
  }
  for (const [id, name, parent] of STORY_ACCOUNTS) {
    accounts.push({ id, name });
    parents.push(holdings[parent]?.id);
  }
  accounts.forEach(({ id, name }, index) => {
    ctx.put('account', { id, name, parent: parents[index] ?? '' });
    // The story accounts restrict contact access, so only parties named on records see anything.
    const restrict = RESTRICTED.has(id) || rng.chance(0.2);
    ctx.put('accountAccess', { account: id, restrictContactAccess: String(restrict) });
  });

  const contactsByAccount = new Map<string, string[]>(accounts.map((a) => [a.id, []]));
  for (let i = 0; i < size.contacts; i++) {
    const account = rng.pick(accounts);
    const name = personName();
    const domain = `${account.name.toLowerCase().replace(/[^a-z]+/g, '')}.example`;
    const id = ctx.put('contact', { name, email: email(name, domain), account: account.id });
    contactsByAccount.get(account.id)?.push(id);
    ctx.grantRoles(id, [
      `${CS}.customer`,
      ...granted([
        [`${CS}.case_authorized_contact`, 0.85],
        [`${IB}.sold_product_authorized_contact`, 0.55],
        [`${IB}.install_base_authorized_contact`, 0.4],
        [`${IB}.install_base_authorized_account`, 0.3],
        [`${CS}.customer_admin`, 0.05],
      ]),
    ]);
  }

  const households = new Map<string, string[]>();
  const consumers: string[] = [];
  const addConsumer = (name: string, household = ''): string => {
    const id = ctx.put('consumer', { name, email: email(name, 'mail.example'), household });
    consumers.push(id);
    ctx.grantRoles(id, [
      `${CS}.consumer`,
      ...granted([
        [`${CS}.case_authorized_consumer`, 0.85],
        [`${IB}.sold_product_authorized_consumer`, 0.5],
        [`${IB}.install_base_authorized_consumer`, 0.3],
      ]),
    ]);
    return id;
  };
  while (consumers.length < size.consumers * 0.6) {
    const last = rng.pick(LAST_NAMES);
    const household = ctx.put('household', { name: `${last} household` });
    const members = Array.from({ length: rng.int(1, 4) }, () => addConsumer(personName(last), household));
    households.set(household, members);
  }
  while (consumers.length < size.consumers) addConsumer(personName());

  const users: string[] = [];
  for (let i = 0; i < size.users; i++) {
    const name = personName();
    const id = ctx.put('user', { name, email: email(name, 'support.example') });
    users.push(id);
    ctx.grantRoles(id, [
      `${CS}_agent`,
      ...granted([
        [`${CS}.case_authorized_contributor`, 0.3],
        [`${IB}.install_base_authorized_member`, 0.2],
        [`${IB}.install_base_authorized_contributor`, 0.2],
        [`${CS}_manager`, 0.1],
      ]),
    ]);
  }

  const serviceOrganizations = [
    'Contoso Field Services',
    'Globex Network Operations',
    'Acme Installation Partners',
    'Initech Support Center',
  ].map((name): Org => {
    const id = ctx.put('serviceOrganization', { name });
    const partner = rng.pick(accounts);
    const members = [
      ...rng.sample(users, rng.int(2, 4)),
      ...rng.sample(contactsByAccount.get(partner.id) ?? [], rng.int(0, 3)),
    ];
    for (const member of members) {
      ctx.put('serviceOrganizationMember', { serviceOrganization: id, user: member });
      ctx.grantRoles(member, granted([[`${IB}.install_base_authorized_service_organization`, 0.8]]));
    }
    return { id, name, members };
  });
  return { accounts, contactsByAccount, consumers, households, users, serviceOrganizations };
}
