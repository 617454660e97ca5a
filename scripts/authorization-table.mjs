// Prints the engine's authorization table (R-CON-6) as Markdown, or with
// --write puts it into README.md between its markers. A test checks that the
// README and the engine agree.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SHORT = {
  verified_guardian: 'verified guardian', unverified_guardian: 'unverified guardian', other_household: 'other household',
  child: 'child', adult: 'adult', support_with_request: "support + parent's request", support_without_request: 'support alone',
  system: 'system', operator: 'operator',
};
const MARK = { allow: 'yes', deny: '·', self: 'self' };

export function markdownTable(table) {
  const head = `| command | on | ${table.actorKinds.map((k) => SHORT[k]).join(' | ')} |`;
  const rule = `| --- | --- | ${table.actorKinds.map(() => ':---:').join(' | ')} |`;
  const rows = table.rows.map((r) => `| \`${r.command}\` | ${r.target} | ${table.actorKinds.map((k) => MARK[r.decisions[k]]).join(' | ')} |`);
  return [head, rule, ...rows].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { createPrivacyEngine } = await import('../dist/index.mjs');
  const engine = await createPrivacyEngine();
  const text = markdownTable(engine.authorizationTable());
  engine.close();
  if (process.argv.includes('--write')) {
    const path = new URL('../README.md', import.meta.url);
    const readme = readFileSync(path, 'utf8');
    const start = '<!-- authorization-table:start -->';
    const end = '<!-- authorization-table:end -->';
    const [before, rest] = readme.split(start);
    const [, after] = rest.split(end);
    writeFileSync(path, `${before}${start}\n${text}\n${end}${after}`);
  } else {
    console.log(text);
  }
}
