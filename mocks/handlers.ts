import type { RequestHandler } from 'msw';

/** Table API handlers over the seeded in-memory store (filled in by the data-layer issue). */
export const handlers: RequestHandler[] = [];
