/**
 * The access review's story: the law firm of the housing loan (Whitfield & Partners LLP, whose
 * contacts are not restricted) with records that show one finding of each kind — a contact with
 * the responsibility but not the role, an inactive contact, a contact who moved to another account,
 * a person reached through two parties, an account party, a "Listed" contact on a product she works
 * on, and a party on a case closed long ago. Ids `5707…10XX`.
 */
import type { SeedContext } from './context.js';
import { addParty, findType } from './parties.js';
import { STORY, storyId } from './story.js';

const CS = 'sn_customerservice';
const IB = 'sn_install_base';

export const REVIEW_STORY = {
  account: STORY.housingLoan.lawFirm,
  suite: { id: storyId('1001'), name: 'Whitfield Case Management Suite' },
  archive: { id: storyId('1002'), name: 'Whitfield Document Archive' },
  noRole: { id: storyId('1011'), name: 'Leo Fisher' },
  listed: { id: storyId('1012'), name: 'Leona Park' },
  inactive: { id: storyId('1013'), name: 'Grace Hill' },
  moved: { id: storyId('1014'), name: 'Ivan Petrov' },
  cases: {
    migration: { id: storyId('1021'), shortDescription: 'Migrate matter files to the Case Management Suite' },
    closed: {
      id: storyId('1022'),
      shortDescription: 'Archive retention policy question',
      closedAt: '2025-06-30 17:00:00',
    },
  },
  parties: {
    noRole: storyId('1031'),
    listed: storyId('1032'),
    inactive: storyId('1033'),
    moved: storyId('1034'),
    account: storyId('1035'),
    listedAttorney: storyId('1036'),
    closed: storyId('1037'),
  },
} as const;

export function seedReviewStory(ctx: SeedContext): void {
  const s = REVIEW_STORY;
  const account = s.account.id;
  const person = (p: { id: string; name: string }, on: string, roles: string[], extra = {}): void => {
    const email = `${p.name.toLowerCase().replace(' ', '.')}@example.org`;
    ctx.put('contact', { id: p.id, name: p.name, email, account: on }, extra);
    ctx.grantRoles(p.id, roles);
  };
  person(s.noRole, account, [`${CS}.customer`]);
  person(s.listed, account, [`${CS}.customer`, `${IB}.sold_product_authorized_contact`]);
  person(s.inactive, account, [`${CS}.customer`, `${CS}.case_authorized_contact`], { active: 'false' });
  person(s.moved, STORY.nearMiss.account.id, [`${CS}.customer`, `${CS}.case_authorized_contact`]);
  for (const product of [s.suite, s.archive])
    ctx.put('soldProduct', { id: product.id, name: product.name, account });
  const { migration, closed } = s.cases;
  ctx.put(
    'case',
    {
      id: migration.id,
      number: ctx.nextCaseNumber(),
      shortDescription: migration.shortDescription,
      account,
      contact: s.listed.id,
      soldProduct: s.suite.id,
    },
    { state: 'open', priority: '3' },
  );
  ctx.put(
    'case',
    {
      id: closed.id,
      number: ctx.nextCaseNumber(),
      shortDescription: closed.shortDescription,
      account,
      contact: s.noRole.id,
    },
    { state: 'closed', priority: '4', closed_at: closed.closedAt },
  );
  const party = (
    entity: 'case' | 'sold_product',
    entityId: string,
    type: string,
    kind: 'contact' | 'account',
    partyId: string,
    id: string,
  ): void => {
    addParty(ctx, { entity, entityId, type: findType(ctx, type, entity, kind), partyId, id });
  };
  party('sold_product', s.suite.id, 'Authorized Contact', 'contact', s.noRole.id, s.parties.noRole);
  party('sold_product', s.suite.id, 'Listed Contact', 'contact', s.listed.id, s.parties.listed);
  party('case', migration.id, 'Authorized Contact', 'contact', s.inactive.id, s.parties.inactive);
  party('case', migration.id, 'Authorized Contact', 'contact', s.moved.id, s.parties.moved);
  party('sold_product', s.archive.id, 'Authorized Account', 'account', account, s.parties.account);
  party(
    'sold_product',
    s.archive.id,
    'Listed Contact',
    'contact',
    STORY.housingLoan.attorney.id,
    s.parties.listedAttorney,
  );
  party('case', closed.id, 'Authorized Contact', 'contact', STORY.housingLoan.attorney.id, s.parties.closed);
}
