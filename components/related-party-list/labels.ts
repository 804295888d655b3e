/** Localised texts of rows (names of deleted parties, missing types). */
import { msg } from '@lit/localize';
import type { PartyKind } from '../../src/model/kinds.js';
import { partyKindLabel } from '../internal/labels.js';
import type { PartyRow } from '../../src/service/party-rows.js';
import type { SortKey } from './list-view.js';

/** Shown instead of a name when the record points at a party that no longer exists. */
function deletedLabel(kind: PartyKind): string {
  switch (kind) {
    case 'contact':
      return msg('(deleted contact)');
    case 'consumer':
      return msg('(deleted consumer)');
    case 'user':
      return msg('(deleted user)');
    case 'account':
      return msg('(deleted account)');
    case 'service_organization':
      return msg('(deleted service organization)');
    case 'household':
      return msg('(deleted household)');
  }
}

/** True when the record's party reference dangles (the party was deleted). */
export function isDangling(row: PartyRow): boolean {
  return row.partyName === undefined;
}

/** The party's name, or the deleted placeholder. */
export function partyName(row: PartyRow): string {
  return row.partyName ?? deletedLabel(row.record.party.kind);
}

/** The text a row shows in a sortable column ('' for no responsibility). */
export function columnText(row: PartyRow, column: SortKey): string {
  switch (column) {
    case 'name':
      return partyName(row);
    case 'kind':
      return partyKindLabel(row.record.party.kind);
    case 'type':
      return row.typeName ?? (row.record.type === '' ? '' : msg('(unknown type)'));
    case 'responsibility':
      return row.responsibilityName ?? '';
  }
}
