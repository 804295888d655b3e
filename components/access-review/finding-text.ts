/**
 * The one writer of a finding's sentences — what is wrong, the evidence and the suggested fix —
 * from the data the rules return (`Finding.detail`). Every sentence goes through `msg()`, so a host
 * that configures a locale sees it translated; the element, the CSV / JSON export and the CLI
 * `audit` all call `describeFinding` (without a configured locale, `msg()` gives the English).
 * The engine's near-miss reasons inside the evidence are the engine's own English
 * (`formatNearMiss`), as in the badge and the inspector.
 *
 * No DOM and no Lit here (only `@lit/localize`'s `msg`), so the CLI runs it in Node.
 */
import { msg, str } from '@lit/localize';
import { formatNearMiss } from '../../src/access/explain-format.js';
import type { EntityMention } from '../../src/access/types.js';
import type { Finding, FindingDetail, FindingText, PartyMention } from '../../src/review/types.js';
import { entityWord, levelLabel, partyKindWord } from '../internal/labels.js';
import { plural } from '../internal/plural.js';

/** "case CS0001004", "sold product Fleet Telematics Suite". */
function entityText(entity: EntityMention): string {
  return msg(str`${entityWord(entity.kind)} ${entity.label}`);
}

/** "contact Maya Lindqvist", "account Northwind Logistics". */
function partyText(party: PartyMention): string {
  return msg(str`${partyKindWord(party.kind)} ${party.label}`);
}

/** The lines, then "… and N more" for the `total - lines.length` not listed. */
function more(lines: readonly string[], total: number): string[] {
  const rest = total - lines.length;
  return rest > 0 ? [...lines, msg(str`… and ${rest} more`)] : [...lines];
}

type Detail<C extends FindingDetail['code']> = Extract<FindingDetail, { code: C }>;

function withoutRole(d: Detail<'responsibility-without-role'>): FindingText {
  const where = entityText(d.on);
  const party = partyText(d.party);
  const roles = d.roles.join(', ');
  const summary =
    d.members === undefined
      ? msg(str`${d.typeName} on ${where}: ${party} lacks ${roles}, so the record grants them nothing`)
      : msg(
          str`${d.typeName} on ${where}: ${d.lackingCount} of ${d.members} members of ${party} lack ${roles}, so the record grants them nothing`,
        );
  const fix =
    d.members === undefined
      ? msg(
          str`Grant ${roles} to ${d.lacking[0]?.name ?? d.party.label}, or remove the party if no access is intended`,
        )
      : msg(str`Grant ${roles} to the members who need access, or remove the party if no access is intended`);
  return {
    summary,
    evidence: more(
      d.lacking.map((l) => `${l.name} ${formatNearMiss(l.miss)}`),
      d.lackingCount,
    ),
    fix,
  };
}

function inactivePerson(d: Detail<'inactive-person'>): FindingText {
  const where = entityText(d.on);
  return {
    summary: msg(str`${d.person} is inactive but still ${d.typeName} on ${where}`),
    evidence: [
      msg(str`${partyKindWord(d.personKind)} ${d.person} is marked inactive`),
      msg(str`party record ${d.recordId} names them on ${where}`),
    ],
    fix: msg(str`Remove ${d.person} from ${where}`),
  };
}

function outsideAccount(d: Detail<'outside-account'>): FindingText {
  const where = entityText(d.on);
  return {
    summary: msg(str`${d.person} is ${d.typeName} on ${where} but is not in its account ${d.account}`),
    evidence: [
      d.personAccount === undefined
        ? msg(str`contact ${d.person} belongs to no account`)
        : msg(str`contact ${d.person} now belongs to account ${d.personAccount}`),
      msg(str`${where} belongs to account ${d.account}`),
    ],
    fix: msg(str`Remove ${d.person} from ${where}, unless they work for ${d.account} as an outside party`),
  };
}

function duplicatePerson(d: Detail<'duplicate-person'>): FindingText {
  const where = entityText(d.on);
  return {
    summary: msg(str`${d.person} reaches ${where} through ${d.records.length} party records`),
    evidence: d.records.map((r) =>
      r.memberOf === undefined
        ? msg(str`named as ${r.typeName} (record ${r.recordId})`)
        : msg(str`member of ${partyText(r.memberOf)}, ${r.typeName} (record ${r.recordId})`),
    ),
    fix: d.redundant
      ? msg(str`Remove record ${d.redundant.recordId} (${d.redundant.typeName}): nobody loses access`)
      : msg('Each record grants something the others do not: keep them, or merge them by hand'),
  };
}

function accountParty(d: Detail<'account-party'>): FindingText {
  const where = entityText(d.on);
  return {
    summary: msg(
      str`Account ${d.account} is ${d.typeName} on ${where}: the record is open to all ${d.contacts} of its contacts`,
    ),
    evidence: [
      plural(d.contacts, {
        one: msg(str`${d.contacts} contact of account ${d.account} is reached by record ${d.recordId}`),
        other: msg(str`${d.contacts} contacts of account ${d.account} are reached by record ${d.recordId}`),
      }),
      msg(str`${d.onlyThrough} of them get access only through it`),
    ],
    fix: msg(str`Name the contacts who need access, then remove account ${d.account} from ${where}`),
  };
}

function openAccount(d: Detail<'open-account'>): FindingText {
  return {
    summary: msg(
      str`Account ${d.account} does not restrict contact access: all ${d.contacts} of its contacts read its ${d.itemCount} sold products and install base items`,
    ),
    evidence: [
      msg(str`Restrict Contact Access is off for account ${d.account}`),
      ...more(
        d.items.map((item) => msg(str`${entityText(item)} is readable by every contact of the account`)),
        d.itemCount,
      ),
    ],
    fix: msg(
      str`Turn on Restrict Contact Access for account ${d.account} (account access settings), then name the contacts who need each product`,
    ),
  };
}

function listedOnWorkedRecord(d: Detail<'listed-on-worked-record'>): FindingText {
  const { work, gain } = d;
  const as = partyKindWord(work.as);
  return {
    summary: msg(str`${d.person} is only ${d.typeName} on ${entityText(d.on)}, which they work on`),
    evidence: [
      work.caseNumber === undefined
        ? msg(str`${work.person} is the ${as} of ${entityText(work.of)}`)
        : msg(str`${work.person} is the ${as} of case ${work.caseNumber} about ${entityText(work.of)}`),
      msg(
        str`${d.typeName} carries no responsibility: ${d.person} has ${levelLabel(gain.before)} access to ${entityText(gain.on)}`,
      ),
      msg(str`as ${d.betterType} they would have ${levelLabel(gain.after)}`),
    ],
    fix: msg(str`Change ${d.person}'s type to ${d.betterType}`),
  };
}

function closedRecordParty(d: Detail<'closed-record-party'>): FindingText {
  const where = entityText(d.on);
  return {
    summary: plural(d.days, {
      one: msg(str`${d.party} is still ${d.typeName} on ${where}, closed ${d.days} day ago`),
      other: msg(str`${d.party} is still ${d.typeName} on ${where}, closed ${d.days} days ago`),
    }),
    evidence: [
      plural(d.days, {
        one: msg(str`${where} was closed on ${d.closedOn} (${d.days} day ago, limit ${d.limit})`),
        other: msg(str`${where} was closed on ${d.closedOn} (${d.days} days ago, limit ${d.limit})`),
      }),
    ],
    fix: msg(str`Remove ${d.party} from ${where}`),
  };
}

/** A finding's summary, evidence and suggested fix, in the current locale (English by default). */
export function describeFinding(finding: Finding): FindingText {
  const d = finding.detail;
  switch (d.code) {
    case 'responsibility-without-role':
      return withoutRole(d);
    case 'inactive-person':
      return inactivePerson(d);
    case 'outside-account':
      return outsideAccount(d);
    case 'duplicate-person':
      return duplicatePerson(d);
    case 'account-party':
      return accountParty(d);
    case 'open-account':
      return openAccount(d);
    case 'listed-on-worked-record':
      return listedOnWorkedRecord(d);
    case 'closed-record-party':
      return closedRecordParty(d);
  }
}
