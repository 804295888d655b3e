/** What the picker shows for its attributes and the loaded definitions; pure, recomputed per render. */
import { msg, str } from '@lit/localize';
import type { Definitions, EntityKind, PartyKind, RelationshipType } from '../../src/index.js';
import {
  applicableTypes,
  entityKindFor,
  groupTypes,
  matchesQuery,
  partyKindFor,
  responsibilitySummary,
  type ResponsibilitySummary,
  type TypeGroup,
} from './type-options.js';
import { entityWord, partyKindWord } from '../internal/labels.js';

export interface PickerInput {
  readonly definitions: Definitions | undefined;
  readonly appliesTo: string;
  readonly partyType: string;
  /** The entity kind of a table as the provider's services map it (undefined: default tables). */
  readonly entityKindOf?: (table: string) => EntityKind | undefined;
  readonly value: string;
  readonly query: string;
}

export interface PickerModel {
  readonly definitions?: Definitions;
  readonly party?: PartyKind;
  /** The attributes name no known table or party type. */
  readonly configProblem?: string;
  /** Every applicable type. */
  readonly types: readonly RelationshipType[];
  /** Applicable types matching the query, grouped; `visible` is the same list flattened in order. */
  readonly groups: readonly TypeGroup[];
  readonly visible: readonly RelationshipType[];
  /** The value's type, when applicable. */
  readonly selected?: RelationshipType;
  readonly summary?: ResponsibilitySummary;
  readonly emptyText: string;
  /** Why the value is not acceptable (it is not among the applicable types). */
  readonly unknownText?: string;
  responsibilityName(type: RelationshipType): string | undefined;
}

function scopeText(entity: EntityKind | undefined, party: PartyKind | undefined): string {
  if (entity && party) return msg(str`${entityWord(entity)} records and ${partyKindWord(party)} parties`);
  if (entity) return msg(str`${entityWord(entity)} records`);
  if (party) return msg(str`${partyKindWord(party)} parties`);
  return msg('any record');
}

function configProblemOf(input: PickerInput, entity?: EntityKind, party?: PartyKind): string | undefined {
  if (input.appliesTo && !entity) {
    return msg(str`“${input.appliesTo}” is not a case, sold product or install base table.`);
  }
  if (input.partyType && !party) return msg(str`“${input.partyType}” is not a party type.`);
  return undefined;
}

function unknownTextOf(definitions: Definitions, value: string, scope: string): string {
  const elsewhere = definitions.relationshipTypes.find((type) => type.id === value);
  if (!elsewhere) return msg(str`Unknown relationship type “${value}”: it is not defined on this instance.`);
  const where = scopeText(elsewhere.appliesTo, elsewhere.partyType);
  return msg(
    str`Unknown relationship type “${value}” for ${scope}: “${elsewhere.name}” applies to ${where}.`,
  );
}

/** The picker's view of its inputs. */
export function pickerModel(input: PickerInput): PickerModel {
  const { definitions, value } = input;
  const entity = input.appliesTo ? entityKindFor(input.appliesTo, input.entityKindOf) : undefined;
  const party = input.partyType ? partyKindFor(input.partyType) : undefined;
  const configProblem = configProblemOf(input, entity, party);
  const types = definitions && !configProblem ? applicableTypes(definitions, entity, party) : [];
  const groups = groupTypes(types.filter((type) => matchesQuery(type, input.query)));
  const selected = value ? types.find((type) => type.id === value) : undefined;
  const scope = scopeText(entity, party);
  const names = new Map(definitions?.responsibilities.map((r) => [r.id, r.name]));
  return {
    ...(definitions ? { definitions } : {}),
    ...(party ? { party } : {}),
    ...(configProblem ? { configProblem } : {}),
    types,
    groups,
    visible: groups.flatMap((group) => group.types),
    ...(selected ? { selected } : {}),
    ...(selected && definitions ? { summary: responsibilitySummary(definitions, selected) } : {}),
    emptyText: msg(str`No relationship type applies to ${scope}.`),
    ...(definitions && value && !selected ? { unknownText: unknownTextOf(definitions, value, scope) } : {}),
    responsibilityName: (type) =>
      type.defaultResponsibility ? names.get(type.defaultResponsibility) : undefined,
  };
}

/** A validity problem: flags for `ElementInternals.setValidity` and the message. */
export interface ValidityProblem {
  readonly flags: ValidityStateFlags;
  readonly message: string;
}

/** valueMissing when required and empty; customError when the value is not an applicable type. */
export function validityProblem(
  model: PickerModel,
  value: string,
  required: boolean,
): ValidityProblem | undefined {
  if (required && value === '')
    return { flags: { valueMissing: true }, message: msg('Choose a relationship type.') };
  if (model.unknownText) return { flags: { customError: true }, message: model.unknownText };
  return undefined;
}
