export * from './kinds.js';
export type * from './definitions.js';
export * from './facts.js';
