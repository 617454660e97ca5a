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

// User text (names, transcripts, references) can hold characters that change
// the direction of what surrounds it: an override such as U+202E makes
// "\u202Eevil\u202C Maya" display as "live Maya". Shown text drops every
// direction control and is isolated (<bdi>, or U+2068..U+2069 in plain
// strings), so a name neither reorders itself nor its neighbours.
const DIRECTION_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;
const RIGHT_TO_LEFT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;

/** User text without direction controls. */
export function cleanText(text) {
  return String(text ?? '').replace(DIRECTION_CONTROLS, '');
}

/** Whether `text` holds a direction control (a name typed with one is refused). */
export function hasDirectionControls(text) {
  return new RegExp(DIRECTION_CONTROLS.source, 'u').test(String(text ?? ''));
}

/**
 * User text for a plain string (a status line, an aria-label, a title). In a
 * left-to-right page only right-to-left letters can reorder their neighbours,
 * so only such text is wrapped in first-strong isolates.
 */
export function isolate(text) {
  const clean = cleanText(text);
  return RIGHT_TO_LEFT.test(clean) ? `\u2068${clean}\u2069` : clean;
}

/**
 * User text as a node: <bdi> (isolated both ways). `truncate`: kept to one
 * line with an ellipsis by the style sheet, the full text in its title.
 */
export function userText(text, { truncate = false, className = 'user-text' } = {}) {
  const clean = cleanText(text);
  return el('bdi', { class: [className, truncate ? 'truncate' : null], title: truncate ? clean : null }, clean);
}
