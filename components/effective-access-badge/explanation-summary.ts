/**
 * One plain sentence that leads an explanation: what the person can do on the record, and the
 * main reason, in the domain's words ("Fiona Marsh can read this install base item as Authorized
 * Contact on its sold product Fleet Telematics."). The step-by-step tree follows it, collapsed.
 * Returns text (rendered as text, never HTML).
 */
import { msg, str } from '@lit/localize';
import type { Explanation, GrantPath, PersonaPath, Reach } from '../../src/access/types.js';
import type { AccessLevel } from '../../src/model/kinds.js';
import { entityWord } from '../internal/labels.js';
import { plural } from '../internal/plural.js';

const RANK: Record<AccessLevel, number> = { none: 0, read: 1, write: 2, full: 3 };

/** "Fiona Marsh can read this install base item" */
function claim(who: string, level: AccessLevel, thing: string): string {
  switch (level) {
    case 'none':
      return msg(str`${who} has no access to this ${thing}`);
    case 'read':
      return msg(str`${who} can read this ${thing}`);
    case 'write':
      return msg(str`${who} can read and change this ${thing}`);
    case 'full':
      return msg(str`${who} has full access to this ${thing}`);
  }
}

/** Through whom a related party reaches the person ("as a contact of Northwind Logistics, which is"). */
function through(reach: Reach): string | undefined {
  switch (reach.via) {
    case 'direct':
      return undefined;
    case 'account':
      return reach.accountName;
    case 'service_organization':
      return reach.organizationName;
    case 'household':
      return reach.householdName;
  }
}

/** The main reason of a grant, after the claim ("as Authorized Contact on its sold product X"). */
function reason(path: GrantPath): string {
  switch (path.source) {
    case 'related-party': {
      const type = path.record.typeName;
      const group = through(path.reach);
      if (path.cascade) {
        const where = `${entityWord(path.cascade.from.kind)} ${path.cascade.fromLabel}`;
        return group === undefined
          ? msg(str`as ${type} on its ${where}`)
          : msg(str`through ${group}, ${type} on its ${where}`);
      }
      return group === undefined ? msg(str`as its ${type}`) : msg(str`through ${group}, its ${type}`);
    }
    case 'owner':
      return path.field === 'contact' ? msg('as its contact') : msg('as its consumer');
    case 'account-default':
      return msg(
        str`as a contact of ${path.accountName}, which owns it and does not restrict contact access`,
      );
    case 'global-role':
      return msg(str`through the role ${path.role.role}`);
    case 'persona':
      return personaReason(path);
  }
}

/** The main reason of a persona grant: the role held and the scope that takes the record in. */
function personaReason(path: PersonaPath): string {
  const role = path.grant.role;
  const match = path.match;
  switch (match.scope) {
    case 'own':
      return match.field === 'contact'
        ? msg(str`as its contact, through the role ${role}`)
        : msg(str`as its consumer, through the role ${role}`);
    case 'account':
      return msg(str`through the role ${role}, which covers the records of account ${match.accountName}`);
    case 'account_tree':
      return msg(
        str`through the role ${role}, which covers the records of account ${match.accountName} and its child accounts`,
      );
    case 'partner':
      return msg(str`as its partner, through the role ${role}`);
    case 'all':
      return msg(str`through the role ${role}, which covers every record`);
  }
}

/** The sentence leading `explanation`. */
export function summarySentence(explanation: Explanation): string {
  const { principalLabel, entity, level, grants, nearMisses } = explanation;
  const said = claim(principalLabel, level, entityWord(entity.kind));
  const best = [...grants].sort((a, b) => RANK[b.level] - RANK[a.level])[0];
  if (level === 'none' || !best) {
    const closest = nearMisses[0];
    if (!closest) return msg(str`${said}.`);
    // The engine words these as what the person "has"/"is"/"holds" ("holds … of account Acme, but
    // …"); the others stand alone.
    const personal =
      closest.code === 'missing-role' ||
      closest.code === 'owner-missing-role' ||
      closest.code === 'persona-out-of-scope' ||
      closest.code === 'persona-principal-kind';
    const miss = personal ? `${principalLabel} ${closest.reason}` : closest.reason;
    return msg(str`${said}. Nearest miss: ${miss}.`);
  }
  const others = grants.length - 1;
  if (others === 0) return msg(str`${said} ${reason(best)}.`);
  const more = plural(others, {
    one: msg('and in 1 other way'),
    other: msg(str`and in ${others} other ways`),
  });
  return msg(str`${said} ${reason(best)}, ${more}.`);
}
