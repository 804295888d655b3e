export * from './kinds.js';
export * from './definitions.js';
export * from './facts.js';
