/** Small helpers of the dialog: the entity its attributes name, and the focused element to return to. */
import type { TableMap } from '../../src/client/table-map.js';
import { ENTITY_KINDS, entityKindOfTable, type EntityRef } from '../../src/model/kinds.js';

const TABLE_KEY = { case: 'case', sold_product: 'soldProduct', install_base: 'installBase' } as const;

/** The entity of a table (as the map names it, or a default table name) and a sys_id. */
export function entityOf(table: string, id: string, map: TableMap): EntityRef | undefined {
  const kind = ENTITY_KINDS.find((k) => map[TABLE_KEY[k]].table === table) ?? entityKindOfTable(table);
  return kind && id ? { kind, id } : undefined;
}

/** The element that has focus, looking into shadow roots; undefined for the body. */
export function focusedElement(): HTMLElement | undefined {
  let element = document.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  return element instanceof HTMLElement && element !== document.body ? element : undefined;
}
