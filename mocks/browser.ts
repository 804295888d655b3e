import { setupWorker } from 'msw/browser';
import { handlers } from './handlers.js';

/** The MSW worker for the demo and the browser tests. */
export const worker = setupWorker(...handlers);
