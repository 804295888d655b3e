/**
 * The stories of the reference documents, seeded with fixed ids and names so tests, the demo and
 * other engineers can find them. Every story sys_id is `5707` + 24 zeros + a 4-hex code:
 * 0aXX the housing loan, 0bXX the sold product two teams track, 0cXX the near miss, 0dXX agents,
 * 0eXX the large case (seedLargeCase), 0fXX the persona roles.
 */

/** The sys_id of a story record from its 4-hex code (`storyId('0a01')`). */
export function storyId(code: string): string {
  return `5707${'0'.repeat(24)}${code}`;
}

export const STORY = {
  /**
   * (a) A housing loan application (B2C): the applicant is the case's consumer; a co-borrower, a
   * guarantor and an attorney are related parties through the custom relationship types
   * "Co-borrower", "Guarantor", "Attorney", each defaulting "Authorized Representative", so all
   * three get the same access (write on the case) given their authorized role.
   */
  housingLoan: {
    caseId: storyId('0a01'),
    caseNumber: 'CS0001001',
    shortDescription: 'Housing loan application: 30-year fixed mortgage for 12 Harbour Lane',
    soldProductId: storyId('0a08'),
    household: { id: storyId('0a07'), name: 'Marquez household' },
    applicant: { id: storyId('0a02'), name: 'Elena Marquez', kind: 'consumer' },
    coBorrower: { id: storyId('0a03'), name: 'Daniel Marquez', kind: 'consumer' },
    guarantor: { id: storyId('0a04'), name: 'Rosa Delgado', kind: 'consumer' },
    attorney: { id: storyId('0a05'), name: 'James Whitfield', kind: 'contact' },
    lawFirm: { id: storyId('0a06'), name: 'Whitfield & Partners LLP' },
    relationshipTypes: {
      coBorrower: { id: storyId('0a21'), name: 'Co-borrower' },
      guarantor: { id: storyId('0a22'), name: 'Guarantor' },
      attorney: { id: storyId('0a23'), name: 'Attorney' },
    },
    parties: { coBorrower: storyId('0a11'), guarantor: storyId('0a12'), attorney: storyId('0a13') },
  },
  /**
   * (b) A sold product two departments of one customer track: the finance team (renewals) and the
   * operations team (maintenance), related through "Renewals Contact" and "Maintenance Contact".
   * The account restricts contact access, so its other contacts do not see the product. Its install
   * base root has two children and the operations service organization as a related party.
   */
  trackedProduct: {
    soldProductId: storyId('0b01'),
    soldProductName: 'Fleet Telematics Suite',
    account: { id: storyId('0b02'), name: 'Northwind Logistics' },
    finance: { id: storyId('0b03'), name: 'Fiona Marsh', kind: 'contact' },
    operations: { id: storyId('0b04'), name: 'Omar Haddad', kind: 'contact' },
    relationshipTypes: {
      renewals: { id: storyId('0b21'), name: 'Renewals Contact' },
      maintenance: { id: storyId('0b22'), name: 'Maintenance Contact' },
    },
    parties: { finance: storyId('0b11'), operations: storyId('0b12'), serviceOrganization: storyId('0b13') },
    installBase: { rootId: storyId('0b05'), childIds: [storyId('0b06'), storyId('0b07')] },
    serviceOrganization: { id: storyId('0b08'), name: 'Northwind Field Operations' },
    cases: [
      { id: storyId('0b31'), number: 'CS0001002' },
      { id: storyId('0b32'), number: 'CS0001003' },
    ],
  },
  /**
   * (c) The most common support question: a contact named Authorized Representative on a case
   * (relationship type "Authorized Contact") who does NOT hold
   * sn_customerservice.case_authorized_contact, so she sees nothing through the party record.
   */
  nearMiss: {
    caseId: storyId('0c01'),
    caseNumber: 'CS0001004',
    account: { id: storyId('0c02'), name: 'Bluewater Marine' },
    contact: { id: storyId('0c03'), name: 'Maya Lindqvist', kind: 'contact' },
    caseContact: { id: storyId('0c04'), name: 'Tom Becker', kind: 'contact' },
    partyId: storyId('0c11'),
    missingRole: 'sn_customerservice.case_authorized_contact',
  },
  /** Internal users: an agent, and a user who reads every case through a global role. */
  agents: {
    agent: { id: storyId('0d01'), name: 'Sam Carter', kind: 'user', userName: 'sam.carter' },
    caseViewer: {
      id: storyId('0d02'),
      name: 'Priya Raman',
      kind: 'user',
      role: 'sn_customerservice.case_viewer',
      userName: 'priya.raman',
    },
    /** The "another agent" of live refresh: the demo toolbar changes the open case as her. */
    colleague: { id: storyId('0d03'), name: 'Dana Ruiz', kind: 'user', userName: 'dana.ruiz' },
  },
  /**
   * (d) Access by role, without any related-party record ("Why does this customer admin see every
   * case of her account?"): Contoso Retail (a subsidiary of Contoso Group) restricts contact access
   * and names nobody on its cases, yet its customer administrator reads and writes all of them; a
   * customer case manager of the parent account manages them too (child accounts included); a
   * partner's contact works the one case that names her as partner contact; and the agent (Sam
   * Carter, `sn_customerservice_agent`) works every case. Seeded after the generated world.
   */
  persona: {
    parentAccount: { id: storyId('0f01'), name: 'Contoso Group' },
    account: { id: storyId('0f02'), name: 'Contoso Retail' },
    partnerAccount: { id: storyId('0f03'), name: 'Fabrikam Services' },
    customerAdmin: {
      id: storyId('0f11'),
      name: 'Ada Brooks',
      kind: 'contact',
      role: 'sn_customerservice.customer_admin',
    },
    caseManager: {
      id: storyId('0f12'),
      name: 'Carl Jensen',
      kind: 'contact',
      role: 'sn_customerservice.customer_case_manager',
    },
    partner: { id: storyId('0f13'), name: 'Pat Lee', kind: 'contact', role: 'sn_customerservice.partner' },
    caseContact: { id: storyId('0f14'), name: 'Rita Olsen', kind: 'contact' },
    /** A contact of the account with the customer role only: he sees none of its cases. */
    colleague: { id: storyId('0f15'), name: 'Nils Berg', kind: 'contact' },
    cases: [
      { id: storyId('0f21'), shortDescription: 'Point-of-sale terminals offline at the Oslo store' },
      { id: storyId('0f22'), shortDescription: 'Loyalty app login fails after the update', partner: true },
      { id: storyId('0f23'), shortDescription: 'Invoice for May charged twice' },
    ],
  },
  /** The case seedLargeCase adds (not part of the default world). */
  largeCase: {
    caseId: storyId('0e01'),
    caseNumber: 'CS0099999',
    account: { id: storyId('0e02'), name: 'Megacorp Logistics' },
  },
} as const;
