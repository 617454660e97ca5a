// Export and import, the voice box, and the demo tools: a profile's data as
// a zip a parent can open (audio included), the household as JSON, a
// household file imported after a confirmation that says what it replaces
// and what stays deleted, what is said to a device (typed here, deleting for
// real, in the typing parent's name), and the stand-ins for the devices and
// the service.

import * as engineApi from './engine-adapter.js';
import { check, perform } from './command.js';
import { confirmDeletion, newRequestId } from './confirm-deletion.js';
import { el, isolate, userText } from './dom.js';
import { PageProblem } from './errors.js';
import { fileNamePart, formatDate, localDateString, plural, utcOffsetMinutes } from './format.js';
import { download, profileZip, summaryText } from './export.js';
import { LARGE_DEMO, SMALL_DEMO, createDemoHousehold, demoAudioClips } from './demo.js';
import { makeClip } from './audio.js';
import { runScheduledJobs } from './actions-settings.js';
import { dataIds } from './view-data.js';

const VOICE_KIND_TEXT = { just_said: 'delete what I just said', today: 'delete everything I said today' };

function exportHousehold(page) {
  check(page, 'export', () => {
    const json = engineApi.exportStateJson(page.engine, { actor: page.readerId() });
    const { household } = page.overview();
    const filename = `${fileNamePart(household.name)}-${localDateString(Date.now())}.json`;
    download(filename, new Blob([json], { type: 'application/json' }));
    page.announce(`The household was downloaded as ${filename}.`);
    return true;
  });
}

/** One profile's data: summary.txt, data.json and the audio clips this browser keeps, as one zip. */
async function exportProfile(page, profileId) {
  const overview = page.overview();
  const profile = overview.profiles.find((p) => p.id === profileId);
  if (!profile) return;
  const place = page.route.view === 'data' ? 'export' : `export:${profile.id}`;
  page.clearProblem(place);
  try {
    const now = page.now();
    const actor = page.actorFor(profile);
    const data = engineApi.exportProfileData(page.engine, { actor, profileId });
    const clips = [];
    for (const recording of data.recordings.filter((r) => r.audio)) {
      const blob = await page.store.audioBlob(recording.audio.ref);
      if (blob) clips.push({ name: `${fileNamePart(recording.id)}.wav`, bytes: new Uint8Array(await blob.arrayBuffer()) });
    }
    const summary = summaryText({ profile, household: overview.household, recordings: data.recordings, tombstones: data.tombstones, receipts: data.receipts, now });
    const filename = `${fileNamePart(overview.household.name)}-${fileNamePart(profile.name)}-data-${localDateString(now)}.zip`;
    download(filename, profileZip({ summary, data, clips }));
    page.announce(`${isolate(profile.name)}'s data was downloaded as ${filename}: a summary, the data file and ${plural(clips.length, 'audio clip')}.`);
  } catch (error) {
    page.setProblem(place, error);
    page.render();
  }
}

/** The confirmation's words for what an import does to this household (R-INT-2). */
function importEffect(preview) {
  if (!preview.sameHousehold) return { text: 'This is another household: nothing of this one is kept.', kept: 0 };
  const { outcome, keptDeleted, keptRemovedProfiles } = preview.answer;
  const what = {
    restored: 'It is an earlier copy of this household: it is restored, and the activity log keeps every entry since, with the restore.',
    updated: 'It is a later copy of this household: it brings the changes made since.',
    unchanged: 'It is this household exactly as it is now: nothing changes.',
    loaded: '',
  }[outcome];
  const kept = keptDeleted
    ? ` ${plural(keptDeleted, 'recording')} in the file ${keptDeleted === 1 ? 'was' : 'were'} deleted here since: ${keptDeleted === 1 ? 'it stays' : 'they stay'} deleted.`
    : ' Nothing deleted here is in the file.';
  const profiles = keptRemovedProfiles ? ` ${plural(keptRemovedProfiles, 'profile')} removed here since ${keptRemovedProfiles === 1 ? 'stays' : 'stay'} removed.` : '';
  return { text: `${what}${kept}${profiles} An import never brings a deletion back.`, kept: keptDeleted };
}

/** Import: the engine reads the file first; the confirmation says what it replaces and what stays deleted. */
async function importFile(page, file) {
  page.importResult = null;
  page.clearProblem('import');
  if (!file) {
    page.importResult = { problem: new PageProblem('Choose a household file first.', { field: dataIds.importFile }) };
    page.render();
    return;
  }
  const state = await file.text();
  let candidate;
  try {
    // Read, checked and verified by the engine (R-INT-1, R-INT-3): a file whose log does not vouch for it is refused.
    candidate = await engineApi.openEngine({ state });
  } catch (error) {
    page.importResult = { problem: error };
    page.render();
    page.announce('The file was not imported: the engine refused it. Nothing was changed.');
    return;
  }
  let adopted = false;
  try {
    const actor = page.readerId();
    const incoming = engineApi.overview(candidate, { actor: 'system' });
    const recordings = incoming.profiles.reduce((sum, p) => sum + p.recordingCount, 0);
    const auditEntries = engineApi.auditLog(candidate, { actor: 'system', limit: 1 }).total;
    const preview = engineApi.previewImport(page.engine, { actor, now: page.now(), state, incoming });
    const { current } = preview;
    const currentRecordings = current.profiles.reduce((sum, p) => sum + p.recordingCount, 0);
    const effect = importEffect(preview);
    const confirmed = await page.dialog.confirm({
      title: 'Replace the household in this browser?',
      description: ['The file “', userText(file.name), '” holds ', userText(incoming.household.name), '.'],
      body: [
        el(
          'ul',
          { class: 'import-summary' },
          el('li', {}, plural(incoming.guardians.length, 'parent')),
          el('li', {}, `${plural(incoming.profiles.length, 'profile')}: `, incoming.profiles.map((p, i) => [i ? ', ' : '', userText(p.name)])),
          el('li', {}, plural(incoming.devices.length, 'device')),
          el('li', {}, plural(preview.sameHousehold ? preview.answer.recordings : recordings, 'recording')),
          el('li', {}, plural(auditEntries, 'activity log entry', 'activity log entries')),
        ),
        el('p', {}, 'It replaces what is in this browser now (', userText(current.household.name), `, ${plural(currentRecordings, 'recording')}). Audio clips of recordings not in it are deleted.`),
        el('p', { id: 'import-stays-deleted', class: effect.kept ? 'warning-text' : 'hint', dataset: { staysDeleted: String(effect.kept) } }, effect.text),
        el('p', { class: 'ok-text', id: 'import-log-check' }, 'Its activity log verifies: every entry follows from the one before and vouches for the state.'),
      ],
      confirmLabel: 'Replace the household',
    });
    if (!confirmed) return;
    let answer = null;
    await page.replaceHousehold({
      prepare: (engine) => {
        const done = engineApi.importHousehold(engine, { actor, now: engineApi.nextNow(engine), state, candidate, sameHousehold: preview.sameHousehold });
        answer = done.answer;
        return done.engine;
      },
      // A clip stays only while the imported household still holds its recording.
      keepAudio: (engine, clip) => engineApi.existingRecordingIds(engine, [clip.recordingId]).length === 1,
    });
    adopted = !preview.sameHousehold;
    page.source = 'imported';
    const kept = answer?.keptDeleted ?? 0;
    page.importResult = { message: `Imported ${isolate(incoming.household.name)}: ${plural(answer?.recordings ?? recordings, 'recording')}${kept ? `, ${plural(kept, 'recording')} kept deleted` : ''}.` };
    page.announce(`The household was imported from ${isolate(file.name)}.`);
    await runScheduledJobs(page);
  } catch (error) {
    page.setProblem('import', error);
    page.render();
  } finally {
    if (!adopted) engineApi.closeEngine(candidate);
  }
}

/** What is said to a device, typed here (R-DEL-2): the engine understands it, the parent confirms, it deletes for real. */
async function voiceRequest(page, { profileId, deviceId, utterance }) {
  const place = 'voice';
  Object.assign(page.voice, { profileId, deviceId, utterance });
  const overview = page.overview();
  const profile = overview.profiles.find((p) => p.id === profileId);
  if (!profile) return undefined;
  const nameOf = page.nameOf(overview);
  const parsed = check(page, place, () => engineApi.parseVoiceRequest(page.engine, { utterance }));
  if (!parsed) {
    page.voice.understood = 'Not understood as a deletion request.';
    page.render();
    page.focusProblem(place);
    return undefined;
  }
  const kindText = VOICE_KIND_TEXT[parsed.kind] ?? parsed.kind;
  page.voice.understood = `Understood as “${kindText}”.`;
  page.render();
  const actor = page.actorFor(profile);
  const input = (now, requestId) => ({ actor, requestId, profileId, deviceId, utterance, utcOffsetMinutes: utcOffsetMinutes(now), now });
  if (!profile.voiceDeletion) {
    // Off: the engine itself refuses (R-DEL-2), and says so next to the box.
    return perform(page, { place, method: 'voiceRequest', input: (now) => input(now, newRequestId('voice')), context: { name: profile.name } });
  }
  const device = isolate(nameOf(deviceId));
  return confirmDeletion(page, {
    place,
    profile,
    scope: { kind: parsed.kind, deviceId, ...(parsed.kind === 'today' ? { utcOffsetMinutes: utcOffsetMinutes() } : {}) },
    title: `${isolate(profile.name)} says to ${device}: “${isolate(utterance)}”`,
    description:
      parsed.kind === 'just_said'
        ? `Understood as “${kindText}”: ${isolate(profile.name)}'s most recent recording on ${device} from the last ${overview.retentionPolicy.justSaidWindowMinutes} minutes.`
        : `Understood as “${kindText}”: everything ${isolate(profile.name)} said to ${device} since midnight (${formatDate(Date.now())}).`,
    method: 'voiceRequest',
    idPrefix: 'voice',
    input,
  });
}

// --- demo tools ---------------------------------------------------------------

function simulate(page, { profileId, deviceId, transcript, withAudio }) {
  const text = transcript.trim();
  const id = newRequestId('said');
  const durationMs = Math.min(6000, 600 + 70 * text.length);
  const ref = `audio/${id}.wav`;
  let seed = 0;
  for (const ch of id) seed = (seed * 31 + ch.charCodeAt(0)) >>> 0;
  const audio = withAudio ? [{ ref, recordingId: id, blob: makeClip(durationMs, seed) }] : [];
  const nameOf = page.nameOf();
  return perform(page, {
    place: 'simulate',
    method: 'addRecording',
    // The device's own intake (R-INT-5: a device records only its own).
    input: (now) => ({
      now,
      actor: `device:${deviceId}`,
      recording: { id, profileId, deviceId, capturedAt: now, transcript: text === '' ? null : text, audio: withAudio ? { ref, durationMs } : null, derived: [{ id: `${id}-intent`, kind: 'intent' }] },
    }),
    options: { audio },
    context: { name: nameOf(profileId) },
    after: () => page.drafts.delete(dataIds.simulateText),
    message: () => `Recorded ${isolate(nameOf(profileId))} saying “${isolate(text)}” to ${isolate(nameOf(deviceId))}${withAudio ? ', with audio' : ''}.`,
    focus: () => dataIds.simulateText,
  });
}

/** Builds a demo household in a fresh engine and stores it (with its audio clips). */
export async function createDemo(page, size, { onlyIfEmpty = false, notices = false } = {}) {
  const demo = await engineApi.openEngine();
  let done;
  try {
    const recordings = createDemoHousehold(demo, Date.now(), size, { notices });
    done = await page.replaceHousehold({ prepare: () => demo, audio: demoAudioClips(recordings), onlyIfEmpty, keepAudio: () => false });
  } finally {
    if (!done || done.engine !== demo) engineApi.closeEngine(demo);
  }
  return done.replaced;
}

async function replaceWithDemo(page, size) {
  const large = size === 'large';
  const notices = size === 'notices';
  const confirmed = await page.dialog.confirm({
    title: large ? 'Load the large demo household?' : notices ? 'Load the demo household with notices to review?' : 'Start again with the demo household?',
    description: notices
      ? 'This replaces everything in this browser with a demo household set up 19 months ago: Theo has not been used since, and Maya turned 13 two days ago. The page then shows the notices a parent gets.'
      : `This replaces everything in this browser with a new demo household${large ? ' of 10,000 recordings' : ''}.`,
    confirmLabel: large ? 'Load 10,000 recordings' : notices ? 'Load it' : 'Start again',
  });
  if (!confirmed) return;
  page.announce('Making the demo household…');
  try {
    await createDemo(page, large ? LARGE_DEMO : SMALL_DEMO, { notices });
  } catch (error) {
    page.setProblem('demo', error);
    page.render();
    return;
  }
  page.source = 'created';
  page.announce(`A new demo household${large ? ' with 10,000 recordings' : notices ? ' with notices to review' : ''} was created and saved in this browser.`);
  await runScheduledJobs(page);
}

/**
 * Demo tools, standing in for the service operator: a new privacy notice.
 * `change`: 'location' (it also collects the approximate location) or
 * 'recipient' (it names a company that may receive a child's recordings,
 * with the parent's separate consent). Either is a material change (R-CON-5).
 */
async function publishNoticeChange(page, change) {
  const { privacyNotice } = page.overview();
  const version = privacyNotice.version + 1;
  const recipient = { name: 'Acme Speech Lab', category: 'model training', purpose: 'improving speech recognition for children’s voices' };
  const next = {
    version,
    collects: change === 'location' ? [...privacyNotice.collects, `approximate location (added in version ${version})`] : privacyNotice.collects,
    thirdParties: change === 'recipient' ? [...privacyNotice.thirdParties, recipient] : privacyNotice.thirdParties,
  };
  const what = change === 'location' ? 'also collects the approximate location' : `names a third party that may receive a child’s recordings: ${recipient.name}, for ${recipient.purpose}`;
  const confirmed = await page.dialog.confirm({
    title: `Publish version ${version} of the privacy notice?`,
    description: `Demo tool, as the service operator: the new notice ${what}. That is a material change, so every child with consent needs fresh consent and is paused until a parent gives it.`,
    confirmLabel: `Publish version ${version}`,
    danger: false,
  });
  if (!confirmed) return undefined;
  const nameOf = page.nameOf();
  return perform(page, {
    place: 'demo',
    method: 'setPrivacyNotice',
    input: (now) => ({ actor: 'operator', now, privacyNotice: next }),
    message: (answer) => {
      const who = answer.needConsent.map((id) => isolate(nameOf(id))).join(', ');
      return `Privacy notice version ${version} published. ${answer.material ? `A material change: ${plural(answer.needConsent.length, 'child', 'children')} need fresh consent${who ? ` (${who})` : ''}.` : 'Not a material change.'}`;
    },
  });
}

export function dataHandlers(page) {
  return {
    onExportProfile: (profileOrId) => exportProfile(page, typeof profileOrId === 'string' ? profileOrId : profileOrId.id),
    onExportHousehold: () => exportHousehold(page),
    onImport: (file) => importFile(page, file),
    onSimulate: (input) => simulate(page, input),
    onDemo: (size) => replaceWithDemo(page, size),
    onPublishNoticeChange: (change) => publishNoticeChange(page, change),
    onVoiceProfile: (profileId) => {
      page.voice.profileId = profileId;
      page.render();
    },
    onVoiceDraft: (change) => Object.assign(page.voice, change),
    onVoiceRequest: (request) => voiceRequest(page, request),
  };
}
