/**
 * Where the Explain tab gets its facts: from the instance through the access service, or, when the
 * instance cannot be reached (or the rules themselves were imported), from the facts of an
 * imported access-test file, evaluated locally over the current definitions.
 */
import { msg } from '@lit/localize';
import { AccessEngine } from '../../src/access/engine.js';
import type { Explanation } from '../../src/access/types.js';
import { NetworkError, TimeoutError } from '../../src/client/errors.js';
import type { Facts } from '../../src/model/facts.js';
import type { EntityRef, PrincipalRef } from '../../src/model/kinds.js';
import { DefinitionsUnavailableError } from '../../src/service/definitions-snapshot.js';
import type { CamServices } from '../context.js';

/** What to explain. */
export interface ExplainRequest {
  readonly principal: PrincipalRef;
  readonly entity: EntityRef;
}

/** An explanation and the facts it was computed from. */
export interface ExplainResult {
  readonly explanation: Explanation;
  /** `instance`: facts read now; `import`: the imported file's facts. */
  readonly factsFrom: 'instance' | 'import';
  readonly facts: Facts;
}

/** Facts are needed and neither the instance nor an imported file can give them. */
export class FactsUnavailableError extends Error {
  override readonly name = 'FactsUnavailableError';
}

/** True for failures that mean "the instance cannot be reached". */
export function isOffline(error: unknown): boolean {
  return (
    error instanceof NetworkError ||
    error instanceof TimeoutError ||
    (error instanceof DefinitionsUnavailableError && error.offline)
  );
}

/** Explains `request`, preferring the instance's facts unless offline or the rules are imported. */
export async function explainAccess(
  services: CamServices,
  request: ExplainRequest,
  imported: Facts | undefined,
  signal: AbortSignal,
): Promise<ExplainResult> {
  const { principal, entity } = request;
  const snapshot = services.definitions.current ?? (await services.definitions.load(signal));
  const local = (facts: Facts): ExplainResult => ({
    explanation: new AccessEngine(snapshot.definitions, facts).explain(principal, entity),
    factsFrom: 'import',
    facts,
  });
  if (imported && (snapshot.offline || snapshot.source === 'import')) return local(imported);
  try {
    const access = await services.access.forEntity(entity, { signal, principal });
    return {
      explanation: access.engine.explain(principal, entity),
      factsFrom: 'instance',
      facts: access.facts,
    };
  } catch (error) {
    if (!isOffline(error)) throw error;
    if (imported) return local(imported);
    throw new FactsUnavailableError(
      msg(
        'The instance cannot be reached, so the facts (parties, roles held) cannot be loaded. Reconnect, or import an access-test file that contains facts.',
      ),
      { cause: error },
    );
  }
}
