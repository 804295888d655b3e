/** Small helpers of the dialog: the entity its attributes name, and the focused element to return to. */
import { entityKindIn, type TableMap } from '../../src/client/table-map.js';
import type { EntityRef } from '../../src/model/kinds.js';

/** The entity of a table (as the map names it, or a default table name) and a sys_id. */
export function entityOf(table: string, id: string, map: TableMap): EntityRef | undefined {
  const kind = entityKindIn(map, table);
  return kind && id ? { kind, id } : undefined;
}

/** The element that has focus, looking into shadow roots; undefined for the body. */
export function focusedElement(): HTMLElement | undefined {
  let element = document.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  return element instanceof HTMLElement && element !== document.body ? element : undefined;
}
