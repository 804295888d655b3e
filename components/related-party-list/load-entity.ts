/** Which entity the attributes name, and loading its access picture (parties included). */
import { entityKindIn, type TableMap } from '../../src/client/table-map.js';
import type { EntityRef } from '../../src/model/kinds.js';
import type { EntityAccess } from '../../src/service/access-service.js';
import type { DefinitionsSnapshot } from '../../src/service/definitions-service.js';
import { partyTable } from '../../src/service/party-rows.js';
import type { CamServices } from '../context.js';
import { EntityNotFoundError, MissingProviderError, UnknownEntityTableError } from './list-errors.js';
import { loadVirtualizer, PLAIN_ROW_LIMIT } from './virtual-rows.js';

const MAP_KEY = { case: 'case', sold_product: 'soldProduct', install_base: 'installBase' } as const;

/** The entity the attributes name, or undefined when the table is unknown or the id empty. */
export function resolveEntity(map: TableMap, table: string, id: string): EntityRef | undefined {
  const kind = entityKindIn(map, table);
  return kind && id !== '' ? { kind, id } : undefined;
}

function exists(access: EntityAccess, entity: EntityRef): boolean {
  const { facts } = access;
  const list =
    entity.kind === 'case'
      ? facts.cases
      : entity.kind === 'sold_product'
        ? facts.soldProducts
        : facts.installBase;
  return list.some((e) => e.id === entity.id);
}

/**
 * The access picture of the entity (one load shared with the badges of its rows). Fails clearly
 * for an unknown table, an entity that does not exist, or parties the user may not read.
 */
export async function loadEntityAccess(
  services: CamServices | undefined,
  table: string,
  id: string,
  signal: AbortSignal,
): Promise<EntityAccess<DefinitionsSnapshot>> {
  if (!services) throw new MissingProviderError();
  const kind = entityKindIn(services.tableMap, table);
  if (!kind) throw new UnknownEntityTableError(table);
  if (id === '') throw new EntityNotFoundError(table, id);
  const entity: EntityRef = { kind, id };
  const access = await services.access.forEntity(entity, { signal });
  // A long list renders through the virtualizer, loaded on demand: have it before the first render.
  if (access.parties.length > PLAIN_ROW_LIMIT) await loadVirtualizer();
  const unreadable = (name: string) => access.incomplete.some((source) => source.table === name);
  if (unreadable(partyTable(kind, services.tableMap))) {
    // The loader skips a forbidden table; the list asks itself so the user sees the server's reason.
    return { ...access, parties: await services.parties.list(entity, { signal }) };
  }
  if (!unreadable(services.tableMap[MAP_KEY[kind]].table) && !exists(access, entity)) {
    throw new EntityNotFoundError(table, id);
  }
  return access;
}

/** How the entity is known to people: a case's number, a sold product's or item's name. */
export function entityLabel(access: EntityAccess): string {
  const { kind, id } = access.entity;
  const { facts } = access;
  if (kind === 'case') return facts.cases.find((c) => c.id === id)?.number ?? id;
  return (
    (kind === 'sold_product' ? facts.soldProducts : facts.installBase).find((e) => e.id === id)?.name ?? id
  );
}
