/**
 * Hash routing for the demo (`#/case/<sys_id>`), so a reload keeps the view and the built demo works
 * under any base path without server rewrites.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { EntityKind, PrincipalKind } from '../src/model/kinds.js';

/** The demo's screens. */
export type Route =
  | { readonly name: 'home' }
  | { readonly name: 'cases'; readonly search: string; readonly page: number }
  | { readonly name: 'case' | 'sold-product' | 'install-base'; readonly id: string }
  | {
      readonly name: 'inspector';
      readonly principal?: { readonly kind: PrincipalKind; readonly id: string };
      readonly entity?: { readonly kind: EntityKind; readonly id: string };
    }
  | { readonly name: 'review'; readonly account?: string }
  | { readonly name: 'not-found'; readonly path: string };

const SYS_ID = /^[0-9a-f]{32}$/;
const PRINCIPALS: readonly PrincipalKind[] = ['contact', 'consumer', 'user'];
const ENTITIES: readonly EntityKind[] = ['case', 'sold_product', 'install_base'];

function ref<K extends string>(
  text: string | null,
  kinds: readonly K[],
): { kind: K; id: string } | undefined {
  const [kind, id] = (text ?? '').split(':');
  return kinds.includes(kind as K) && id !== undefined && SYS_ID.test(id)
    ? { kind: kind as K, id }
    : undefined;
}

/** True for a route hash (`#/…` or none); other hashes are in-page anchors (the skip link). */
export function isRouteHash(hash: string): boolean {
  return hash === '' || hash === '#' || hash.startsWith('#/');
}

/** The route of a location hash (`#/case/…`); unknown paths give `not-found`, anchors `home`. */
export function parseRoute(hash: string): Route {
  if (!isRouteHash(hash)) return { name: 'home' };
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(query);
  const parts = path.split('/').filter((p) => p !== '');
  const [head, id] = parts;
  if (parts.length === 0) return { name: 'home' };
  if (head === 'cases' && parts.length === 1) {
    const page = Number.parseInt(params.get('page') ?? '1', 10);
    return {
      name: 'cases',
      search: params.get('q') ?? '',
      page: Number.isFinite(page) && page > 0 ? page : 1,
    };
  }
  if ((head === 'case' || head === 'sold-product' || head === 'install-base') && id && SYS_ID.test(id)) {
    return { name: head, id };
  }
  if (head === 'inspector' && parts.length === 1) {
    const principal = ref(params.get('principal'), PRINCIPALS);
    const entity = ref(params.get('entity'), ENTITIES);
    return { name: 'inspector', ...(principal ? { principal } : {}), ...(entity ? { entity } : {}) };
  }
  if (head === 'review' && parts.length === 1) {
    const account = params.get('account') ?? '';
    return { name: 'review', ...(SYS_ID.test(account) ? { account } : {}) };
  }
  return { name: 'not-found', path };
}

/** The hash of a route (inverse of `parseRoute`). */
export function routeHref(route: Route): string {
  switch (route.name) {
    case 'home':
      return '#/';
    case 'cases': {
      const params = new URLSearchParams();
      if (route.search) params.set('q', route.search);
      if (route.page > 1) params.set('page', String(route.page));
      const query = params.toString();
      return `#/cases${query ? `?${query}` : ''}`;
    }
    case 'case':
    case 'sold-product':
    case 'install-base':
      return `#/${route.name}/${route.id}`;
    case 'inspector': {
      const params = new URLSearchParams();
      if (route.principal) params.set('principal', `${route.principal.kind}:${route.principal.id}`);
      if (route.entity) params.set('entity', `${route.entity.kind}:${route.entity.id}`);
      const query = params.toString();
      return `#/inspector${query ? `?${query}` : ''}`;
    }
    case 'review':
      return route.account ? `#/review?account=${route.account}` : '#/review';
    case 'not-found':
      return `#/${route.path}`;
  }
}

/** The hash of an entity's page. */
export function entityHref(kind: EntityKind, id: string): string {
  const name = kind === 'case' ? 'case' : kind === 'sold_product' ? 'sold-product' : 'install-base';
  return routeHref({ name, id });
}

/** Keeps `route` in step with the location hash and re-renders the host on every change. */
export class HashRouter implements ReactiveController {
  route: Route = parseRoute(location.hash);
  readonly #onChange = (): void => {
    if (!isRouteHash(location.hash)) return; // an in-page anchor: keep the screen
    this.route = parseRoute(location.hash);
    this.host.requestUpdate();
  };

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('hashchange', this.#onChange);
    this.#onChange();
  }

  hostDisconnected(): void {
    window.removeEventListener('hashchange', this.#onChange);
  }
}
