// The TypeScript part of scripts/generate.mjs: describeCommands' JSON Schemas
// as types. Answers are interfaces whose every field is there (null when it
// has no value); inputs (`...Input`) leave out what may be left out; a
// command with variants (a deletion's kind, an ad decision's subject) is a
// union, so a missing field is a compile error, not a runtime one.

const SPECIAL = { Instant: 'Instant', EpochMs: 'number' };

export const pascal = (name) => name[0].toUpperCase() + name.slice(1);

function comment(text, indent = '') {
  if (!text) return '';
  return `${indent}/** ${text.replace(/\*\//g, '* /')} */\n`;
}

function typeNames(defs) {
  // An input-only record keeps its plain name (NewProfile, not NewProfileInput).
  return (name) => (name.endsWith('Input') && !defs[name.slice(0, -5)] ? name.slice(0, -5) : name);
}

function tsType(schema, name) {
  if (schema.$ref) return name(schema.$ref.split('/').pop());
  if (schema['x-type'] && SPECIAL[schema['x-type']]) return SPECIAL[schema['x-type']];
  // A string const is a string literal type; a boolean or number one its own literal (false, 2).
  if (schema.const !== undefined) return typeof schema.const === 'string' ? `'${schema.const}'` : String(schema.const);
  if (schema.anyOf) return schema.anyOf.map((s) => tsType(s, name)).join(' | ');
  if (schema.oneOf && !schema.properties) return schema.oneOf.map((s) => tsType(s, name)).join(' | ');
  if (schema.prefixItems) return `[${schema.prefixItems.map((s) => tsType(s, name)).join(', ')}]`;
  if (schema.enum) return schema.enum.map((w) => `'${w}'`).join(' | ');
  switch (schema.type) {
    case 'string': return 'string';
    case 'integer':
    case 'number': return 'number';
    case 'boolean': return 'boolean';
    case 'null': return 'null';
    case 'array': {
      const item = tsType(schema.items, name);
      return /[ |&]/.test(item) ? `Array<${item}>` : `${item}[]`;
    }
    case 'object':
      if (schema.properties) return objectBody(schema, name, '  ');
      return 'Record<string, unknown>';
    default: return 'unknown';
  }
}

function fieldDoc(s) {
  const parts = [];
  if (s.description) parts.push(s.description);
  const inner = s.anyOf ? s.anyOf.find((x) => x.type !== 'null') ?? s : s;
  // Ranges worth saying (counts and sequence numbers go to 2^53).
  if (inner.type === 'integer' && inner.minimum !== undefined && inner['x-type'] === undefined && inner.maximum < 2 ** 53)
    parts.push(`${inner.minimum}..${inner.maximum}`);
  if (inner['x-maxBytes'] && inner['x-maxBytes'] !== 128) parts.push(`at most ${inner['x-maxBytes']} bytes`);
  return parts.join('; ');
}

function objectBody(schema, name, indent, skip = new Set()) {
  const required = new Set(schema.required ?? []);
  const lines = ['{'];
  for (const [key, s] of Object.entries(schema.properties ?? {})) {
    if (skip.has(key)) continue;
    lines.push(`${comment(fieldDoc(s), indent)}${indent}${key}${required.has(key) ? '' : '?'}: ${tsType(s, name)};`);
  }
  lines.push(`${indent.slice(2)}}`);
  return lines.join('\n');
}

// A command's input: its fields, then a union of its variants.
function inputType(command, name) {
  const schema = command.input;
  const variants = schema.oneOf ?? [];
  const variantFields = new Set();
  for (const v of variants) {
    for (const k of Object.keys(v.properties ?? {})) variantFields.add(k);
    for (const k of v.required ?? []) variantFields.add(k);
    for (const k of v['x-allowed'] ?? []) variantFields.add(k);
  }
  const skip = new Set(['command', ...variantFields]);
  const base = objectBody(schema, name, '  ', skip);
  if (!variants.length) return base;
  const arms = variants.map((v) => {
    const lines = ['{'];
    const own = new Set([...(v.required ?? []), ...(v['x-allowed'] ?? []), ...Object.keys(v.properties ?? {})]);
    for (const key of variantFields) {
      if (!own.has(key)) {
        lines.push(`  ${key}?: never;`);
        continue;
      }
      let prop = v.properties?.[key] ?? schema.properties[key];
      const required = (v.required ?? []).includes(key) || v.properties?.[key]?.const !== undefined;
      // A field a variant requires must have a value: not null.
      if (required && prop.anyOf) prop = { ...prop, anyOf: prop.anyOf.filter((s) => s.type !== 'null') };
      lines.push(`${comment(fieldDoc(schema.properties[key] ?? {}), '  ')}  ${key}${required ? '' : '?'}: ${tsType(prop, name)};`);
    }
    lines.push('}');
    return lines.join('\n');
  });
  return `${base} & (\n${arms.join(' | ')}\n)`;
}

function outputType(command, name) {
  const s = command.output;
  if (s.$ref) return name(s.$ref.split('/').pop());
  if (s['x-type']) return SPECIAL[s['x-type']] ?? 'unknown';
  return tsType(s, name);
}

export function typesModule(doc) {
  const defs = doc.$defs;
  const name = typeNames(defs);
  const out = [
    '/** Epoch milliseconds, an ISO-8601 string with `Z` or an offset, or a Date. Answers always carry epoch milliseconds. */',
    'export type Instant = number | string | Date;',
    '',
  ];
  for (const key of Object.keys(defs).sort()) {
    const def = defs[key];
    if (def.enum) out.push(`export type ${name(key)} = ${def.enum.map((w) => `'${w}'`).join(' | ')};`);
  }
  out.push('');
  for (const key of Object.keys(defs).sort()) {
    const def = defs[key];
    if (def.enum || def.type !== 'object') continue;
    out.push(`export interface ${name(key)} ${objectBody(def, name, '  ')}`);
  }
  out.push('');
  for (const c of doc.commands) {
    out.push(comment(`The input of \`${c.name}\`.`));
    out.push(`export type ${pascal(c.name)}Input = ${inputType(c, name)};`);
  }
  out.push('', '/** Every command\'s input, by name. */', 'export interface CommandInputs {');
  for (const c of doc.commands) out.push(`  ${c.name}: ${pascal(c.name)}Input;`);
  out.push('}', '/** Every command\'s answer, by name. */', 'export interface CommandResults {');
  for (const c of doc.commands) out.push(`  ${c.name}: ${outputType(c, name)};`);
  out.push('}', 'export type CommandName = keyof CommandInputs;', '');
  out.push('/** What a command did besides its answer. */',
    'export interface Effects {', '  /** The household changed (and the audit log says how). */', '  changed: boolean;',
    '  /** Recordings this engine no longer holds: their audio can go too. */', '  deletedRecordingIds: string[];', '}',
    'export interface Answer<R> { result: R; effects: Effects }', '');
  out.push('/** One method per command; each returns its answer. */', 'export interface Commands {');
  for (const c of doc.commands) {
    const input = `${pascal(c.name)}Input`;
    const optional = Object.keys(c.input.properties).length === 1 && c.actor === 'none';
    const param = c.input.properties.state
      ? `input: Omit<${input}, 'state'> & { state: HouseholdState | string }`
      : `input${optional ? '?' : ''}: ${input}`;
    const access = c.actor === 'none' ? 'No actor: it reads no household data.' : '';
    out.push(comment([c.summary, access].filter(Boolean).join(' '), '  ').trimEnd());
    out.push(`  ${c.name}(${param}): ${outputType(c, name)};`);
  }
  out.push('}', '');
  return out.join('\n');
}
