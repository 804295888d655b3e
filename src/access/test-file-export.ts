import type { Definitions, Facts } from '../model/index.js';
import { formatRef } from '../model/index.js';
import type { AccessTest } from './test-file.js';
import type { AccessTestFileDocument } from './test-file-schema.js';

/** What to write besides the definitions. */
export interface AccessTestFileExportOptions {
  readonly facts?: Facts;
  readonly tests?: readonly AccessTest[];
  /** ISO date-time of the export. */
  readonly exportedAt?: string;
  /** The instance the definitions came from. */
  readonly instance?: string;
}

type FactsDocument = NonNullable<AccessTestFileDocument['facts']>;

function factsDocument(facts: Facts): FactsDocument {
  return {
    accounts: facts.accounts,
    contacts: facts.contacts,
    consumers: facts.consumers,
    users: facts.users,
    serviceOrganizations: facts.serviceOrganizations.map((s) => ({
      ...s,
      members: s.members.map(formatRef),
    })),
    households: facts.households,
    soldProducts: facts.soldProducts,
    installBase: facts.installBase,
    cases: facts.cases,
    // An explicit null keeps "no responsibility" from turning into the type's default on re-import.
    relatedParties: facts.relatedParties.map((rp) => ({
      ...rp,
      entity: formatRef(rp.entity),
      party: formatRef(rp.party),
      responsibility: rp.responsibility ?? null,
    })),
  };
}

/**
 * The access-test-file JSON document of some definitions (and optionally facts and tests), for the
 * cache's export; `parseAccessTestFile` reads it back to equal values.
 */
export function toAccessTestFile(
  definitions: Definitions,
  options: AccessTestFileExportOptions = {},
): AccessTestFileDocument {
  const { facts, tests, exportedAt, instance } = options;
  return {
    version: 1,
    ...(exportedAt !== undefined && { exportedAt }),
    ...(instance !== undefined && { instance }),
    definitions: {
      roles: definitions.roles,
      responsibilities: definitions.responsibilities,
      accessConfigs: definitions.accessConfigs,
      relationshipTypes: definitions.relationshipTypes,
      // Absent: the built-in rows (kept absent, so a re-import keeps following them).
      ...(definitions.personaGrants !== undefined && { personaGrants: definitions.personaGrants }),
    },
    ...(facts && { facts: factsDocument(facts) }),
    ...(tests && {
      tests: tests.map((t) => ({
        principal: formatRef(t.principal),
        entity: formatRef(t.entity),
        ...t.expect,
        ...(t.note !== undefined && { note: t.note }),
      })),
    }),
  };
}
