/**
 * The index-build baseline: the related-party records in plain Maps — by id, by entity and by
 * party (kind, then id: no key strings built) — the least a naive index would build. The engine
 * benchmark times it in the same run as the engine's own build and reports the ratio.
 */
import type { RelatedPartyRecord } from '../src/model/index.js';

export interface PlainMaps {
  readonly byId: Map<string, RelatedPartyRecord>;
  readonly byEntity: Map<string, Map<string, RelatedPartyRecord[]>>;
  readonly byParty: Map<string, Map<string, RelatedPartyRecord[]>>;
}

function append(
  index: Map<string, Map<string, RelatedPartyRecord[]>>,
  kind: string,
  id: string,
  record: RelatedPartyRecord,
): void {
  let byId = index.get(kind);
  if (byId === undefined) index.set(kind, (byId = new Map()));
  const list = byId.get(id);
  if (list) list.push(record);
  else byId.set(id, [record]);
}

export function plainMaps(records: readonly RelatedPartyRecord[]): PlainMaps {
  const maps: PlainMaps = { byId: new Map(), byEntity: new Map(), byParty: new Map() };
  for (const record of records) {
    maps.byId.set(record.id, record);
    append(maps.byEntity, record.entity.kind, record.entity.id, record);
    append(maps.byParty, record.party.kind, record.party.id, record);
  }
  return maps;
}
