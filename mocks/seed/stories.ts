/** Seeds the stories of STORY (story.ts) into a world whose people (story accounts included) exist. */
import type { RelationshipType } from '../../src/model/definitions.js';
import type { SeedContext } from './context.js';
import { addParty, findType } from './parties.js';
import { STORY } from './story.js';

const CS = 'sn_customerservice';
const IB = 'sn_install_base';

/** Seeds the three stories and the story agents; their cases take the first case numbers. */
export function seedStories(ctx: SeedContext): void {
  seedAgents(ctx);
  seedHousingLoan(ctx);
  seedTrackedProduct(ctx);
  seedNearMiss(ctx);
}

/**
 * Seeds the persona story (STORY.persona): access by role, no related-party record. Runs after the
 * generated world (its random draws stay as they were); its cases take the next case numbers.
 */
export function seedPersonaStory(ctx: SeedContext): void {
  const s = STORY.persona;
  ctx.put('account', { id: s.parentAccount.id, name: s.parentAccount.name });
  ctx.put('account', { id: s.account.id, name: s.account.name, parent: s.parentAccount.id });
  ctx.put('account', { id: s.partnerAccount.id, name: s.partnerAccount.name });
  for (const account of [s.parentAccount.id, s.account.id, s.partnerAccount.id]) {
    // Restricted: nobody reads by the account default; what they see comes from their roles.
    ctx.put('accountAccess', { account, restrictContactAccess: 'true' });
  }
  const contact = (
    person: { id: string; name: string },
    account: string,
    domain: string,
    roles: string[],
  ) => {
    const email = `${person.name.toLowerCase().replace(' ', '.')}@${domain}.example`;
    ctx.put('contact', { id: person.id, name: person.name, email, account });
    ctx.grantRoles(person.id, roles);
  };
  contact(s.customerAdmin, s.account.id, 'contoso-retail', [`${CS}.customer`, s.customerAdmin.role]);
  contact(s.caseManager, s.parentAccount.id, 'contoso', [`${CS}.customer`, s.caseManager.role]);
  contact(s.partner, s.partnerAccount.id, 'fabrikam', [s.partner.role]);
  contact(s.caseContact, s.account.id, 'contoso-retail', [`${CS}.customer`]);
  contact(s.colleague, s.account.id, 'contoso-retail', [`${CS}.customer`]);
  for (const c of s.cases) {
    const partner = 'partner' in c && c.partner;
    ctx.put(
      'case',
      {
        id: c.id,
        number: ctx.nextCaseNumber(),
        shortDescription: c.shortDescription,
        account: s.account.id,
        contact: s.caseContact.id,
        ...(partner ? { partnerAccount: s.partnerAccount.id, partnerContact: s.partner.id } : {}),
      },
      { state: 'open', priority: '3' },
    );
  }
}

function byId(ctx: SeedContext, id: string): RelationshipType {
  const type = ctx.definitions.relationshipTypes.find((t) => t.id === id);
  if (!type) throw new Error(`The definitions lack the story relationship type ${id} (use withStoryTypes)`);
  return type;
}

function caseNumber(ctx: SeedContext, expected: string): string {
  const number = ctx.nextCaseNumber();
  if (number !== expected) throw new Error(`Story case numbered ${number}, STORY says ${expected}`);
  return number;
}

function seedAgents(ctx: SeedContext): void {
  const { agent, caseViewer, colleague } = STORY.agents;
  const login = (userName: string) => ({ user_name: userName });
  ctx.put(
    'user',
    { id: agent.id, name: agent.name, email: 'sam.carter@support.example' },
    login(agent.userName),
  );
  ctx.grantRoles(agent.id, [`${CS}_agent`]);
  ctx.put(
    'user',
    { id: caseViewer.id, name: caseViewer.name, email: 'priya.raman@support.example' },
    login(caseViewer.userName),
  );
  // Only the global read role: she is not an agent, so the agent persona row does not apply.
  ctx.grantRoles(caseViewer.id, [caseViewer.role]);
  // Only writes as another agent (live refresh); a fixed id and no roles keep the seed's sequence.
  ctx.put(
    'user',
    { id: colleague.id, name: colleague.name, email: 'dana.ruiz@support.example' },
    login(colleague.userName),
  );
}

function seedHousingLoan(ctx: SeedContext): void {
  const s = STORY.housingLoan;
  ctx.put('household', { id: s.household.id, name: s.household.name });
  for (const [person, household] of [
    [s.applicant, s.household.id],
    [s.coBorrower, s.household.id],
    [s.guarantor, ''],
  ] as const) {
    const email = `${person.name.toLowerCase().replace(' ', '.')}@mail.example`;
    ctx.put('consumer', { id: person.id, name: person.name, email, household });
    ctx.grantRoles(person.id, [`${CS}.consumer`, `${CS}.case_authorized_consumer`]);
  }
  ctx.put('contact', {
    id: s.attorney.id,
    name: s.attorney.name,
    email: 'james@whitfield-partners.example',
    account: s.lawFirm.id,
  });
  ctx.grantRoles(s.attorney.id, [`${CS}.customer`, `${CS}.case_authorized_contact`]);
  ctx.put('soldProduct', {
    id: s.soldProductId,
    name: 'Home Loan - 30 year fixed',
    consumer: s.applicant.id,
  });
  ctx.put(
    'case',
    {
      id: s.caseId,
      number: caseNumber(ctx, s.caseNumber),
      shortDescription: s.shortDescription,
      consumer: s.applicant.id,
      soldProduct: s.soldProductId,
    },
    { state: 'open', priority: '2' },
  );
  const types = s.relationshipTypes;
  const relate = (id: string, typeId: string, partyId: string): void => {
    addParty(ctx, { entity: 'case', entityId: s.caseId, type: byId(ctx, typeId), partyId, id });
  };
  relate(s.parties.coBorrower, types.coBorrower.id, s.coBorrower.id);
  relate(s.parties.guarantor, types.guarantor.id, s.guarantor.id);
  relate(s.parties.attorney, types.attorney.id, s.attorney.id);
}

function seedTrackedProduct(ctx: SeedContext): void {
  const s = STORY.trackedProduct;
  const account = s.account.id;
  ctx.put('contact', {
    id: s.finance.id,
    name: s.finance.name,
    email: 'fiona.marsh@northwindlogistics.example',
    account,
  });
  ctx.grantRoles(s.finance.id, [`${CS}.customer`, `${IB}.sold_product_authorized_contact`]);
  ctx.put('contact', {
    id: s.operations.id,
    name: s.operations.name,
    email: 'omar.haddad@northwindlogistics.example',
    account,
  });
  ctx.grantRoles(s.operations.id, [
    `${CS}.customer`,
    `${IB}.sold_product_authorized_contact`,
    `${IB}.install_base_authorized_service_organization`,
  ]);
  ctx.put('soldProduct', { id: s.soldProductId, name: s.soldProductName, account });
  const gateway = 'Fleet Telematics Gateway @ Rotterdam depot';
  ctx.put('installBase', { id: s.installBase.rootId, name: gateway, account, soldProduct: s.soldProductId });
  s.installBase.childIds.forEach((id, i) => {
    const name = `${gateway} / vehicle unit ${i + 1}`;
    ctx.put('installBase', { id, name, account, soldProduct: s.soldProductId, parent: s.installBase.rootId });
  });
  ctx.put('serviceOrganization', { id: s.serviceOrganization.id, name: s.serviceOrganization.name });
  ctx.put('serviceOrganizationMember', {
    serviceOrganization: s.serviceOrganization.id,
    user: s.operations.id,
  });

  const [renewal, firmware] = s.cases;
  const subjects = [
    [renewal, s.finance.id, '', `Renewal quote for ${s.soldProductName} (contract ends 30 June)`],
    [firmware, s.operations.id, s.installBase.rootId, 'Gateway firmware update fails at the Rotterdam depot'],
  ] as const;
  for (const [c, contact, asset, shortDescription] of subjects) {
    const number = caseNumber(ctx, c.number);
    ctx.put(
      'case',
      {
        id: c.id,
        number,
        shortDescription,
        account,
        contact,
        soldProduct: s.soldProductId,
        installBase: asset,
      },
      { state: 'open', priority: '3' },
    );
  }

  const sold = { entity: 'sold_product', entityId: s.soldProductId } as const;
  addParty(ctx, {
    ...sold,
    id: s.parties.finance,
    type: byId(ctx, s.relationshipTypes.renewals.id),
    partyId: s.finance.id,
  });
  addParty(ctx, {
    ...sold,
    id: s.parties.operations,
    type: byId(ctx, s.relationshipTypes.maintenance.id),
    partyId: s.operations.id,
  });
  addParty(ctx, {
    entity: 'install_base',
    entityId: s.installBase.rootId,
    id: s.parties.serviceOrganization,
    type: findType(ctx, 'Authorized Service Organization', 'install_base', 'service_organization'),
    partyId: s.serviceOrganization.id,
  });
}

function seedNearMiss(ctx: SeedContext): void {
  const s = STORY.nearMiss;
  const account = s.account.id;
  ctx.put('contact', {
    id: s.contact.id,
    name: s.contact.name,
    email: 'maya.lindqvist@bluewatermarine.example',
    account,
  });
  // Deliberately without s.missingRole: the responsibility alone grants nothing.
  ctx.grantRoles(s.contact.id, [`${CS}.customer`]);
  ctx.put('contact', {
    id: s.caseContact.id,
    name: s.caseContact.name,
    email: 'tom.becker@bluewatermarine.example',
    account,
  });
  ctx.grantRoles(s.caseContact.id, [`${CS}.customer`, s.missingRole]);
  ctx.put(
    'case',
    {
      id: s.caseId,
      number: caseNumber(ctx, s.caseNumber),
      shortDescription: 'Invoice dispute for the March charter',
      account,
      contact: s.caseContact.id,
    },
    { state: 'awaiting_info', priority: '3' },
  );
  addParty(ctx, {
    entity: 'case',
    entityId: s.caseId,
    id: s.partyId,
    type: findType(ctx, 'Authorized Contact', 'case', 'contact'),
    partyId: s.contact.id,
  });
}
