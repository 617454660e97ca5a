// docs/ against the code: every rule id cited in core/, bindings/, web/,
// tests/ (and the README) has its entry in docs/rules.md; every file, test
// and anchor the docs name exists; and the state digest recipe in
// docs/design.md recomputes the digest of real exports (from build/privacy_cli,
// the native build that scripts/generate.mjs also runs). Rules documented but
// cited nowhere are reported, not failed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const read = (path) => readFileSync(join(ROOT, path), 'utf8');
const RULES = read('docs/rules.md');
const DESIGN = read('docs/design.md');

// A rule id, or a range of them ("R-DEL-1..6").
const CITED = /R-([A-Z]+)-(\d+)(?:\.\.(\d+))?/g;
const SOURCES = /\.(cpp|hpp|h|mjs|js|ts|json|html|css|md)$/;

function files(dir) {
  const out = [];
  for (const name of readdirSync(join(ROOT, dir))) {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) {
      if (name !== 'node_modules' && name !== 'corpus') out.push(...files(path));
    } else if (SOURCES.test(name)) out.push(path);
  }
  return out;
}

// id -> the files that cite it.
function citations() {
  const cited = new Map();
  for (const path of [...['core', 'bindings', 'web', 'tests'].flatMap(files), 'README.md']) {
    for (const m of read(path).matchAll(CITED)) {
      const last = Number(m[3] ?? m[2]);
      for (let n = Number(m[2]); n <= last; n++) {
        const id = `R-${m[1]}-${n}`;
        if (!cited.has(id)) cited.set(id, new Set());
        cited.get(id).add(path);
      }
    }
  }
  return cited;
}

const documented = new Set([...RULES.matchAll(/^### (R-[A-Z]+-\d+)$/gm)].map((m) => m[1]));

test('every rule id the code, the tests and the README cite has its entry in docs/rules.md', (t) => {
  const cited = citations();
  assert.ok(cited.size > 40, `found ${cited.size} cited rule ids`);
  const missing = [...cited].filter(([id]) => !documented.has(id)).map(([id, where]) => `${id} (cited in ${[...where].join(', ')})`);
  assert.deepEqual(missing, [], 'cited rule ids without an entry in docs/rules.md');
  const uncited = [...documented].filter((id) => !cited.has(id));
  t.diagnostic(uncited.length ? `documented, cited nowhere: ${uncited.join(', ')}` : 'every documented rule is cited');
  const untested = [...documented].filter((id) => ![...(cited.get(id) ?? [])].some((path) => path.startsWith('tests/')));
  t.diagnostic(untested.length ? `documented, cited by no test: ${untested.join(', ')}` : 'every documented rule is cited by a test');
});

test('every file the docs name exists, and every test docs/rules.md lists is in its file', () => {
  const missing = [];
  for (const [doc, text] of [['docs/rules.md', RULES], ['docs/design.md', DESIGN]]) {
    for (const [, path] of text.matchAll(/`((?:core|bindings|web|tests|scripts|bench|examples|cmake|docs)\/[\w./-]*)`/g)) {
      if (!existsSync(join(ROOT, path))) missing.push(`${doc}: ${path}`);
    }
  }
  // "- `tests/...`: the test's name", as rules.md lists them.
  for (const [, path, name] of RULES.matchAll(/^- `(tests\/[^`]+)`: (.+)$/gm)) {
    if (!existsSync(join(ROOT, path))) continue;  // reported above
    const source = read(path).replace(/\\(['"])/g, '$1');
    if (!source.includes(name)) missing.push(`docs/rules.md: no test "${name}" in ${path}`);
  }
  assert.deepEqual(missing, []);
});

// GitHub's anchors: lower case, punctuation dropped, spaces to hyphens.
const slug = (heading) => heading.toLowerCase().replace(/[^\p{L}\p{N}\- ]/gu, '').replace(/ /g, '-');
const anchors = (text) => new Set([...text.matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1])));

test('every link into docs/ (and within it) names an anchor that exists', () => {
  const targets = { 'docs/rules.md': anchors(RULES), 'docs/design.md': anchors(DESIGN), 'README.md': anchors(read('README.md')) };
  const broken = [];
  for (const from of ['README.md', 'CONTRIBUTING.md', 'docs/rules.md', 'docs/design.md']) {
    for (const [, target, anchor] of read(from).matchAll(/\]\(([\w./-]*?)#([\w-]+)\)/g)) {
      const file = target ? relative(ROOT, join(ROOT, from, '..', target)) : from;
      if (!targets[file]) continue;
      if (!targets[file].has(anchor)) broken.push(`${from}: ${target}#${anchor}`);
    }
  }
  assert.deepEqual(broken, []);
});

const CLI = join(ROOT, 'build/privacy_cli');

function run(commands) {
  const input = `${commands.map((c) => JSON.stringify(c)).join('\n')}\n`;
  const out = spawnSync(CLI, { input, maxBuffer: 1 << 28 });
  assert.equal(out.status, 0, String(out.stderr));
  return out.stdout.toString().trim().split('\n').map((line) => JSON.parse(line));
}

// A household with three levels of digest tree (more than 32 x 32
// recordings), receipts, a removed profile, a jurisdiction and an override,
// text that needs escaping, and, from the v1 fixture, entries of the older
// hash formula.
function exports() {
  const at = Date.UTC(2026, 0, 1);
  const policy = { categories: ['audio', 'transcript', 'derived'].map((category) => ({ category, childMaxMonths: 18, adultMaxMonths: null, purpose: 'answering', businessNeed: 'improving' })) };
  const recordings = Array.from({ length: 1100 }, (_, i) => ({
    id: `r${i}`, profileId: i % 3 ? 'c1' : 'a1', deviceId: 'd1', capturedAt: at + i * 1000,
    audio: { ref: `audio/r${i}`, durationMs: 900 }, transcript: i === 7 ? 'tab\t"quoted" \\ é 😀 \u0001 \u2028' : `said ${i}`,
    derived: [{ id: `r${i}-intent`, kind: 'intent' }],
  }));
  const later = (days) => at + days * 86_400_000;
  const answers = run([
    { command: 'createHousehold', actor: 'operator', now: at, id: 'h1', name: 'The Riveras', retentionPolicy: policy },
    { command: 'addGuardian', actor: 'operator', now: at, guardian: { id: 'g1', name: 'Ana', verified: true } },
    { command: 'addGuardian', actor: 'operator', now: at, guardian: { id: 'g2', name: 'Zoë Ünal', verified: false } },
    { command: 'addDevice', actor: 'g1', now: at, device: { id: 'd1', name: 'Kitchen speaker' } },
    { command: 'addProfile', actor: 'g1', now: at, profile: { id: 'c1', name: 'Maya', kind: 'child', birthDate: '2018-02-28' } },
    { command: 'addProfile', actor: 'g1', now: at, profile: { id: 'a1', name: 'Sam', kind: 'adult' } },
    { command: 'addProfile', actor: 'g1', now: at, profile: { id: 'a2', name: 'Kim', kind: 'adult' } },
    { command: 'requestConsent', actor: 'g1', now: at, profileId: 'c1', method: 'signed_form' },
    { command: 'recordConsent', actor: 'g1', now: at, profileId: 'c1', method: 'signed_form', reference: 'form-1', verifiedBy: 'Acme Verify' },
    { command: 'addRecordings', actor: 'system', now: later(1), recordings },
    { command: 'deleteRecordings', actor: 'g1', now: later(2), requestId: 'q1', profileId: 'c1', kind: 'ids', ids: ['r1', 'r7', 'r1'] },
    { command: 'deleteRecordings', actor: 'a1', now: later(2), requestId: 'q2', profileId: 'a1', kind: 'range', from: at, to: at + 60_000 },
    { command: 'setJurisdiction', actor: 'g1', now: later(3), jurisdiction: 'US-CA' },
    { command: 'setJurisdictionPolicy', actor: 'operator', now: later(3), overrides: [{ code: 'US', consentAge: 13 }] },
    { command: 'removeProfile', actor: 'a2', now: later(4), profileId: 'a2', requestId: 'rm-1' },
    { command: 'exportState', actor: 'g1' },
  ]);
  assert.deepEqual(answers.filter((a) => a.type !== 'success'), []);
  const v1 = JSON.parse(read('tests/vectors/fixtures/household-v1.json'));
  // jurisdictionPolicy: schema 3 requires it and the migration does not add it yet.
  const migrated = run([
    { command: 'importState', actor: 'g1', now: Date.UTC(2026, 11, 1), state: { ...v1, jurisdictionPolicy: [] } },
    { command: 'exportState', actor: 'g1' },
  ]);
  assert.equal(migrated[0].type, 'success', JSON.stringify(migrated[0]));
  return [answers.at(-1).result, migrated[1].result];
}

test('the state digest recipe in docs/design.md recomputes the digest of real exports', { skip: !existsSync(CLI) && 'build/privacy_cli is not built' }, async () => { // covers R-INT-3
  const script = DESIGN.match(/<!-- state-digest:start -->\n```js\n([\s\S]*?)```\n<!-- state-digest:end -->/);
  assert.ok(script, 'docs/design.md holds the script between its markers');
  const dir = mkdtempSync(join(tmpdir(), 'state-digest-'));
  try {
    const file = join(dir, 'state-digest.mjs');
    writeFileSync(file, script[1]);
    const { stateDigest, auditProblem } = await import(pathToFileURL(file));
    const [state, migrated] = exports();
    assert.ok(state.recordings.length > 32 * 32 && state.receipts.length === 3 && state.removedProfiles.length === 1);
    assert.equal(stateDigest(state), state.auditLog.at(-1).stateDigest);
    assert.equal(auditProblem(state), null);
    assert.ok(migrated.auditLog.some((e) => e.stateDigest === null), 'the v1 fixture keeps its older entries');
    assert.equal(auditProblem(migrated), null);

    // The script and the engine agree on what is broken.
    const edited = structuredClone(state);
    edited.recordings[500].transcript = 'changed';
    assert.match(auditProblem(edited), /is not the one entry \d+ vouches for/);
    const refused = run([{ command: 'importState', actor: 'g1', now: Date.UTC(2026, 1, 1), state: edited }])[0];
    assert.equal(refused.errors?.[0]?.code, 'audit_invalid');
    const forged = structuredClone(state);
    forged.auditLog[3].details.name = 'Someone else';
    assert.equal(auditProblem(forged), 'entry 4: edited');

    // And the command line the docs show.
    const saved = join(dir, 'household.json');
    writeFileSync(saved, JSON.stringify(state));
    const out = spawnSync(process.execPath, [file, saved], { encoding: 'utf8' });
    assert.equal(out.status, 0, out.stderr);
    assert.equal(out.stdout, `state digest ${state.auditLog.at(-1).stateDigest}\nthe log vouches for it: ${state.auditLog.length} entries\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
