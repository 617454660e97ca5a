// What crosses into the engine: the JSON text of a command, built from the
// input's own data properties only. A `toJSON`, a getter or a class instance
// cannot change what a typed method sends (R-INT-5): JSON.stringify alone
// would call them.
//
// The input is checked in place first, without copying it or building the
// path of every value (for an intake of 10,000 recordings both were a fifth
// of the time, issue 10): once nothing in it is an accessor, a function or a
// class instance, JSON.stringify writes exactly its own data. Only a Date
// (sent as its epoch milliseconds) needs a replacer.

const MAX_DEPTH = 32;

export class InputError extends Error {
  constructor(path, message) {
    super(message);
    this.path = path;
  }
}

function isPlain(value) {
  const proto = Object.getPrototypeOf(value);
  // Another realm's Object.prototype is a plain object's too.
  return proto === null || proto === Object.prototype || Object.getPrototypeOf(proto) === null;
}

// The keys from the root to the value being checked; their text only for an error.
const keys = [];
function pathText(root) {
  let text = root;
  for (const key of keys) text = typeof key === 'number' ? `${text}[${key}]` : (text ? `${text}.${key}` : key);
  return text;
}

// Throws an InputError for anything but data; true when `value` holds a Date.
function check(value, root, depth) {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return false;
    case 'number':
      if (!Number.isFinite(value)) throw new InputError(pathText(root), `must be a finite number, not ${value}`);
      return false;
    case 'object':
      break;
    default:
      throw new InputError(pathText(root), `a ${typeof value} cannot be sent to the engine`);
  }
  if (value === null) return false;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new InputError(pathText(root), 'is an invalid Date');
    return true;
  }
  if (depth >= MAX_DEPTH) throw new InputError(pathText(root), `nests deeper than ${MAX_DEPTH} levels`);
  let dates = false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      keys.push(i);
      const d = Object.getOwnPropertyDescriptor(value, i);
      if (!d || !('value' in d)) throw new InputError(pathText(root), 'is a hole or an accessor: only values are sent');
      if (check(d.value, root, depth + 1)) dates = true;
      keys.pop();
    }
    return dates;
  }
  if (!isPlain(value)) throw new InputError(pathText(root), 'must be a plain object (its own data properties are what is sent)');
  for (const key of Object.keys(value)) {
    keys.push(key);
    const d = Object.getOwnPropertyDescriptor(value, key);
    if (!('value' in d)) throw new InputError(pathText(root), 'is an accessor: only data properties are sent');
    if (d.value !== undefined && check(d.value, root, depth + 1)) dates = true;
    keys.pop();
  }
  return dates;
}

// Instants are epoch milliseconds: a Date is sent as its getTime() (the
// replacer sees the Date before Date.prototype.toJSON made it a string).
function withTimes(key, value) {
  const original = this[key];
  return original instanceof Date ? original.getTime() : value;
}

// Throws an InputError at `path` for anything but data; true when it holds a Date.
function checked(value, path) {
  keys.length = 0;
  try {
    return check(value, path, 0);
  } finally {
    keys.length = 0;
  }
}

const stringify = (value, dates) => (dates ? JSON.stringify(value, withTimes) : JSON.stringify(value));

/** The JSON text of `value`, only its own data (undefined properties left out), or an InputError at `path`. */
export function dataText(value, path = '') {
  return stringify(value, checked(value, path));
}

/** The command's JSON text: `{"command": name, ...input}`, the name first. */
export function commandText(name, input, leaveOut) {
  if (input === undefined) input = {};
  if (input === null || typeof input !== 'object' || Array.isArray(input) || !isPlain(input))
    throw new InputError('', `${name} takes one plain object`);
  const dates = checked(input, '');
  if (Object.hasOwn(input, 'command') && input.command !== undefined) {
    throw new InputError('command', 'is given by the method: leave it out');
  }
  // Only the keys checked above, read as the data properties they are; no
  // prototype, so that a key named __proto__ stays a key.
  const fields = Object.create(null);
  fields.command = name;
  for (const key of Object.keys(input)) if (key !== leaveOut && key !== 'command') fields[key] = input[key];
  return stringify(fields, dates);
}
