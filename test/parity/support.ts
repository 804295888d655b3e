/**
 * The parity check: a world (definitions + facts) is put in the mock backend, and the services
 * (what badges show) must answer every principal × entity exactly as the engine over the whole
 * world does (what the CLI answers): the level, the permissions and the kinds of granting path.
 */
import { getStore, resetStore } from '../../mocks/db.js';
import { replaceWorld, storedRef } from '../../mocks/seed/index.js';
import { TableApiClient } from '../../src/client/table-api-client.js';
import { DEFAULT_TABLE_MAP } from '../../src/client/table-map.js';
import { AccessEngine } from '../../src/access/engine.js';
import type { GrantPath } from '../../src/access/types.js';
import type { Definitions } from '../../src/model/definitions.js';
import type { Facts } from '../../src/model/facts.js';
import { formatRef, type EntityRef, type PrincipalRef } from '../../src/model/kinds.js';
import { AccessFactsLoader } from '../../src/service/access-facts-loader.js';
import { AccessService } from '../../src/service/access-service.js';
import { DefinitionsService, type HostPersonaGrant } from '../../src/service/definitions-service.js';
import { BUILTIN_PERSONA_GRANTS } from '../../src/access/builtin-persona-grants.js';
import type { DefinitionsSnapshot } from '../../src/service/definitions-snapshot.js';

const map = DEFAULT_TABLE_MAP;

/** One answer, in a form two sides can be compared on. */
export interface Answer {
  readonly level: string;
  readonly permissions: string;
  /** Kinds of the granting paths, sorted: `related-party account on sold_product (cascade) full`… */
  readonly paths: readonly string[];
}

/** A path's kind: where it comes from and how it reaches, not ids (the backend's ids differ). */
export function pathKind(path: GrantPath): string {
  switch (path.source) {
    case 'related-party': {
      const cascade = path.cascade ? ' (cascade)' : '';
      return `related-party ${path.reach.via} on ${path.record.entity.kind}${cascade} ${path.level}`;
    }
    case 'owner':
      return `owner ${path.field} ${path.level}`;
    case 'account-default':
      return `account-default ${path.level}`;
    case 'global-role':
      return `global-role ${path.role.role} ${path.level}`;
    case 'persona': {
      const how =
        path.match.scope === 'own' ? path.match.field : path.match.scope === 'partner' ? path.match.via : '';
      return `persona ${path.grant.id} ${path.match.scope} ${how} ${path.level}`;
    }
  }
}

export function answerOf(engine: AccessEngine, principal: PrincipalRef, entity: EntityRef): Answer {
  const explanation = engine.explain(principal, entity);
  const { level, permissions } = engine.check(principal, entity);
  return { level, permissions: permissions.join(','), paths: explanation.grants.map(pathKind).sort() };
}

/**
 * The world's persona rows as a host gives them: its own rows, and the built-in rows it lacks turned
 * off (a world that lists persona rows lists all it has). None when the world uses the built-in rows.
 */
function hostPersonaRows(definitions: Definitions): HostPersonaGrant[] | undefined {
  const own = definitions.personaGrants;
  if (!own) return undefined;
  const ids = new Set(own.map((row) => row.id));
  const off = BUILTIN_PERSONA_GRANTS.filter((row) => !ids.has(row.id)).map((row) => ({
    ...row,
    active: false,
  }));
  return [...own, ...off];
}

/** The services over the mock backend holding `definitions` and `facts` (call `dispose`). */
export class WorldServices {
  readonly #definitions: DefinitionsService;
  readonly #client = new TableApiClient({ timeoutMs: 10_000, retry: { retries: 0 } });

  constructor(definitions: Definitions, facts: Facts) {
    replaceWorld(getStore(), definitions, facts, map);
    this.#definitions = new DefinitionsService({
      client: this.#client,
      tableMap: map,
      instance: location.origin,
      user: `parity-${Math.random()}`,
      storage: { persist: false },
      // The role catalogue (granular grants) and the persona rows are not readable through the
      // Table API: the host supplies them, here the world's own.
      roleSeed: definitions.roles,
      personaGrants: hostPersonaRows(definitions),
    });
  }

  /**
   * A fresh access service (no facts shared with earlier questions), as a new page would have.
   * `earlyAbove`: how many people beyond those asked for first make a load read those first (the
   * loader's default is one chunk; 0 reads them first whenever anyone else is named).
   */
  access(earlyAbove?: number): AccessService<DefinitionsSnapshot> {
    const loader = new AccessFactsLoader(this.#client, map, undefined, undefined, undefined, earlyAbove);
    return new AccessService(loader, this.#definitions);
  }

  definitions(): Promise<DefinitionsSnapshot> {
    return this.#definitions.load();
  }

  dispose(): void {
    resetStore();
  }
}

/** What the services answer for `principal` on `entity` (ids as in the world; stored ids mapped). */
export async function serviceAnswer(
  access: AccessService<DefinitionsSnapshot>,
  principal: PrincipalRef,
  entity: EntityRef,
): Promise<Answer & { incomplete: string[] }> {
  const p = storedRef(principal);
  const e = storedRef(entity);
  const loaded = await access.forEntity(e, { principal: p });
  return { ...answerOf(loaded.engine, p, e), incomplete: loaded.incomplete.map((i) => i.table) };
}

/** `contact:ana → case:c1`. */
export function describePair(principal: PrincipalRef, entity: EntityRef): string {
  return `${formatRef(principal)} → ${formatRef(entity)}`;
}
