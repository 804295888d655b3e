/**
 * Engine benchmark: `npx tsx bench/engine.bench.ts` (`--json` prints the figures as JSON).
 *
 * Generates a fixed-seed world (bench/generate.ts) over the built-in definitions (the full role
 * catalogue), measures index build, check, accessFor, explain and whatIf, then asks the same
 * questions to CASL and Casbin fed with rules precomputed from the same facts (bench/peer-rules.ts;
 * how each peer is modelled is described in bench/peer-casl.ts and bench/peer-casbin.ts), compares
 * their answers with ours on a sample and prints the ratio of medians.
 */
import { AccessEngine, BUILTIN_DEFINITIONS } from '../src/access/index.js';
import { formatRef, type EntityRef, type PrincipalRef } from '../src/model/index.js';
import { generateWorld, SIZES } from './generate.js';
import { CaslPeer } from './peer-casl.js';
import { CasbinPeer } from './peer-casbin.js';
import { derivePeerRules } from './peer-rules.js';
import { buildSubjects, type Subject } from './peer-subjects.js';
import { plainMaps, type PlainMaps } from './plain-maps.js';
import { Rng } from './rng.js';
import { perCallUs, summarize, timeUs, type Summary } from './timing.js';

const JSON_OUTPUT = process.argv.includes('--json');
const CHECK_PAIRS = 100_000;
const CASL_PAIRS = 20_000;
const CASBIN_PAIRS = 2_000;
const AGREEMENT_SAMPLE = 2_000;
const log = (line: string) => {
  if (!JSON_OUTPUT) console.log(line);
};

interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: 'ms' | 'µs' | '×';
  readonly target: number;
  /** 'max': value must stay below target; 'min': above. */
  readonly kind: 'max' | 'min';
}
const figures: Figure[] = [];
const figure = (
  name: string,
  value: number,
  unit: Figure['unit'],
  target: number,
  kind: Figure['kind'] = 'max',
) => figures.push({ name, value, unit, target, kind });
const pass = (f: Figure) => (f.kind === 'max' ? f.value < f.target : f.value >= f.target);
const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 1 ? n.toFixed(2) : n.toFixed(3));

// ── World ──────────────────────────────────────────────────────────────────────────────────────
const definitions = BUILTIN_DEFINITIONS;
const world = generateWorld(definitions);
log(
  `world: ${SIZES.accounts} accounts, ${world.principals.length + SIZES.serviceOrganizations} parties, ${SIZES.cases} cases, ` +
    `${SIZES.soldProducts} sold products, ${SIZES.installBase} install base items, ${world.facts.relatedParties.length} related-party records, ` +
    `${definitions.roles.length} roles, ${definitions.accessConfigs.length} access configurations`,
);

// ── Index build ────────────────────────────────────────────────────────────────────────────────
// The first build runs on cold (unoptimized) code: reported apart; the figure is the median of 7
// builds after 3 warm-ups, each replacing the previous engine (its garbage collection included).
// A baseline is measured in the same run, interleaved with the builds so both see the same machine
// load: plain Maps of the same records (by id, by entity, by party), what a naive index would build.
// The ratio of the medians means something on any machine; the milliseconds only on this one.
let engine!: AccessEngine;
const coldBuildMs = timeUs(() => (engine = new AccessEngine(definitions, world.facts))) / 1000;
let baseline: PlainMaps = plainMaps(world.facts.relatedParties);
for (let i = 0; i < 3; i++) {
  engine = new AccessEngine(definitions, world.facts);
  baseline = plainMaps(world.facts.relatedParties);
}
const builds: number[] = [];
const baselines: number[] = [];
for (let i = 0; i < 7; i++) {
  baselines.push(timeUs(() => (baseline = plainMaps(world.facts.relatedParties))) / 1000);
  builds.push(timeUs(() => (engine = new AccessEngine(definitions, world.facts))) / 1000);
}
const build = summarize(builds);
const baselineBuild = summarize(baselines);
const buildRatio = build.median / baselineBuild.median;
figure('index build (50,000 records), median of 7 after warm-up', build.median, 'ms', 50);
log(
  `index build: first (cold) build ${fmt(coldBuildMs)} ms; warm median ${fmt(build.median)} ms, max ${fmt(build.max)} ms; ` +
    `plain-Map baseline median ${fmt(baselineBuild.median)} ms (${baseline.byId.size} ids) — ratio ${fmt(buildRatio)}×`,
);
if (engine.problems.length > 0)
  log(`definition problems: ${engine.problems.map((p) => p.message).join('; ')}`);

// ── check ──────────────────────────────────────────────────────────────────────────────────────
const rng = new Rng(7);
const pairs: [PrincipalRef, EntityRef][] = Array.from({ length: CHECK_PAIRS }, () => [
  rng.pick(world.principals),
  rng.pick(world.entities),
]);
const levelCounts: Record<string, number> = { none: 0, read: 0, write: 0, full: 0 };
for (const [p, e] of pairs)
  levelCounts[engine.check(p, e).level] = (levelCounts[engine.check(p, e).level] ?? 0) + 1;
let sink = 0;
// Same loop shape as the peers' below: one array read, a direct two-argument call.
const checkOne = (i: number) => {
  const pair = pairs[i] as [PrincipalRef, EntityRef];
  sink += engine.check(pair[0], pair[1]).permissions.length;
};
perCallUs(CHECK_PAIRS, 10, checkOne);
const check: Summary = perCallUs(CHECK_PAIRS, 10, checkOne);
figure('check median (batches of 10, timer included)', check.median, 'µs', 1);
figure('check p99 (batches of 10, timer included)', check.p99, 'µs', 5);
log(
  `check answers over ${CHECK_PAIRS} random pairs: ${Object.entries(levelCounts)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')}`,
);

// ── accessFor ──────────────────────────────────────────────────────────────────────────────────
const sampled = Array.from({ length: 500 }, () => rng.pick(world.principals));
let reached = 0;
for (const p of sampled.slice(0, 50)) engine.accessFor(p);
const accessFor = summarize(sampled.map((p) => timeUs(() => (reached += engine.accessFor(p).length))));
figure('accessFor one principal, median of 500', accessFor.median / 1000, 'ms', 1);
log(
  `accessFor: ${(reached / sampled.length).toFixed(1)} entities per principal on average; p99 ${fmt(accessFor.p99 / 1000)} ms, max ${fmt(accessFor.max / 1000)} ms (users with case_viewer reach all 10,000 cases)`,
);

// ── persona rows of scope `all` against today's global role ────────────────────────────────────
// The same world with three more users: one holding only case_viewer (the global-role path), one
// holding only the agent role (a persona row of scope `all` on cases), one holding csm_admin (`all`
// on every table). Runs alternate so machine noise hits both sides alike.
const personaEngine = new AccessEngine(definitions, {
  ...world.facts,
  users: [
    ...world.facts.users,
    { id: 'bench_viewer', name: 'Viewer', roles: ['sn_customerservice.case_viewer'] },
    { id: 'bench_agent', name: 'Agent', roles: ['sn_customerservice_agent'] },
    { id: 'bench_admin', name: 'CSM admin', roles: ['csm_admin'] },
  ],
});
const benchUser = (id: string): PrincipalRef => ({ kind: 'user', id });
const [viewer, agent, admin] = ['bench_viewer', 'bench_agent', 'bench_admin'].map(benchUser) as [
  PrincipalRef,
  PrincipalRef,
  PrincipalRef,
];
const viewerRuns: number[] = [];
const agentRuns: number[] = [];
for (let i = 0; i < 120; i++) {
  viewerRuns.push(timeUs(() => (sink += personaEngine.accessFor(viewer).length)));
  agentRuns.push(timeUs(() => (sink += personaEngine.accessFor(agent).length)));
}
const adminAccessFor = summarize(
  Array.from({ length: 60 }, () => timeUs(() => (sink += personaEngine.accessFor(admin).length))),
);
const viewerAccessFor = summarize(viewerRuns.slice(20));
const agentAccessFor = summarize(agentRuns.slice(20));
const caseRefs = world.entities.filter((e) => e.kind === 'case');
const personaPairs = Array.from({ length: 20_000 }, () => rng.pick(caseRefs));
const checkAs = (who: PrincipalRef) => (i: number) => {
  sink += personaEngine.check(who, personaPairs[i] as EntityRef).permissions.length;
};
perCallUs(personaPairs.length, 10, checkAs(viewer));
perCallUs(personaPairs.length, 10, checkAs(agent));
// Six rounds in alternating order; each side's figure is the median of its round medians.
const viewerRounds: number[] = [];
const agentRounds: number[] = [];
for (let round = 0; round < 6; round++) {
  const first = round % 2 === 0 ? viewer : agent;
  const second = first === viewer ? agent : viewer;
  const a = perCallUs(personaPairs.length, 10, checkAs(first)).median;
  const b = perCallUs(personaPairs.length, 10, checkAs(second)).median;
  (first === viewer ? viewerRounds : agentRounds).push(a);
  (second === viewer ? viewerRounds : agentRounds).push(b);
}
const viewerCheck = summarize(viewerRounds);
const agentCheck = summarize(agentRounds);
figure(
  'accessFor of an agent (persona row, scope all) ÷ a case_viewer user, medians',
  agentAccessFor.median / viewerAccessFor.median,
  '×',
  1.25,
);
figure(
  'check of an agent ÷ a case_viewer user on cases, medians',
  agentCheck.median / viewerCheck.median,
  '×',
  1.25,
);
log(
  `persona rows: accessFor of a case_viewer user ${fmt(viewerAccessFor.median / 1000)} ms, of an agent ${fmt(agentAccessFor.median / 1000)} ms, of csm_admin (every table) ${fmt(adminAccessFor.median / 1000)} ms; check on cases ${fmt(viewerCheck.median)} µs vs ${fmt(agentCheck.median)} µs`,
);

// ── explain ────────────────────────────────────────────────────────────────────────────────────
const hits: [PrincipalRef, EntityRef][] = [];
for (const p of world.principals) {
  for (const entry of engine.accessFor(p)) if (hits.length < 50_000) hits.push([p, entry.entity]);
}
// Random pairs are 99% "none"; the pairs that do grant take the slower path through the records.
const grantedPairs = Array.from({ length: 20_000 }, () => rng.pick(hits));
const checkGranted = perCallUs(grantedPairs.length, 10, (i) => {
  const pair = grantedPairs[i] as [PrincipalRef, EntityRef];
  sink += engine.check(pair[0], pair[1]).permissions.length;
});
log(
  `check on 20,000 granted pairs (information): median ${fmt(checkGranted.median)} µs, p99 ${fmt(checkGranted.p99)} µs`,
);
const explainPairs = [...pairs.slice(0, 1000), ...Array.from({ length: 1000 }, () => rng.pick(hits))];
for (const [p, e] of explainPairs.slice(0, 200)) engine.explain(p, e);
const explain = summarize(
  explainPairs.map(([p, e]) => timeUs(() => (sink += engine.explain(p, e).grants.length))),
);
figure('explain median (1,000 random + 1,000 granted pairs)', explain.median, 'µs', 100);
log(`explain p99 ${fmt(explain.p99)} µs`);

// ── whatIf ─────────────────────────────────────────────────────────────────────────────────────
const soldProducts = world.facts.soldProducts.map((s) => s.id);
const accountParty = (kind: 'sold_product' | 'install_base', id: string, n: number) => ({
  op: 'add' as const,
  record: {
    id: `whatif${n}`,
    entity: { kind, id },
    party: { kind: 'account' as const, id: world.bigAccount },
    type: `${kind}_authorized_account`,
    responsibility: 'authorized_account',
  },
});
let whatIfRows = 0;
const whatIfSp = summarize(
  Array.from({ length: 200 }, (_, n) =>
    timeUs(
      () => (whatIfRows += engine.whatIf(accountParty('sold_product', rng.pick(soldProducts), n)).length),
    ),
  ),
);
const roots = world.facts.installBase.filter((i) => !i.parent).map((i) => i.id);
const whatIfIb = summarize(
  Array.from({ length: 200 }, (_, n) =>
    timeUs(() => engine.whatIf(accountParty('install_base', rng.pick(roots), n))),
  ),
);
figure(
  'whatIf: add an account party (50 contacts) on a sold product, median',
  whatIfSp.median / 1000,
  'ms',
  5,
);
log(
  `whatIf: ${(whatIfRows / 200).toFixed(0)} rows per change; on an install base root (subtree, sold products, cases) median ${fmt(whatIfIb.median / 1000)} ms, p99 ${fmt(whatIfIb.p99 / 1000)} ms`,
);

// ── Peers ──────────────────────────────────────────────────────────────────────────────────────
let peerRules!: ReturnType<typeof derivePeerRules>;
const deriveMs = timeUs(() => (peerRules = derivePeerRules(definitions, world.facts))) / 1000;
const subjects = buildSubjects(world.facts);
let casl!: CaslPeer;
const caslBuildMs = timeUs(() => (casl = new CaslPeer(peerRules))) / 1000;
const casbinStart = process.hrtime.bigint();
const casbin = await CasbinPeer.create(world.facts, peerRules);
const casbinBuildMs = Number(process.hrtime.bigint() - casbinStart) / 1e6;
log(
  `peers: rules precomputed from the same facts in ${fmt(deriveMs)} ms (${[...peerRules.values()].reduce((n, r) => n + r.length, 0)} rules); CASL abilities built in ${fmt(caslBuildMs)} ms, Casbin enforcers in ${fmt(casbinBuildMs)} ms`,
);

const MASK_LEVEL = ['none', 'read', 'read', 'write', 'read', 'read', 'read', 'full'];
const peerLevel = (mask: number) => MASK_LEVEL[mask === 0 ? 0 : mask | 1] as string;
const sample = [
  ...pairs.slice(0, AGREEMENT_SAMPLE / 2),
  ...Array.from({ length: AGREEMENT_SAMPLE / 2 }, () => rng.pick(hits)),
];
const agreement = (ask: (p: string, s: never) => number) => {
  let agreed = 0;
  const disagreements: string[] = [];
  for (const [p, e] of sample) {
    const ours = engine.check(p, e).level;
    const theirs = peerLevel(ask(formatRef(p), subjects.get(formatRef(e)) as never));
    if (ours === theirs) agreed++;
    else if (disagreements.length < 3)
      disagreements.push(`${formatRef(p)} ${formatRef(e)}: ours ${ours}, peer ${theirs}`);
  }
  return { compared: sample.length, agreed, disagreements };
};
const peerTiming = (count: number, peer: { check(p: string, s: Subject): number }) => {
  const keyed = pairs
    .slice(0, count)
    .map(([p, e]) => [formatRef(p), subjects.get(formatRef(e)) as Subject] as const);
  const askOne = (i: number) => {
    const pair = keyed[i] as readonly [string, Subject];
    sink += peer.check(pair[0], pair[1]);
  };
  perCallUs(Math.min(count, 1000), 10, askOne);
  return perCallUs(count, 10, askOne);
};
const peers = {
  casl: {
    ...peerTiming(CASL_PAIRS, casl),
    pairs: CASL_PAIRS,
    buildMs: caslBuildMs,
    ...agreement((p, s) => casl.check(p, s)),
  },
  casbin: {
    ...peerTiming(CASBIN_PAIRS, casbin),
    pairs: CASBIN_PAIRS,
    buildMs: casbinBuildMs,
    ...agreement((p, s) => casbin.check(p, s)),
  },
};
for (const [name, peer] of Object.entries(peers)) {
  log(
    `${name}: check median ${fmt(peer.median)} µs over ${peer.pairs} pairs (${fmt(peer.median / check.median)}× ours); agrees with the engine on ${peer.agreed}/${peer.compared} sampled answers${peer.disagreements.length ? ` — e.g. ${peer.disagreements.join('; ')}` : ''}`,
  );
}
const fastest = Math.min(peers.casl.median, peers.casbin.median);
figure('check speed-up over the fastest peer (median)', fastest / check.median, '×', 20, 'min');

// ── Report ─────────────────────────────────────────────────────────────────────────────────────
if (JSON_OUTPUT) {
  console.log(
    JSON.stringify(
      {
        world: { ...SIZES, records: world.facts.relatedParties.length, roles: definitions.roles.length },
        buildMs: { ...build, cold: coldBuildMs },
        baselineBuildMs: baselineBuild,
        buildRatio,
        checkUs: check,
        checkLevels: levelCounts,
        checkGrantedUs: checkGranted,
        accessForUs: accessFor,
        explainUs: explain,
        whatIfMs: {
          soldProduct: { median: whatIfSp.median / 1000, p99: whatIfSp.p99 / 1000 },
          installBase: { median: whatIfIb.median / 1000, p99: whatIfIb.p99 / 1000 },
        },
        peers: { deriveMs, ...peers },
        figures: figures.map((f) => ({ ...f, pass: pass(f) })),
        sink,
      },
      null,
      2,
    ),
  );
} else {
  console.log('');
  for (const f of figures) {
    const target = `${f.kind === 'max' ? '<' : '≥'} ${f.target} ${f.unit}`;
    console.log(`${pass(f) ? 'PASS' : 'MISS'}  ${f.name}: ${fmt(f.value)} ${f.unit} (target ${target})`);
  }
  console.log(`(checksum ${sink})`);
}
