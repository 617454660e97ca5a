// What crosses into the engine: the JSON text of a command, built from the
// input's own data properties only. A `toJSON`, a getter or a class instance
// cannot change what a typed method sends (R-INT-5): JSON.stringify alone
// would call them.

const MAX_DEPTH = 32;

export class InputError extends Error {
  constructor(path, message) {
    super(message);
    this.path = path;
  }
}

function join(path, key) {
  return path ? `${path}.${key}` : key;
}

function isPlain(value) {
  const proto = Object.getPrototypeOf(value);
  // Another realm's Object.prototype is a plain object's too.
  return proto === null || proto === Object.prototype || Object.getPrototypeOf(proto) === null;
}

function data(value, path, depth) {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw new InputError(path, `must be a finite number, not ${value}`);
      return value;
    case 'object':
      break;
    default:
      throw new InputError(path, `a ${typeof value} cannot be sent to the engine`);
  }
  if (value === null) return null;
  if (value instanceof Date) {
    const t = value.getTime();
    if (Number.isNaN(t)) throw new InputError(path, 'is an invalid Date');
    return t;  // instants are epoch milliseconds
  }
  if (depth >= MAX_DEPTH) throw new InputError(path, `nests deeper than ${MAX_DEPTH} levels`);
  if (Array.isArray(value)) {
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      const d = Object.getOwnPropertyDescriptor(value, i);
      if (!d || !('value' in d)) throw new InputError(`${path}[${i}]`, 'is a hole or an accessor: only values are sent');
      out[i] = data(d.value, `${path}[${i}]`, depth + 1);
    }
    return out;
  }
  if (!isPlain(value)) throw new InputError(path, 'must be a plain object (its own data properties are what is sent)');
  const out = {};
  for (const key of Object.keys(value)) {
    const d = Object.getOwnPropertyDescriptor(value, key);
    if (!('value' in d)) throw new InputError(join(path, key), 'is an accessor: only data properties are sent');
    if (d.value === undefined) continue;
    out[key] = data(d.value, join(path, key), depth + 1);
  }
  return out;
}

/** A plain copy of `value` with only its own data: what JSON.stringify then writes as is. */
export function plainData(value, path = '') {
  return data(value, path, 0);
}

/** The command's JSON text: `{"command": name, ...input}`, the name first. */
export function commandText(name, input, leaveOut) {
  if (input === undefined) input = {};
  if (input === null || typeof input !== 'object' || Array.isArray(input) || !isPlain(input))
    throw new InputError('', `${name} takes one plain object`);
  const fields = plainData(input);
  if ('command' in fields) throw new InputError('command', 'is given by the method: leave it out');
  if (leaveOut) delete fields[leaveOut];
  return JSON.stringify({ command: name, ...fields });
}
