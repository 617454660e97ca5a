// The README part of scripts/generate.mjs: the command reference and the
// authorization table, from describeCommands.

const SHORT = {
  verified_guardian: 'verified guardian', unverified_guardian: 'unverified guardian', other_household: 'other household',
  child: 'child', teen: 'teen', adult: 'adult', device: 'device', support_with_request: "support + parent's request",
  support_without_request: 'support alone', system: 'system', operator: 'operator',
};

export function accessMarkdown(doc) {
  const kinds = doc.$defs.ActorKind.enum;
  const head = `| command | on | ${kinds.map((k) => SHORT[k]).join(' | ')} |`;
  const rule = `| --- | --- | ${kinds.map(() => ':---:').join(' | ')} |`;
  const rows = [];
  for (const c of doc.commands) {
    for (const r of c.access) {
      const mark = (k) => (r.allow.includes(k) ? 'yes' : r.self.includes(k) ? 'self' : '·');
      rows.push(`| \`${c.name}\` | ${r.target} | ${kinds.map(mark).join(' | ')} |`);
    }
  }
  return [head, rule, ...rows].join('\n');
}

function kindOf(s, defs) {
  if (s.$ref) return `\`${s.$ref.split('/').pop().replace(/Input$/, '')}\``;
  if (s.anyOf) return s['x-type'] === 'Instant' ? 'instant' : s.anyOf.map((x) => kindOf(x, defs)).filter((x) => x !== 'null').join(' or ');
  if (s.const !== undefined) return `\`${s.const}\``;
  if (s.type === 'array') return `list of ${kindOf(s.items, defs)}`;
  if (s.type === 'integer') return s.minimum !== undefined ? `${s.minimum}..${s.maximum}` : 'number';
  if (s.type === 'string') return s.format === 'date' ? 'YYYY-MM-DD' : s.minLength && s.maxLength === 128 ? 'id' : 'text';
  return s.type ?? 'value';
}

function who(c) {
  if (c.actor === 'none') return 'anyone, no actor (no household data)';
  return c.access.map((r) => {
    const names = [...r.allow.map((k) => SHORT[k]), ...r.self.map((k) => `${SHORT[k]} (own)`)];
    return `${r.target}: ${names.length ? names.join(', ') : 'nobody'}`;
  }).join('; ');
}

// Rule ids link to the rule catalogue.
const linked = (text) => text.replace(/R-([A-Z]+)-(\d+)(\.\.\d+)?/g, (id, area, n) => `[${id}](docs/rules.md#r-${area.toLowerCase()}-${n})`);

export function referenceMarkdown(doc) {
  const out = [];
  for (const c of doc.commands) {
    out.push(`#### \`${c.name}\``, '', linked(c.summary), '');
    out.push(`- Who: ${who(c)}.`);
    const effects = c.changes ? `Changes the household; audit: ${c.audits.map((a) => `\`${a}\``).join(', ')}` : 'Reads only';
    out.push(`- ${effects}${c.deletes ? '; may delete recordings (their ids are in `effects.deletedRecordingIds`)' : ''}.`);
    const required = new Set(c.input.required ?? []);
    const fields = Object.entries(c.input.properties)
      .filter(([k]) => k !== 'command')
      .map(([k, s]) => `\`${k}\`${required.has(k) ? '' : '?'} (${kindOf(s, doc.$defs)})`);
    if (c.input.oneOf) {
      const arms = c.input.oneOf.map((v) => {
        const kind = Object.entries(v.properties ?? {}).map(([k, s]) => `${k} \`${s.const}\``).join('');
        return `${kind || 'with'}: ${(v.required ?? []).map((f) => `\`${f}\``).join(', ') || 'nothing more'}`;
      });
      fields.push(`one of: ${arms.join('; ')}`);
    }
    out.push(`- Input: ${fields.length ? fields.join(', ') : 'nothing'}.`);
    const answer = c.output.$ref ? c.output.$ref.split('/').pop() : c.output['x-type'] ?? 'object';
    out.push(`- Answer: \`${answer}\`.`, '');
  }
  return out.join('\n').trimEnd();
}
