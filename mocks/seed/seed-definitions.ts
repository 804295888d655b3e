/**
 * The definitions the mock instance serves: the built-in configuration plus the custom
 * relationship types of the stories (each defaulting "Authorized Representative").
 */
import { BUILTIN_DEFINITIONS } from '../../src/access/builtin-definitions.js';
import type { Definitions, RelationshipType } from '../../src/model/definitions.js';
import { STORY } from './story.js';

const REPRESENTATIVE = 'Authorized Representative';

/** Adds the stories' custom relationship types to a set of definitions. */
export function withStoryTypes(base: Definitions): Definitions {
  const representative = base.responsibilities.find((r) => r.name === REPRESENTATIVE);
  if (!representative) throw new Error(`The definitions lack the "${REPRESENTATIVE}" responsibility`);
  const loan = STORY.housingLoan.relationshipTypes;
  const product = STORY.trackedProduct.relationshipTypes;
  const custom = (
    type: { id: string; name: string },
    appliesTo: RelationshipType['appliesTo'],
    partyType: RelationshipType['partyType'],
    defaultOrder: number,
    description: string,
  ): RelationshipType => ({
    ...type,
    appliesTo,
    partyType,
    defaultResponsibility: representative.id,
    defaultOrder,
    description,
  });
  return {
    ...base,
    relationshipTypes: [
      ...base.relationshipTypes,
      custom(loan.coBorrower, 'case', 'consumer', 200, 'Shares the loan with the applicant.'),
      custom(loan.guarantor, 'case', 'consumer', 300, 'Guarantees the loan.'),
      custom(loan.attorney, 'case', 'contact', 400, 'Represents the applicant legally.'),
      custom(product.renewals, 'sold_product', 'contact', 200, 'Finance team: tracks the renewals.'),
      custom(product.maintenance, 'sold_product', 'contact', 300, 'Operations team: tracks the maintenance.'),
    ],
  };
}

/** Built-in definitions plus the stories' custom relationship types: what the mock instance holds. */
export const SEED_DEFINITIONS: Definitions = withStoryTypes(BUILTIN_DEFINITIONS);
