// Small DOM helpers. Text goes in through textContent / text nodes only:
// nothing here (or anywhere in web/) parses strings as HTML.

/**
 * el('button', { type: 'button', class: 'link', onClick: fn, dataset: { id } }, 'Delete')
 * Properties: `class`, `dataset`, `on<Event>` handlers, boolean/string
 * attributes (false/null/undefined leave it out). Children: nodes, strings
 * (added as text), numbers, arrays, null/false (skipped).
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') {
      node.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (key === 'value' || key === 'checked' || key === 'selected') node[key] = value;
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

export function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Replaces every child of `node` with `children`. */
export function replaceChildren(node, ...children) {
  node.replaceChildren();
  return append(node, children);
}

/**
 * A DOM id: a fixed prefix, then untrusted parts (such as a recording id),
 * joined by "--". Inside a part only [A-Za-z0-9] stay as they are; any other
 * character becomes _<hex>_, so a part never holds "-" and the result is
 * stable and unique per input.
 */
export function domId(prefix, ...parts) {
  const escape = (part) => Array.from(String(part), (ch) => (/[A-Za-z0-9]/.test(ch) ? ch : `_${ch.codePointAt(0).toString(16)}_`)).join('');
  return [prefix, ...parts.map(escape)].join('--');
}
