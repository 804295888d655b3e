import { expect } from '@open-wc/testing';
import { RoleCatalog } from '../../src/access/role-catalog.js';
import { ROLE_SEED } from '../../src/access/role-seed.js';
import type { RoleDef } from '../../src/model/definitions.js';
import { formatAge, matches } from './format.js';
import { tabForKey } from './inspector-tabs.js';
import { rootNames, visibleRows, type ExpansionState } from './role-tree-model.js';
import { exportFileName } from './transfer-controller.js';

const role = (name: string, contains: string[] = [], kind: RoleDef['kind'] = 'functional'): RoleDef => ({
  name,
  title: name.toUpperCase(),
  description: '',
  plugin: '',
  kind,
  contains,
});
const none: ExpansionState = { expanded: new Set(), collapsed: new Set() };
const names = (rows: { key: string }[]): string[] => rows.map((row) => row.key);

describe('role tree model', () => {
  const catalog = RoleCatalog.fromDefinitions([
    role('top', ['mid', 'other']),
    role('mid', ['leaf'], 'granular'),
    role('leaf', [], 'granular'),
    role('other', [], 'granular'),
    role('lonely', [], 'base'),
  ]);

  it('roots are the roles no role contains, or every role of the chosen kind', () => {
    expect(rootNames(catalog, 'all')).to.deep.equal(['top', 'lonely']);
    expect(rootNames(catalog, 'granular')).to.have.members(['mid', 'leaf', 'other']);
  });

  it('shows children only under expanded rows, with levels, positions and parents', () => {
    expect(names(visibleRows(catalog, ['top'], '', none))).to.deep.equal(['top']);
    const rows = visibleRows(catalog, ['top'], '', {
      expanded: new Set(['top', 'top>mid']),
      collapsed: new Set(),
    });
    expect(names(rows)).to.deep.equal(['top', 'top>mid', 'top>mid>leaf', 'top>other']);
    const leaf = rows[2]!;
    expect([leaf.level, leaf.parentKey, leaf.posinset, leaf.setsize]).to.deep.equal([3, 'top>mid', 1, 1]);
    expect(rows[0]!.expandable && rows[0]!.expanded).to.equal(true);
    expect(rows[3]!.expandable).to.equal(false);
  });

  it('a search keeps the ancestors of matches open and hides roles with no match below', () => {
    const rows = visibleRows(catalog, rootNames(catalog, 'all'), 'LEAF', none);
    expect(names(rows)).to.deep.equal(['top', 'top>mid', 'top>mid>leaf']);
    const closed = visibleRows(catalog, ['top'], 'leaf', {
      expanded: new Set(),
      collapsed: new Set(['top>mid']),
    });
    expect(names(closed)).to.deep.equal(['top', 'top>mid']);
  });

  it('a containment cycle is entered once, marked, and never expanded', () => {
    const cyclic = RoleCatalog.fromDefinitions([role('a', ['b']), role('b', ['a', 'ghost'])]);
    expect(cyclic.problems.map((p) => p.kind)).to.include('cycle');
    // Nothing is uncontained: one entry into the cycle becomes a root.
    expect(rootNames(cyclic, 'all')).to.deep.equal(['a']);
    const everything = { expanded: new Set(['a', 'a>b', 'a>b>a']), collapsed: new Set<string>() };
    const rows = visibleRows(cyclic, ['a'], '', everything);
    expect(names(rows)).to.deep.equal(['a', 'a>b', 'a>b>a', 'a>b>ghost']);
    expect(rows[2]!.cycle).to.equal(true);
    expect(rows[2]!.expandable).to.equal(false);
    expect(rows[3]!.role).to.equal(undefined);
    // A search for a cycle member terminates too.
    expect(names(visibleRows(cyclic, ['a'], 'b', none))).to.deep.equal(['a', 'a>b']);
  });

  it('the seed catalogue shows sold product authorized contact → case authorized contact → write → read', () => {
    const seed = RoleCatalog.fromDefinitions(ROLE_SEED);
    const path = [
      'sn_install_base.sold_product_authorized_contact',
      'sn_customerservice.case_authorized_contact',
      'sn_customerservice.case_write_granular',
    ];
    const expanded = new Set(path.map((_, i) => path.slice(0, i + 1).join('>')));
    const rows = visibleRows(seed, rootNames(seed, 'functional'), '', { expanded, collapsed: new Set() });
    const read = rows.find((row) => row.key === [...path, 'sn_customerservice.case_read_granular'].join('>'));
    expect(read?.level).to.equal(4);
  });
});

describe('inspector helpers', () => {
  it('formats ages for people', () => {
    expect(formatAge(2000, 'en')).to.equal('just now');
    expect(formatAge(3 * 60_000 + 5000, 'en')).to.equal('3 minutes ago');
    expect(formatAge(2 * 3_600_000, 'en')).to.equal('2 hours ago');
  });

  it('matches case-insensitively on any text; an empty query matches', () => {
    expect(matches('READ', 'case_read_granular')).to.equal(true);
    expect(matches('  ', undefined)).to.equal(true);
    expect(matches('write', 'case_read_granular', undefined)).to.equal(false);
  });

  it('moves between tabs with arrows (wrapping), Home and End', () => {
    expect(tabForKey('ArrowRight', 'roles')).to.equal('responsibilities');
    expect(tabForKey('ArrowLeft', 'roles')).to.equal('transfer');
    expect(tabForKey('ArrowRight', 'transfer')).to.equal('roles');
    expect(tabForKey('End', 'status')).to.equal('transfer');
    expect(tabForKey('Home', 'status')).to.equal('roles');
    expect(tabForKey('ArrowRight', 'relationship-types')).to.equal('persona-roles');
    expect(tabForKey('ArrowLeft', 'status')).to.equal('persona-roles');
    expect(tabForKey('a', 'status')).to.equal(undefined);
  });

  it('names export files after the instance host and the date', () => {
    const day = new Date('2024-05-06T10:00:00Z');
    expect(exportFileName('https://acme.service-now.com', day)).to.equal(
      'cam-access-rules-acme.service-now.com-2024-05-06.json',
    );
    expect(exportFileName(undefined, day)).to.equal('cam-access-rules-instance-2024-05-06.json');
  });
});
