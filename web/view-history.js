// A profile's voice history: the filter (dates, device, words said), what it
// shows grouped by day, one card per recording (time, device, what was said,
// Play with its player right there, Delete), selection across pages, "Delete
// the N shown", and the pager. Cards are a grid row on a wide screen and a
// stacked card on a phone (style.css), from the same markup.

import { el, isolate, userText } from './dom.js';
import { durationText, formatDate, formatDateTime, formatNumber, formatTime, localDateString, plural } from './format.js';
import { isFiltered, filterWords } from './actions-history.js';
import { draft, ids, noticeAt, problemAt, renderPager, time } from './view.js';

function filterForm(profile, ctx) {
  const { filter } = ctx.history;
  const fromId = ids.filterFrom(profile.id);
  const toId = ids.filterTo(profile.id);
  const deviceId = ids.filterDevice(profile.id);
  const searchId = ids.filterSearch(profile.id);
  const search = draft(ctx, 'input', { id: searchId, name: 'search', type: 'search', value: filter.search, dir: 'auto', autocomplete: 'off' });
  const from = draft(ctx, 'input', { id: fromId, name: 'from', type: 'date', value: filter.from });
  const to = draft(ctx, 'input', { id: toId, name: 'to', type: 'date', value: filter.to });
  const device = draft(
    ctx,
    'select',
    { id: deviceId, name: 'device' },
    el('option', { value: '', selected: filter.deviceId === '' }, 'All devices'),
    ctx.devices.map((d) => el('option', { value: d.id, selected: filter.deviceId === d.id }, d.name)),
  );
  const problem = problemAt(ctx, `filter:${profile.id}`, [from, to, device, search]);
  const form = el(
    'form',
    {
      class: 'filter-form',
      'aria-label': `Filter ${isolate(profile.name)}'s recordings`,
      onSubmit: (event) => {
        event.preventDefault();
        ctx.handlers.onFilter(profile, { from: from.value, to: to.value, deviceId: device.value, search: search.value });
      },
    },
    el(
      'fieldset',
      {},
      el('legend', {}, 'Show only'),
      el('div', { class: 'field grow' }, el('label', { for: searchId }, 'Words said'), search),
      el('div', { class: 'field' }, el('label', { for: fromId }, 'Recorded from'), from),
      el('div', { class: 'field' }, el('label', { for: toId }, 'Recorded until (included)'), to),
      el('div', { class: 'field' }, el('label', { for: deviceId }, 'Recorded on'), device),
      el(
        'div',
        { class: 'inline-controls' },
        el('button', { type: 'submit', id: ids.filterApply(profile.id) }, 'Show'),
        el('button', { type: 'button', class: 'secondary', id: ids.filterClear(profile.id), onClick: () => ctx.handlers.onClearFilter(profile) }, 'Show all'),
      ),
    ),
    problem,
  );
  // Closed until wanted, so the first recording is a few Tab presses away; open while a filter applies.
  const open = isFiltered(filter) || problem !== null || ctx.history.filterOpen === true;
  return el(
    'details',
    { class: 'filter-details', id: `${ids.recordings(profile.id)}-filter`, open, onToggle: (event) => { ctx.history.filterOpen = event.target.open; } },
    el('summary', { id: `${ids.recordings(profile.id)}-filter-summary` }, isFiltered(filter) ? `Filter and search: ${filterWords(filter, ctx.nameOf)}` : 'Filter and search'),
    form,
  );
}

function dueText(recording, now) {
  if (recording.dueAt === null) return 'kept until deleted';
  if (recording.dueAt <= now) return [el('span', { class: 'badge warn' }, 'due now')];
  return ['goes ', time(recording.dueAt, formatDate(recording.dueAt))];
}

function playControls(profile, recording, ctx, described) {
  if (!recording.audio) return el('div', { class: 'rec-audio' }, el('span', { class: 'muted' }, 'no audio'));
  const { player } = ctx;
  const mine = player.recordingId === recording.id;
  const playing = mine && player.state === 'playing';
  return el(
    'div',
    { class: 'rec-audio' },
    el(
      'button',
      {
        type: 'button',
        class: ['secondary small play', playing ? 'is-playing' : null],
        id: ids.play(recording.id),
        'aria-label': `${playing ? 'Pause' : 'Play'} ${described}`,
        onClick: () => ctx.handlers.onPlay(profile, recording),
      },
      playing ? '❚❚ Pause' : '▶ Play',
    ),
    ' ',
    el('span', { class: 'muted' }, durationText(recording.audio.durationMs)),
  );
}

function recordingCard(profile, recording, ctx) {
  const deviceName = ctx.deviceNames.get(recording.deviceId) ?? recording.deviceId;
  const captured = formatDateTime(recording.capturedAt);
  const described = `recording from ${captured} on ${isolate(deviceName)}`;
  const selected = ctx.history.selected.has(recording.id);
  const mine = ctx.player.recordingId === recording.id;
  const derived = recording.derived.map((item) => item.kind.replace('_', ' '));
  return el(
    'li',
    {
      class: ['recording', selected ? 'selected' : null, mine ? 'is-current' : null],
      id: ids.recording(recording.id),
      tabindex: '-1',
      'aria-label': described,
      dataset: { recordingId: recording.id },
    },
    el(
      'div',
      { class: 'rec-select' },
      el('input', {
        type: 'checkbox',
        id: ids.select(recording.id),
        class: 'select-recording',
        checked: selected,
        'aria-label': `Select ${described}`,
        onChange: (event) => ctx.handlers.onToggleSelect(profile, recording.id, event.target.checked),
      }),
    ),
    el('div', { class: 'rec-when captured' }, time(recording.capturedAt, formatTime(recording.capturedAt))),
    el('div', { class: 'rec-device device' }, userText(deviceName)),
    el('p', { class: 'rec-transcript transcript' }, recording.transcript === null ? el('span', { class: 'muted' }, 'no transcript') : userText(recording.transcript)),
    playControls(profile, recording, ctx, described),
    mine ? ctx.player.node : null,
    el('div', { class: 'rec-facts' }, derived.length ? el('span', { class: 'rec-derived' }, `${derived.join(', ')} · `) : null, dueText(recording, ctx.now)),
    el(
      'div',
      { class: 'rec-delete' },
      el(
        'button',
        { type: 'button', class: 'danger small', id: ids.deleteRecording(recording.id), 'aria-label': `Delete ${described}`, onClick: () => ctx.handlers.onDeleteOne(profile, recording) },
        'Delete…',
      ),
    ),
  );
}

/** The recordings of one page, grouped by local day, the notice in front of the row it replaced. */
function dayGroups(profile, recordings, ctx, notice) {
  const groups = [];
  for (const recording of recordings) {
    const day = localDateString(recording.capturedAt);
    if (groups.at(-1)?.day !== day) groups.push({ day, at: recording.capturedAt, recordings: [] });
    groups.at(-1).recordings.push(recording);
  }
  const today = localDateString(ctx.now);
  const yesterday = localDateString(ctx.now - 24 * 3600 * 1000);
  return groups.map(({ day, at, recordings: items }) => {
    const headingId = `${ids.recordings(profile.id)}-${day}`;
    const label = day === today ? `Today, ${formatDate(at)}` : day === yesterday ? `Yesterday, ${formatDate(at)}` : formatDate(at);
    return el(
      'section',
      { class: 'day-group', 'aria-labelledby': headingId, dataset: { day } },
      el('h4', { id: headingId, class: 'day-heading' }, label),
      el(
        'ol',
        { class: 'recording-list' },
        items.map((recording) => [notice?.beforeId === recording.id ? el('li', { class: 'notice-row' }, notice.node) : null, recordingCard(profile, recording, ctx)]),
      ),
    );
  });
}

export function historySection(profile, ctx) {
  const { page, history } = ctx;
  const { total, recordings, offset, pageSize } = page;
  const listId = ids.recordings(profile.id);
  const filtered = isFiltered(history.filter) ? filterWords(history.filter, ctx.nameOf) : '';
  const pageIds = recordings.map((recording) => recording.id);
  const selectedOnPage = pageIds.filter((id) => history.selected.has(id)).length;
  const selectedCount = history.selected.size;
  const first = total === 0 ? 0 : offset + 1;
  const last = offset + recordings.length;
  const summary =
    total === 0
      ? filtered
        ? `No recordings of ${isolate(profile.name)}'s match (${filtered}).`
        : `No recordings are kept for ${isolate(profile.name)}.`
      : `${formatNumber(first)}–${formatNumber(last)} of ${plural(total, 'recording')}${filtered ? ` (${filtered})` : ''}, newest first`;
  const selectPage = el('input', {
    type: 'checkbox',
    id: ids.selectPage(profile.id),
    checked: recordings.length > 0 && selectedOnPage === recordings.length,
    disabled: recordings.length === 0,
    onChange: (event) => ctx.handlers.onSelectPage(profile, pageIds, event.target.checked),
  });
  selectPage.indeterminate = selectedOnPage > 0 && selectedOnPage < recordings.length;
  const noticeData = ctx.notices.get(`history:${profile.id}`);
  const noticeNode = noticeAt(ctx, `history:${profile.id}`, { headingLevel: 'h5' });
  const inline = noticeData?.beforeId && pageIds.includes(noticeData.beforeId) ? { beforeId: noticeData.beforeId, node: noticeNode } : null;
  const playingElsewhere = ctx.player.recordingId !== null && !pageIds.includes(ctx.player.recordingId);
  return el(
    'section',
    { class: 'card history', id: ids.section('history', profile.id), 'aria-labelledby': `${listId}-heading` },
    el('h3', { id: `${listId}-heading`, tabindex: '-1' }, 'Voice history'),
    filterForm(profile, ctx),
    el('p', { class: 'history-summary', id: `${listId}-summary` }, summary),
    el(
      'div',
      { class: 'selection-bar' },
      el('div', { class: 'checkbox-row' }, selectPage, el('label', { for: ids.selectPage(profile.id) }, 'Select every recording on this page')),
      el('span', { class: 'selection-count', id: `${listId}-selected`, 'aria-live': 'polite' }, `${plural(selectedCount, 'recording')} selected`),
      el('button', { type: 'button', class: 'danger', id: ids.deleteSelected(profile.id), disabled: selectedCount === 0, onClick: () => ctx.handlers.onDeleteSelected(profile) }, `Delete selected (${formatNumber(selectedCount)})…`),
      el('button', { type: 'button', class: 'secondary', id: ids.clearSelection(profile.id), disabled: selectedCount === 0, onClick: () => ctx.handlers.onClearSelection(profile) }, 'Clear selection'),
      filtered && total > 0
        ? el('button', { type: 'button', class: 'danger', id: ids.deleteShown(profile.id), onClick: () => ctx.handlers.onDeleteShown(profile) }, `Delete the ${formatNumber(total)} shown…`)
        : null,
    ),
    problemAt(ctx, `history:${profile.id}`),
    inline ? null : noticeNode,
    playingElsewhere ? ctx.player.node : null,
    el(
      'div',
      { id: listId, class: 'recordings', role: 'region', 'aria-label': `${isolate(profile.name)}'s recordings: ${summary}`, dataset: { total: String(total), offset: String(offset) } },
      total === 0 ? el('p', { class: 'empty' }, summary) : dayGroups(profile, recordings, ctx, inline),
    ),
    total > pageSize
      ? renderPager({ name: ['history', profile.id], label: `${isolate(profile.name)}'s recording pages`, offset, pageSize, total, onPage: (target) => ctx.handlers.onPage(profile, target) })
      : null,
  );
}
