// Where the time goes in a V8 CPU profile (node --cpu-prof, or Chrome's
// Profiler domain): the heaviest functions by self time and by total time
// (self plus what they call), with their shares of the profile. Wasm
// functions appear by their names in the module's name section (or as
// wasm-function[N] when it has none).
//
//   node bench/lib/profile.mjs <file.cpuprofile> [--top N]
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';

const IDLE = new Set(['(idle)', '(program)', '(garbage collector)']);

function label({ functionName, url, lineNumber }) {
  const where = url ? `${basename(url.replace(/^.*[/\\]/, ''))}:${lineNumber + 1}` : '';
  return `${functionName || '(anonymous)'}${where ? ` ${where}` : ''}`;
}

/** { self, total, all }: milliseconds by function label, and the profile's whole span. */
export function weigh(profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map();
  const total = new Map();
  let all = 0;
  const deltas = profile.timeDeltas ?? [];
  profile.samples.forEach((id, i) => {
    const ms = (deltas[i + 1] ?? deltas[i] ?? 0) / 1000;
    all += ms;
    const node = byId.get(id);
    const name = IDLE.has(node.callFrame.functionName) ? node.callFrame.functionName : label(node.callFrame);
    self.set(name, (self.get(name) ?? 0) + ms);
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at).callFrame;
      const key = IDLE.has(frame.functionName) ? frame.functionName : label(frame);
      if (key === '(root)' || seen.has(key)) continue;
      seen.add(key);
      total.set(key, (total.get(key) ?? 0) + ms);
    }
  });
  return { self, total, all };
}

/** A printable summary: the top functions by self and by total time. */
export function summariseProfile(profile, top = 15) {
  const { self, total, all } = weigh(profile);
  const rows = (map) => [...map].sort((a, b) => b[1] - a[1]).slice(0, top)
    .map(([name, ms]) => `  ${(100 * ms / all).toFixed(1).padStart(5)}%  ${ms.toFixed(1).padStart(9)} ms  ${name}`);
  return [`profile: ${all.toFixed(0)} ms sampled`, 'by self time:', ...rows(self), 'by total time (self + callees):', ...rows(total)].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: node bench/lib/profile.mjs <file.cpuprofile> [--top N]');
    process.exit(2);
  }
  const at = process.argv.indexOf('--top');
  console.log(summariseProfile(JSON.parse(readFileSync(file, 'utf8')), at > 0 ? Number(process.argv[at + 1]) : 15));
}
