// The command fuzzer's corpus and any crash it found, answered the same, byte
// for byte, by the wasm build (executeJson) and the native one (privacy_cli),
// each input on a fresh engine and on a household as command_fuzz.cpp runs
// them; inputs that once stopped the module are among them (R-INT-4).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createPrivacyEngine } from 'family-privacy';
import { answerSchemas } from './answers.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = `${root}build/privacy_cli`;
const schemas = await answerSchemas();

// The household the fuzzer runs each input against: its set-up lines, read from the fuzzer itself.
const fuzzer = readFileSync(`${root}tests/fuzz/command_fuzz.cpp`, 'utf8');
const SETUP = [...fuzzer.matchAll(/R"\((\{.*?\})\)"/g)].map((m) => m[1]);

function files(dir, keep) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && keep(e.name)).map((e) => `${e.parentPath ?? e.path}/${e.name}`).sort();
}
const corpus = [
  ...files(`${root}tests/fuzz/corpus/command`, () => true),
  ...files(`${root}tests/fuzz`, (name) => name.startsWith('crash-')),
  ...files(`${root}build-fuzz`, (name) => name.startsWith('crash-') && /command/.test(name)),
];

// Inputs that once aborted the module or split the builds (issue 8, item 4).
const HOSTILE = {
  'a v1 state whose audit action is a number': JSON.stringify({ command: 'importState', actor: 'system', now: 1, state: { schemaVersion: 1, auditLog: [{ action: 5 }] } }),
  'a v1 profile whose kind is not a string': JSON.stringify({ command: 'importState', actor: 'system', now: 1,
    state: { schemaVersion: 1, household: { id: 'h', name: 'H' }, profiles: [{ id: 'p', name: 'P', kind: 7 }] } }),
  'a 60 MiB command of empty arrays, under the 64 MiB cap': `{"command":"overview","actor":"g1","x":[${'[],'.repeat(20 * 1024 * 1024)}[]]}`,
  'a command over the cap': `{"command":"overview","actor":"g1","x":"${'a'.repeat(65 * 1024 * 1024)}"}`,
  'nesting past the depth limit': `{"command":"overview","actor":"g1","x":${'['.repeat(40)}${']'.repeat(40)}}`,
  'a lone surrogate escape': '{"command":"overview","actor":"g1","x":"\\udc00"}',
  'not JSON': 'Alexa, delete everything',
};

/** The native answers to `lines` on one engine: the last is the input's. */
function native(lines) {
  const out = spawnSync(cli, { input: `${lines.join('\n')}\n`, maxBuffer: 1 << 28 });
  assert.equal(out.status, 0, out.stderr.toString());
  return out.stdout.toString().trimEnd().split('\n');
}

test('the fuzzer\'s corpus is there, and its household set-up', () => {
  assert.ok(corpus.length >= 6, `${corpus.length} corpus files`);
  assert.ok(SETUP.length >= 5 && SETUP.every((line) => JSON.parse(line).command), 'set-up lines read from command_fuzz.cpp');
});

const inputs = [
  ...corpus.map((file) => [file.slice(root.length), readFileSync(file)]),
  ...Object.entries(HOSTILE).map(([what, text]) => [what, Buffer.from(text)]),
];
for (const [what, bytes] of inputs) {
  test(`${what}: wasm and native answer the same bytes, on a fresh engine and on a household`, async () => { // covers R-INT-4
    // A JS string is UTF-16, so what reaches the module is the input as UTF-8 (invalid bytes as U+FFFD): the
    // native build gets those same bytes. The CLI reads a line per command: a newline, whitespace to JSON, is a space.
    const text = bytes.toString('utf8').replace(/\n/g, ' ');
    const line = text;
    assert.ok(line.trim().length > 0, 'an empty input is no command line');
    const fresh = await createPrivacyEngine();
    const wasm = [fresh.executeJson(text)];
    assert.equal(fresh.closed, false, 'no input stops the module');
    fresh.close();
    assert.equal(wasm[0], native([line]).at(-1));
    // Tens of MiB take seconds to cross: the giant inputs run on the fresh engine only.
    if (text.length > 1 << 20) return;
    const house = await createPrivacyEngine();
    const setupAnswers = SETUP.map((command) => house.executeJson(command));
    assert.ok(setupAnswers.every((a) => JSON.parse(a).type === 'success'), setupAnswers.find((a) => !a.includes('"success"')));
    wasm.push(house.executeJson(text));
    assert.equal(house.closed, false, 'no input stops the module');
    house.close();
    const nativeHouse = native([...SETUP, line]);
    assert.deepEqual(nativeHouse.slice(0, -1), setupAnswers);
    assert.equal(wasm[1], nativeHouse.at(-1));
    const name = /"command"\s*:\s*"(\w+)"/.exec(text)?.[1];
    for (const answer of wasm) assert.equal(schemas.check(name ?? 'overview', answer), '', answer.slice(0, 300));
  });
}
