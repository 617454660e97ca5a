// The deletion dialog: first the engine's preview (what would go), then, once
// confirmed, the receipt. A native <dialog> opened with showModal(): focus
// moves in, Escape cancels, focus returns where it was.

import { el, replaceChildren } from './dom.js';
import { countLines, reasonText } from './format.js';
import { renderReceipt } from './view.js';

export class DeletionDialog {
  constructor(parent) {
    this.dialog = el('dialog', { class: 'dialog', id: 'deletion-dialog', 'aria-labelledby': 'deletion-dialog-title' });
    parent.append(this.dialog);
    this.settle = null;
    this.dialog.addEventListener('close', () => {
      const settle = this.settle;
      this.settle = null;
      settle?.(this.dialog.returnValue === 'confirm');
    });
  }

  #open(children, initialFocus) {
    this.settle?.(false);
    this.dialog.returnValue = '';
    replaceChildren(this.dialog, children);
    const result = new Promise((resolve) => {
      this.settle = resolve;
    });
    if (!this.dialog.open) this.dialog.showModal();
    initialFocus?.focus();
    return result;
  }

  #closeButton(label, value, className) {
    return el('button', { type: 'button', class: className, value, onClick: () => this.dialog.close(value) }, label);
  }

  /**
   * Shows what a deletion request would delete (the engine's preview) and asks
   * to confirm. Resolves true only when the user confirms.
   */
  confirm({ title, description, preview }) {
    const nothing = preview.recordingIds.length === 0;
    const body = nothing
      ? [el('p', {}, `Nothing to delete: ${reasonText(preview.reason) || 'no recording matches'}.`)]
      : [
          el('p', {}, 'This permanently deletes, with no way to bring it back:'),
          el('ul', { class: 'counts preview-counts' }, countLines(preview.counts).map((line) => el('li', {}, line))),
          el('p', { class: 'hint' }, 'Nothing of it can be used afterwards, for any purpose, model training included.'),
        ];
    const cancel = this.#closeButton(nothing ? 'Close' : 'Cancel', 'cancel');
    const confirm = nothing ? null : this.#closeButton('Delete permanently', 'confirm', 'danger');
    return this.#open(
      [
        el('h2', { id: 'deletion-dialog-title' }, title),
        el('p', { class: 'dialog-scope' }, description),
        ...body,
        el('div', { class: 'dialog-actions' }, confirm, cancel),
      ],
      cancel,
    );
  }

  /** Shows a deletion receipt; resolves when closed. */
  showReceipt(receipt, nameOf) {
    const close = this.#closeButton('Close', 'close');
    return this.#open(
      [
        el('h2', { id: 'deletion-dialog-title', class: 'visually-hidden' }, 'Deletion done'),
        renderReceipt(receipt, { nameOf, headingId: 'dialog-receipt-heading' }),
        el('div', { class: 'dialog-actions' }, close),
      ],
      close,
    ).then(() => undefined);
  }
}
