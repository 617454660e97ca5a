// A profile's deletions that are not picked from the list (by days, by
// device, everything), and its data: a download a parent can open (the
// engine's JSON, a readable summary, and the audio clips kept in this
// browser) and a printable page of what is kept and when each piece goes.

import { el, isolate, userText } from './dom.js';
import { draft, ids, noticeAt, problemAt } from './view.js';

export function deletionSection(profile, ctx) {
  const fromId = ids.rangeFrom(profile.id);
  const toId = ids.rangeTo(profile.id);
  const deviceSelectId = ids.deviceSelect(profile.id);
  const from = draft(ctx, 'input', { id: fromId, name: 'from', type: 'date' });
  const to = draft(ctx, 'input', { id: toId, name: 'to', type: 'date' });
  const device = draft(ctx, 'select', { id: deviceSelectId, name: 'device' }, ctx.devices.map((d) => el('option', { value: d.id }, d.name)));
  return el(
    'section',
    { class: 'card deletion', id: ids.section('deletion', profile.id), 'aria-labelledby': `${fromId}-heading` },
    el('h3', { id: `${fromId}-heading`, tabindex: '-1' }, 'Delete ', userText(profile.name), "'s recordings"),
    el('p', { class: 'hint' }, 'Each asks first, listing what would go, and then leaves a receipt here. Deleted recordings cannot be brought back or used for anything.'),
    el(
      'div',
      { class: 'deletion-forms' },
      el(
        'form',
        {
          class: 'range-form',
          noValidate: true,
          onSubmit: (event) => {
            event.preventDefault();
            ctx.handlers.onDeleteRange(profile, from.value, to.value);
          },
        },
        el(
          'fieldset',
          {},
          el('legend', {}, 'By date'),
          el('div', { class: 'field' }, el('label', { for: fromId }, 'First day'), from),
          el('div', { class: 'field' }, el('label', { for: toId }, 'Last day (included)'), to),
          el('button', { type: 'submit', class: 'danger', id: ids.rangeSubmit(profile.id) }, 'Review deleting these days…'),
          problemAt(ctx, `range:${profile.id}`, [from, to]),
          noticeAt(ctx, `range:${profile.id}`),
        ),
      ),
      el(
        'form',
        {
          class: 'device-form',
          onSubmit: (event) => {
            event.preventDefault();
            ctx.handlers.onDeleteDevice(profile, device.value);
          },
        },
        el(
          'fieldset',
          {},
          el('legend', {}, 'By device'),
          el('div', { class: 'field' }, el('label', { for: deviceSelectId }, 'Device'), device),
          el('button', { type: 'submit', class: 'danger', id: ids.deviceSubmit(profile.id) }, 'Review deleting this device’s recordings…'),
          problemAt(ctx, `device:${profile.id}`, [device]),
          noticeAt(ctx, `device:${profile.id}`),
        ),
      ),
      el(
        'div',
        { class: 'delete-all' },
        el('p', {}, 'Everything ', userText(profile.name), ' has recorded, on every device.'),
        el(
          'button',
          { type: 'button', class: 'danger', id: ids.deleteAll(profile.id), onClick: () => ctx.handlers.onDeleteAll(profile) },
          `Review deleting all of ${isolate(profile.name)}'s recordings…`,
        ),
        problemAt(ctx, `all:${profile.id}`),
        noticeAt(ctx, `all:${profile.id}`),
      ),
    ),
  );
}

export function exportSection(profile, ctx) {
  const headingId = `${ids.exportProfile(profile.id)}-heading`;
  return el(
    'section',
    { class: 'card', 'aria-labelledby': headingId },
    el('h3', { id: headingId, tabindex: '-1' }, userText(profile.name), "'s data"),
    el(
      'p',
      {},
      'Download everything kept about ',
      userText(profile.name),
      ': a readable summary, the recordings with their transcripts and derived items, what was deleted and the receipts, and the audio clips kept in this browser.',
    ),
    el(
      'div',
      { class: 'inline-controls' },
      el('button', { type: 'button', class: 'secondary', id: ids.exportProfile(profile.id), onClick: () => ctx.handlers.onExportProfile(profile) }, `Download ${isolate(profile.name)}'s data`),
      el('a', { href: ctx.hrefs.summary(profile.id), id: ids.summary(profile.id), class: 'button-link' }, 'What we keep, and when it goes (printable)'),
    ),
    problemAt(ctx, `export:${profile.id}`),
  );
}
