/**
 * MSW handlers emulating the ServiceNow Table API over the seeded in-memory store (mocks/db.ts),
 * on any origin, with fault injection (mocks/faults.ts) and a request log.
 */
import { http, type RequestHandler } from 'msw';
import { guarded } from './table-api/guard.js';
import { getRecord, listRecords } from './table-api/read-routes.js';
import { createRecord, deleteRecord, updateRecord } from './table-api/write-routes.js';

const COLLECTION = '*/api/now/table/:table';
const RECORD = '*/api/now/table/:table/:sys_id';

/** Table API handlers over the seeded in-memory store. */
export const handlers: RequestHandler[] = [
  http.get(COLLECTION, guarded(listRecords)),
  http.post(COLLECTION, guarded(createRecord)),
  http.get(RECORD, guarded(getRecord)),
  http.patch(RECORD, guarded(updateRecord)),
  http.put(RECORD, guarded(updateRecord)),
  http.delete(RECORD, guarded(deleteRecord)),
];
