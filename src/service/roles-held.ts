/** Reading which roles people hold (`sys_user_has_role`), shared by the facts loader and the access review. */
import type { TableMap } from '../client/table-map.js';
import type { BatchedReader } from './batched-reader.js';
import { fieldText } from './fact-rows.js';

/**
 * Role names held per principal id, in batched reads. `roleName` turns a role's sys_id into its
 * name from the definitions; when it does not know the role, the row's display value stands in.
 */
export async function readRolesHeld(
  reader: BatchedReader,
  map: TableMap,
  principalIds: readonly string[],
  roleName: ((sysId: string) => string | undefined) | undefined,
): Promise<Map<string, string[]>> {
  const { table, columns } = map.userHasRole;
  const held = new Map<string, string[]>();
  const found = await reader.rowsWhereIn(table, columns.user, [...principalIds], {
    fields: [columns.user, columns.role],
    displayValue: 'all',
  });
  for (const row of found) {
    const user = fieldText(row, columns.user);
    const role = row[columns.role];
    const name = role?.value ? (roleName?.(role.value) ?? role.display) : undefined;
    if (!user || !name) continue;
    held.set(user, [...(held.get(user) ?? []), name]);
  }
  return held;
}
