/**
 * What <cam-provider> gives its subtree. Elements never construct a client or open a database
 * themselves: they consume this context.
 */
import { createContext } from '@lit/context';
import type { TableClient } from '../src/client/types.js';
import type { TableMap } from '../src/client/table-map.js';
import type { DefinitionsService, DefinitionsSnapshot } from '../src/service/definitions-service.js';
import type { RelatedPartiesService } from '../src/service/related-parties-service.js';
import type { AccessService } from '../src/service/access-service.js';
import type { LiveFeed } from '../src/service/live-feed.js';

export interface CamServices {
  readonly client: TableClient;
  readonly tableMap: TableMap;
  /** Role catalogue, responsibilities, access configs, relationship types (cache-first). */
  readonly definitions: DefinitionsService;
  readonly parties: RelatedPartiesService;
  /** Effective access per entity (engine over loaded facts). */
  readonly access: AccessService<DefinitionsSnapshot>;
  /** Live refresh: what other agents change reaches the lists (absent: no live updates). */
  readonly live?: LiveFeed;
  /** Elements hand errors here so the provider can react (a 401 fires `cam-auth-required`). */
  reportError(error: unknown): void;
}

export const camServicesContext = createContext<CamServices | undefined>(Symbol('cam-services'));
