import { expect } from '@open-wc/testing';
import { openDB } from 'idb';
import { DefinitionsCache } from '../../src/cache/definitions-cache.js';
import { definitionsDatabaseName, type DefinitionsDB } from '../../src/cache/definitions-db.js';
import { BUILTIN_PERSONA_GRANTS } from '../../src/access/builtin-persona-grants.js';
import type { Definitions, PersonaGrant } from '../../src/model/definitions.js';
import { deleteAllDatabases, INSTANCE } from './support.js';

const BASE: Definitions = { roles: [], responsibilities: [], accessConfigs: [], relationshipTypes: [] };
const META = { fetchedAt: 1, source: 'import' as const, tables: {}, problems: {}, incomplete: [] };

const HOST_ROW: PersonaGrant = {
  id: 'x_contractor_cases',
  role: 'sn_customerservice_agent',
  table: 'case',
  level: 'full',
  scope: 'all',
  principals: ['user', 'contact'],
  source: 'imported',
  active: true,
  respectsRestrictContactAccess: false,
  note: 'Contractors signed in as contacts.',
};

async function roundTrip(definitions: Definitions, user: string): Promise<Definitions | undefined> {
  const writer = await DefinitionsCache.open({ instance: INSTANCE, user });
  await writer.write(definitions, META);
  writer.close();
  const reader = await DefinitionsCache.open({ instance: INSTANCE, user });
  const read = await reader.read();
  reader.close();
  return read?.definitions;
}

describe('DefinitionsCache: persona grant rows', () => {
  afterEach(deleteAllDatabases);

  it('keeps the persona rows of imported definitions across a reload', async () => {
    const definitions = { ...BASE, personaGrants: [...BUILTIN_PERSONA_GRANTS, HOST_ROW] };
    expect(await roundTrip(definitions, 'ana')).to.deep.equal(definitions);
  });

  it('definitions without persona rows come back without them (the built-in rows then apply)', async () => {
    const read = await roundTrip(BASE, 'ben');
    expect(read).to.deep.equal(BASE);
    expect(read && 'personaGrants' in read).to.equal(false);
  });

  it('an empty list stays empty (every row turned off)', async () => {
    expect((await roundTrip({ ...BASE, personaGrants: [] }, 'cy'))?.personaGrants).to.deep.equal([]);
  });

  it('a stored row that fails validation discards the copy', async () => {
    const cache = await DefinitionsCache.open({ instance: INSTANCE, user: 'dee' });
    await cache.write({ ...BASE, personaGrants: [HOST_ROW] }, META);
    cache.close();
    const db = await openDB<DefinitionsDB>(await definitionsDatabaseName(INSTANCE, 'dee'));
    const meta = await db.get('meta', 'current');
    await db.put('meta', { ...meta, personaGrants: [{ ...HOST_ROW, scope: 'tenant' }] } as never, 'current');
    db.close();
    const reader = await DefinitionsCache.open({ instance: INSTANCE, user: 'dee' });
    expect(await reader.read()).to.equal(undefined);
    expect(reader.discarded).to.match(/invalid/);
    reader.close();
  });
});
