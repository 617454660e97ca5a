// What crosses into the engine: the JSON text of a command, built from the
// input's own data properties only. A `toJSON`, a getter, a Proxy's traps or
// a class instance cannot change what a typed method sends (R-INT-5):
// JSON.stringify alone would call them.
//
// The input is copied in one walk, each value read once from its own
// property descriptor, into fresh plain objects and arrays that
// JSON.stringify then writes: what is checked is what is sent, whatever the
// input's prototypes, toJSON methods or Proxy traps would say. A value's
// path is made only for an error.

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

// A walk: the keys from the root to the value being copied, for an error's path.
class Walk {
  constructor(root) {
    this.root = root;
    this.keys = [];
  }

  fail(message) {
    let text = this.root;
    for (const key of this.keys) text = typeof key === 'number' ? `${text}[${key}]` : (text ? `${text}.${key}` : key);
    return new InputError(text, message);
  }

  // A plain copy of one own data value: only data, read once from its descriptor.
  value(v, depth) {
    switch (typeof v) {
      case 'string':
      case 'boolean':
        return v;
      case 'number':
        if (!Number.isFinite(v)) throw this.fail(`must be a finite number, not ${v}`);
        return v;
      case 'object':
        break;
      default:
        throw this.fail(`a ${typeof v} cannot be sent to the engine`);
    }
    if (v === null) return null;
    if (v instanceof Date) {
      let t;
      try {
        t = Date.prototype.getTime.call(v);
      } catch {
        throw this.fail('is not a Date');
      }
      if (Number.isNaN(t)) throw this.fail('is an invalid Date');
      return t;
    }
    if (depth >= MAX_DEPTH) throw this.fail(`nests deeper than ${MAX_DEPTH} levels`);
    if (Array.isArray(v)) {
      const out = new Array(v.length);
      for (let i = 0; i < v.length; i++) {
        this.keys.push(i);
        const d = Object.getOwnPropertyDescriptor(v, i);
        if (!d || !('value' in d)) throw this.fail('is a hole or an accessor: only values are sent');
        out[i] = this.value(d.value, depth + 1);
        this.keys.pop();
      }
      return out;
    }
    if (!isPlain(v)) throw this.fail('must be a plain object (its own data properties are what is sent)');
    return this.members(v, depth, {});
  }

  // v's own enumerable data properties, copied into `out` (undefined ones left out).
  members(v, depth, out, leaveOut) {
    for (const key of Object.keys(v)) {
      if (key === leaveOut) continue;
      this.keys.push(key);
      const d = Object.getOwnPropertyDescriptor(v, key);
      if (!('value' in d)) throw this.fail('is an accessor: only data properties are sent');
      if (d.value === undefined) {
        // left out, as JSON.stringify would
      } else if (key === '__proto__') {
        // A key like any other (assigned, it would set the copy's prototype).
        Object.defineProperty(out, key, { value: this.value(d.value, depth + 1), enumerable: true, writable: true, configurable: true });
      } else {
        out[key] = this.value(d.value, depth + 1);
      }
      this.keys.pop();
    }
    return out;
  }
}

/** The JSON text of `value`, only its own data (undefined properties left out), or an InputError at `path`. */
export function dataText(value, path = '') {
  return JSON.stringify(new Walk(path).value(value, 0));
}

/** The value of input's own data property `key` (undefined when there is none), never calling a getter. */
export function ownValue(input, key) {
  const d = input !== null && typeof input === 'object' ? Object.getOwnPropertyDescriptor(input, key) : undefined;
  if (d && !('value' in d)) throw new InputError(key, 'is an accessor: only data properties are sent');
  return d?.value;
}

/** The command's JSON text: `{"command": name, ...input}`, the name first; `leaveOut` is sent apart. */
export function commandText(name, input, leaveOut) {
  if (input === undefined) input = {};
  if (input === null || typeof input !== 'object' || Array.isArray(input) || !isPlain(input))
    throw new InputError('', `${name} takes one plain object`);
  if (Object.keys(input).includes('command') && ownValue(input, 'command') !== undefined) {
    throw new InputError('command', 'is given by the method: leave it out');
  }
  return JSON.stringify(new Walk('').members(input, 0, { command: name }, leaveOut));
}
