/**
 * The instance and user the definitions cache belongs to, read from the nearest <cam-provider>
 * around the element (across shadow roots). The snapshot does not carry them, and the provider
 * keys the cache with exactly these values (its origin, or the page's; its user id, or anonymous).
 */
import { CamProvider } from '../provider/cam-provider.component.js';

/** Whose rules these are. */
export interface CacheOwner {
  readonly instance: string;
  readonly user: string;
}

/** The owner as the enclosing provider configures it, or undefined when there is none. */
export function findCacheOwner(element: Element): CacheOwner | undefined {
  let node: Node | null = element;
  while (node) {
    if (node instanceof CamProvider) {
      const instance = node.baseUrl ? new URL(node.baseUrl, location.href).origin : location.origin;
      return { instance, user: node.userId || 'anonymous' };
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return undefined;
}
