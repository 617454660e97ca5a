// The one deletion confirmation (R-DEL-1, R-DEL-5): the engine's preview of
// what would go, the list of it, the parent's "Delete permanently", then the
// command through `perform` and a notice in place with the receipt one click
// away. Every deletion on the page (one, selected, shown, range, device,
// everything, by voice, a shorter retention, revoking with deletion,
// removing a profile, the sweep) comes through here.

import * as engineApi from './engine-adapter.js';
import { check, perform } from './command.js';
import { el, userText } from './dom.js';
import { formatDateTime } from './format.js';
import { receiptSentence } from './view.js';

/** How many of what goes the confirmation lists (the rest is counted). */
const LISTED = 50;

/** One recording in a confirmation's list: when, on which device, what was said. */
export function recordingLine(recording, nameOf) {
  return [
    el('time', { class: 'nowrap' }, formatDateTime(recording.capturedAt)),
    ' · ',
    userText(nameOf(recording.deviceId)),
    recording.transcript === null ? [' · ', el('span', { class: 'muted' }, 'no transcript')] : [' · “', userText(recording.transcript), '”'],
    recording.audio ? el('span', { class: 'muted' }, ' · with audio') : null,
  ];
}

/** The listed part of what goes: `ids` in the order the engine lists them (newest first). */
export function listedRecordings(page, profile, ids) {
  if (ids.length === 0) return { items: [], more: 0 };
  const wanted = new Set(ids);
  const recordings = engineApi.listAllRecordings(page.engine, { actor: page.actorFor(profile), profileId: profile.id }).filter((r) => wanted.has(r.id));
  const nameOf = page.nameOf();
  return { items: recordings.slice(0, LISTED).map((r) => recordingLine(r, nameOf)), more: Math.max(0, ids.length - LISTED) };
}

/**
 * Preview, confirm, delete, notice.
 * @param {object} request
 * @param {string} request.place          where a problem or the notice shows
 * @param {object} request.profile        whose recordings (null for the household's sweep)
 * @param {Function} [request.preview]    () => { recordingIds, counts, reason }; by default the engine's previewDeletion of `scope`
 * @param {object} [request.scope]        the deletion's kind and fields ({ kind: 'ids', ids } ...)
 * @param {object[]} [request.recordings] what goes, when the caller has it already (else listed from the engine)
 * @param {*} request.title               the question (text or nodes)
 * @param {*} request.description
 * @param {string} [request.method]       the command ('deleteRecordings' by default)
 * @param {Function} [request.input]      (now) => the command's input; by default deleteRecordings of `scope`
 * @param {Function} [request.receiptOf]  (answer) => the receipt (the answer itself by default)
 * @param {*} [request.asked]             the receipt's "what was asked", in the page's words
 * @param {Function} [request.message]    (receipt, answer) => the notice's line
 * @param {string} [request.confirmLabel]
 * @param {object} [request.whenNothing] { text, confirmLabel }: still ask when nothing would be deleted (removing a profile)
 * @param {Function} [request.after]      (answer) => void, before the render
 * @param {Function} [request.focus]      (answer) => the id to focus afterwards
 * @param {string} [request.noticePlace] where the notice goes when not at `place` (a removed profile's: the household)
 * @param {string} [request.beforeId]     the recording the notice goes in front of (a deleted row's neighbour)
 */
export async function confirmDeletion(page, request) {
  const { place, profile, scope } = request;
  const base = profile ? { actor: page.actorFor(profile), profileId: profile.id } : {};
  const preview = check(page, place, () =>
    request.preview ? request.preview() : engineApi.previewDeletion(page.engine, { ...base, ...scope, now: page.now() }),
  );
  if (!preview) return undefined;
  const nameOf = page.nameOf();
  const listed = request.recordings
    ? { items: request.recordings.slice(0, LISTED).map((r) => recordingLine(r, nameOf)), more: Math.max(0, preview.recordingIds.length - LISTED) }
    : profile
      ? listedRecordings(page, profile, preview.recordingIds)
      : { items: [], more: 0 };
  const confirmed = await page.dialog.confirmDeletion({
    title: request.title,
    description: request.description,
    preview,
    ...listed,
    confirmLabel: request.confirmLabel,
    whenNothing: request.whenNothing,
  });
  if (!confirmed) return undefined;
  const requestId = newRequestId(request.idPrefix ?? 'page');
  const input = request.input ? (now) => request.input(now, requestId) : (now) => ({ ...base, ...scope, requestId, now });
  const receiptOf = request.receiptOf ?? ((answer) => answer);
  return perform(page, {
    place,
    noticePlace: request.noticePlace,
    method: request.method ?? 'deleteRecordings',
    input,
    context: { name: profile?.name },
    after: request.after,
    notice: (answer) => {
      const receipt = receiptOf(answer);
      const message = request.message ? request.message(receipt, answer) : receiptSentence(receipt);
      return { message, receipt, asked: request.asked, beforeId: request.beforeId ?? null };
    },
    focus: request.focus,
  });
}

export function newRequestId(prefix) {
  const random = globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  return `${prefix}-${random}`;
}
