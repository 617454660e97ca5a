// A profile's voice history: the filter (dates, device, words said), paging
// (landing on the first row), selection across pages, playback in the row,
// and every deletion started from it (one, selected, the N shown, a range of
// days, a device, everything). Focus and scroll stay where the parent was.

import * as engineApi from './engine-adapter.js';
import { check } from './command.js';
import { confirmDeletion } from './confirm-deletion.js';
import { isolate } from './dom.js';
import { PageProblem } from './errors.js';
import { formatDateTime, formatDay, localMidnight, plural } from './format.js';
import { ids } from './view.js';

export const PAGE_SIZE = 25;

const place = (profile) => `history:${profile.id}`;

/**
 * The engine's query for a filter: local calendar days (the last one
 * included; the engine takes [from, to)), a device, words of the transcript
 * (the engine's search: every word, any case), read by whoever acts on the profile.
 */
function listQuery(page, profile, filter) {
  const query = { actor: page.actorFor(profile), profileId: profile.id };
  if (filter.deviceId) query.deviceId = filter.deviceId;
  if (filter.from) query.from = localMidnight(filter.from);
  if (filter.to) query.to = localMidnight(filter.to, 1);
  if (filter.search) query.search = filter.search;
  return query;
}

/** Every recording the filter shows (all pages), newest first; kept until the household changes. */
function shownRecordings(page, profile) {
  const history = page.historyFor(profile.id);
  history.cache ??= engineApi.listAllRecordings(page.engine, listQuery(page, profile, history.filter));
  return history.cache;
}

/** One page of what the filter shows, as the engine pages it. */
export function historyPage(page, profile) {
  const history = page.historyFor(profile.id);
  const list = (offset) => engineApi.listRecordings(page.engine, { ...listQuery(page, profile, history.filter), offset, limit: PAGE_SIZE });
  let { offset } = history;
  let listed = list(offset);
  if (offset > 0 && offset >= listed.total) {
    // The page emptied (deletions): show the last one that has something.
    offset = Math.max(0, Math.floor((listed.total - 1) / PAGE_SIZE) * PAGE_SIZE);
    listed = list(offset);
  }
  history.offset = offset;
  return { offset, total: listed.total, recordings: listed.recordings, pageSize: PAGE_SIZE };
}

export function isFiltered(filter) {
  return Boolean(filter.from || filter.to || filter.deviceId || filter.search);
}

/** The last day must not come before the first (checked before the engine is asked). */
function checkDays(from, to, field) {
  if (from && to && from > to) throw new PageProblem(`The last day (${formatDay(to)}) is before the first day (${formatDay(from)}).`, { field });
}

function applyFilter(page, profile, filter) {
  const history = page.historyFor(profile.id);
  const ok = check(page, `filter:${profile.id}`, () => {
    checkDays(filter.from, filter.to, ids.filterTo(profile.id));
    engineApi.listRecordings(page.engine, { ...listQuery(page, profile, { ...filter, search: filter.search.trim() }), limit: 1 });
    return true;
  });
  if (!ok) return;
  history.filter = { ...filter, search: filter.search.trim() };
  history.offset = 0;
  history.cache = null;
  for (const id of [ids.filterFrom(profile.id), ids.filterTo(profile.id), ids.filterDevice(profile.id), ids.filterSearch(profile.id)]) page.drafts.delete(id);
  page.render();
  page.announce(`${profile.name}: ${plural(historyPage(page, profile).total, 'recording')} shown.`);
}

/** Another page: it lands on its first row, at the top of the screen. */
function showPage(page, profile, offset) {
  page.historyFor(profile.id).offset = Math.max(0, offset);
  page.render();
  const first = document.querySelector(`#${CSS.escape(ids.recordings(profile.id))} li.recording`);
  if (first) {
    first.focus({ preventScroll: true });
    first.scrollIntoView({ block: 'start' });
  }
}

function toggleSelect(page, profile, recordingIds, checked) {
  const { selected } = page.historyFor(profile.id);
  for (const id of recordingIds) {
    if (checked) selected.add(id);
    else selected.delete(id);
  }
  page.render();
}

// --- playback --------------------------------------------------------------

async function play(page, profile, recording) {
  const { player } = page;
  if (player.recordingId === recording.id) {
    await player.toggle();
    return;
  }
  const deviceName = page.nameOf()(recording.deviceId);
  const label = `${isolate(profile.name)}, ${formatDateTime(recording.capturedAt)}, ${isolate(deviceName)}${recording.transcript ? `: “${isolate(recording.transcript)}”` : ''}`;
  let blob;
  try {
    blob = await page.store.audioBlob(recording.audio.ref);
  } catch (error) {
    page.setProblem(place(profile), error);
    page.render();
    return;
  }
  if (!blob) {
    player.unavailable(recording.id, `The audio of ${isolate(profile.name)}'s recording from ${formatDateTime(recording.capturedAt)} is not stored in this browser.`);
    page.render();
    return;
  }
  player.load(recording.id, blob, label);
  page.render();
  await player.start();
}

// --- deletion ----------------------------------------------------------------

/** After a deletion of one row: the next row's Delete button, at the height the deleted row had. */
function keepPlace(profile, beforeId, rowTop) {
  const notice = document.getElementById(ids.notice(place(profile)));
  if (notice && rowTop !== undefined) window.scrollBy(0, notice.getBoundingClientRect().top - rowTop);
  const next = beforeId && document.getElementById(ids.deleteRecording(beforeId));
  const target = next ?? document.getElementById(`${ids.notice(place(profile))}-text`);
  target?.focus({ preventScroll: true });
  return false;
}

function deleteOne(page, profile, recording) {
  const row = document.getElementById(ids.recording(recording.id));
  const rowTop = row?.getBoundingClientRect().top;
  const rows = [...document.querySelectorAll(`#${CSS.escape(ids.recordings(profile.id))} li.recording`)];
  const index = rows.findIndex((node) => node.dataset.recordingId === recording.id);
  const beforeId = (rows[index + 1] ?? null)?.dataset.recordingId ?? null;
  const deviceName = page.nameOf()(recording.deviceId);
  return confirmDeletion(page, {
    place: place(profile),
    profile,
    scope: { kind: 'ids', ids: [recording.id] },
    recordings: [recording],
    title: `Delete one of ${isolate(profile.name)}'s recordings?`,
    description: `The recording from ${formatDateTime(recording.capturedAt)} on ${isolate(deviceName)}.`,
    beforeId,
    focus: () => keepPlace(profile, beforeId, rowTop),
  });
}

function deleteSelected(page, profile) {
  const selected = [...page.historyFor(profile.id).selected];
  if (selected.length === 0) return undefined;
  return confirmDeletion(page, {
    place: place(profile),
    profile,
    scope: { kind: 'ids', ids: selected },
    title: `Delete ${plural(selected.length, 'selected recording')} of ${isolate(profile.name)}'s?`,
    description: `The ${plural(selected.length, 'recording')} you ticked in ${isolate(profile.name)}'s voice history, on every page.`,
  });
}

/** "Delete the N shown": what the filter shows, across every page. */
function deleteShown(page, profile) {
  const { filter } = page.historyFor(profile.id);
  const shown = shownRecordings(page, profile);
  if (shown.length === 0) return undefined;
  const onlyDevice = filter.deviceId && !filter.from && !filter.to && !filter.search;
  const onlyDays = !filter.deviceId && !filter.search && filter.from && filter.to;
  const scope = onlyDevice
    ? { kind: 'device', deviceId: filter.deviceId }
    : onlyDays
      ? { kind: 'range', from: localMidnight(filter.from), to: localMidnight(filter.to, 1) }
      : { kind: 'ids', ids: shown.map((r) => r.id) };
  return confirmDeletion(page, {
    place: place(profile),
    profile,
    scope,
    title: `Delete the ${plural(shown.length, 'recording')} shown?`,
    description: `Every recording of ${isolate(profile.name)}'s that the filter shows (${filterWords(filter, page.nameOf())}), on every page.`,
    asked: `the ${plural(shown.length, 'recording')} shown (${filterWords(filter, page.nameOf())})`,
  });
}

/** A filter in words, dates in the page's one format. */
export function filterWords(filter, nameOf) {
  const parts = [];
  if (filter.from) parts.push(`from ${formatDay(filter.from)}`);
  if (filter.to) parts.push(`until ${formatDay(filter.to)}`);
  if (filter.deviceId) parts.push(`on ${isolate(nameOf(filter.deviceId))}`);
  if (filter.search) parts.push(`saying “${isolate(filter.search)}”`);
  return parts.join(', ');
}

function deleteRange(page, profile, fromDate, toDate) {
  const field = ids.rangeTo(profile.id);
  const ok = check(page, `range:${profile.id}`, () => {
    if (!fromDate) throw new PageProblem('Choose the first day.', { field: ids.rangeFrom(profile.id) });
    if (!toDate) throw new PageProblem('Choose the last day.', { field });
    checkDays(fromDate, toDate, field);
    return true;
  });
  if (!ok) return undefined;
  return confirmDeletion(page, {
    place: `range:${profile.id}`,
    profile,
    scope: { kind: 'range', from: localMidnight(fromDate), to: localMidnight(toDate, 1) },
    title: `Delete ${isolate(profile.name)}'s recordings from ${formatDay(fromDate)} to ${formatDay(toDate)}?`,
    description: `Every recording of ${isolate(profile.name)}'s captured from ${formatDay(fromDate)} up to and including ${formatDay(toDate)} (your local time), on every device.`,
    after: () => [ids.rangeFrom(profile.id), ids.rangeTo(profile.id)].forEach((id) => page.drafts.delete(id)),
  });
}

function deleteDevice(page, profile, deviceId) {
  const deviceName = isolate(page.nameOf()(deviceId));
  return confirmDeletion(page, {
    place: `device:${profile.id}`,
    profile,
    scope: { kind: 'device', deviceId },
    title: `Delete ${isolate(profile.name)}'s recordings made on ${deviceName}?`,
    description: `Every recording of ${isolate(profile.name)}'s made on ${deviceName}, whenever it was made. Other devices keep theirs.`,
  });
}

function deleteAll(page, profile) {
  return confirmDeletion(page, {
    place: `all:${profile.id}`,
    profile,
    scope: { kind: 'all' },
    title: `Delete all of ${isolate(profile.name)}'s recordings?`,
    description: `Everything ${isolate(profile.name)} has recorded, on every device. The profile and its settings stay.`,
  });
}

export function historyHandlers(page) {
  return {
    onFilter: (profile, filter) => applyFilter(page, profile, filter),
    onClearFilter: (profile) => applyFilter(page, profile, { from: '', to: '', deviceId: '', search: '' }),
    onPage: (profile, offset) => showPage(page, profile, offset),
    onToggleSelect: (profile, recordingId, checked) => toggleSelect(page, profile, [recordingId], checked),
    onSelectPage: (profile, recordingIds, checked) => toggleSelect(page, profile, recordingIds, checked),
    onClearSelection: (profile) => {
      page.historyFor(profile.id).selected.clear();
      page.render();
      page.announce('Selection cleared.');
    },
    onDeleteSelected: (profile) => deleteSelected(page, profile),
    onDeleteShown: (profile) => deleteShown(page, profile),
    onDeleteOne: (profile, recording) => deleteOne(page, profile, recording),
    onDeleteRange: (profile, from, to) => deleteRange(page, profile, from, to),
    onDeleteDevice: (profile, deviceId) => deleteDevice(page, profile, deviceId),
    onDeleteAll: (profile) => deleteAll(page, profile),
    onPlay: (profile, recording) => play(page, profile, recording),
  };
}
