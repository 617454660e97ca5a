// The page's one modal dialog, on the native <dialog> element: focus moves
// in, Escape cancels, focus returns to where it was when it closes.
// It asks before anything is deleted, replaced or disclosed, showing exactly
// what would go (the engine's own count and the list); receipts are shown in
// place afterwards (receipts.js), not here.

import { el, replaceChildren } from './dom.js';
import { countLines, reasonText } from './format.js';

export class ConfirmDialog {
  constructor(parent) {
    this.dialog = el('dialog', { class: 'dialog', id: 'confirm-dialog', 'aria-labelledby': 'confirm-dialog-title' });
    parent.append(this.dialog);
    this.settle = null;
    this.returnFocus = null;
    // Tab and Shift+Tab go round the dialog's own controls rather than out of the page.
    this.dialog.addEventListener('keydown', (event) => {
      if (event.key !== 'Tab') return;
      const controls = Array.from(this.dialog.querySelectorAll('button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])')).filter(
        (node) => !node.disabled && node.offsetParent !== null,
      );
      if (controls.length === 0) return;
      const first = controls[0];
      const last = controls[controls.length - 1];
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first.focus();
      }
    });
    this.dialog.addEventListener('close', () => {
      const settle = this.settle;
      this.settle = null;
      const target = this.returnFocus;
      this.returnFocus = null;
      settle?.(this.dialog.returnValue);
      // The page may have re-rendered behind the dialog: find the control again by id.
      const again = target?.id ? document.getElementById(target.id) : target;
      if (again && again.isConnected && document.activeElement === document.body) again.focus();
    });
  }

  get open() {
    return this.dialog.open;
  }

  #open(children, initialFocus) {
    if (this.settle) {
      this.settle('');
      this.settle = null;
    }
    if (!this.dialog.open) this.returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    this.dialog.returnValue = '';
    replaceChildren(this.dialog, children);
    const result = new Promise((resolve) => {
      this.settle = resolve;
    });
    if (!this.dialog.open) this.dialog.showModal();
    initialFocus?.focus();
    return result;
  }

  #closeButton(label, value, className, id) {
    return el('button', { type: 'button', class: className, id, value, onClick: () => this.dialog.close(value) }, label);
  }

  /**
   * Shows what a deletion would delete (the engine's preview: recordingIds,
   * counts, reason), with the list of what goes (`items`: nodes, the first
   * of them; `more`: how many are not listed), and asks to confirm.
   * `whenNothing` ({ text, confirmLabel }): what to say, and still ask, when
   * nothing would be deleted (removing an empty profile); without it there
   * is only Close. Resolves true only on the confirm button.
   */
  confirmDeletion({ title, description, preview, items = [], more = 0, note, confirmLabel = 'Delete permanently', whenNothing = null }) {
    const nothing = preview.recordingIds.length === 0;
    const body = nothing
      ? [el('p', { class: 'nothing' }, whenNothing?.text ?? `Nothing to delete: ${reasonText(preview.reason) || 'no recording matches'}.`)]
      : [
          el('p', {}, 'This permanently deletes, with no way to bring it back:'),
          el('ul', { class: 'counts preview-counts' }, countLines(preview.counts).filter((line) => !line.startsWith('0 ')).map((line) => el('li', {}, line))),
          items.length
            ? el(
                'div',
                // A long list scrolls: then the keyboard can reach it to scroll it.
                { class: 'preview-scroll', tabindex: items.length > 5 ? '0' : null, role: 'region', 'aria-label': 'What goes' },
                el('ol', { class: 'preview-items' }, items.map((item) => el('li', {}, item))),
                more > 0 ? el('p', { class: 'hint preview-more' }, `…and ${more.toLocaleString()} more.`) : null,
              )
            : null,
          el('p', { class: 'hint' }, 'Nothing of it can be used afterwards, for any purpose, model training included.'),
        ];
    return this.confirm({
      title,
      description,
      body: [...body, note ? el('p', { class: 'hint' }, note) : null],
      confirmLabel: nothing ? whenNothing?.confirmLabel ?? null : confirmLabel,
      cancelLabel: nothing && !whenNothing ? 'Close' : 'Cancel',
    });
  }

  /** A yes/no question. `confirmLabel` null: only the cancel button. Resolves true only on confirm. */
  confirm({ title, description, body = [], confirmLabel = 'Confirm', cancelLabel = 'Cancel', danger = true }) {
    return this.choose({
      title,
      description,
      body,
      choices: confirmLabel ? [{ value: 'confirm', label: confirmLabel, className: danger ? 'danger strong' : '', id: 'dialog-confirm' }] : [],
      cancelLabel,
    }).then((value) => value === 'confirm');
  }

  /**
   * A choice between several answers (`choices`: { value, label, className, id }),
   * plus Cancel (which has the focus first). Resolves to the chosen value, or
   * null when cancelled (Cancel, Escape).
   */
  choose({ title, description, body = [], choices, cancelLabel = 'Cancel' }) {
    const cancel = this.#closeButton(cancelLabel, 'cancel', 'secondary', 'dialog-cancel');
    const buttons = choices.map((choice) => this.#closeButton(choice.label, choice.value, choice.className ?? '', choice.id ?? `dialog-choice-${choice.value}`));
    return this.#open(
      [
        el('h2', { id: 'confirm-dialog-title' }, title),
        description ? el('p', { class: 'dialog-scope' }, description) : null,
        ...body,
        el('div', { class: 'dialog-actions' }, cancel, ...buttons),
      ],
      cancel,
    ).then((value) => (value && value !== 'cancel' && choices.some((choice) => choice.value === value) ? value : null));
  }
}
