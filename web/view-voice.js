// Delete by voice: what someone says to a device, or types here instead, for
// a chosen profile and device, understood by the engine's parser (a wake
// word in front is ignored) and carried out, for real, only where deletion
// by voice is on for that profile (R-DEL-2). Typed here, it is the acting
// parent's request (an adult's own for an adult), and the receipt says so.

import { el, isolate, userText } from './dom.js';
import { plural } from './format.js';
import { noticeAt, problemAt, viewHeading } from './view.js';

export const voiceIds = {
  profile: 'voice-profile',
  device: 'voice-device',
  utterance: 'voice-utterance',
  submit: 'voice-submit',
  state: 'voice-state',
  understood: 'voice-understood',
};

/** Typed here, whose request it is: the acting parent's for a child, the adult's own. */
function whoActs(profile, ctx) {
  if (profile.kind === 'adult') return `Typed here, it is ${isolate(profile.name)}'s own request.`;
  return ctx.actingName ? `Typed here, it is your request, as ${isolate(ctx.actingName)}, and the receipt names you.` : '';
}

export function renderVoiceView(overview, ctx) {
  const { voice, handlers } = ctx;
  const profile = overview.profiles.find((p) => p.id === voice.profileId) ?? overview.profiles[0];
  const profileSelect = el(
    'select',
    { id: voiceIds.profile, name: 'profile', onChange: (event) => handlers.onVoiceProfile(event.target.value) },
    overview.profiles.map((p) => el('option', { value: p.id, selected: p.id === profile?.id }, p.name)),
  );
  const deviceSelect = el(
    'select',
    { id: voiceIds.device, name: 'device', onChange: (event) => handlers.onVoiceDraft({ deviceId: event.target.value }) },
    overview.devices.map((d) => el('option', { value: d.id, selected: d.id === voice.deviceId }, d.name)),
  );
  const utterance = el('input', {
    id: voiceIds.utterance,
    name: 'utterance',
    type: 'text',
    autocomplete: 'off',
    dir: 'auto',
    value: voice.utterance,
    'aria-describedby': 'voice-examples',
    onInput: (event) => handlers.onVoiceDraft({ utterance: event.target.value }),
  });
  const state = profile
    ? el(
        'p',
        { id: voiceIds.state, class: profile.voiceDeletion ? 'voice-state on' : 'voice-state off', dataset: { enabled: String(profile.voiceDeletion) } },
        profile.voiceDeletion
          ? [`Deleting by voice is on for ${isolate(profile.name)}. `, whoActs(profile, ctx)]
          : [`Deleting by voice is off for ${isolate(profile.name)}, so a request is refused. Turn it on in `, el('a', { href: ctx.hrefs.profile(profile.id) }, userText(profile.name), "'s settings"), '.'],
      )
    : null;
  return el(
    'section',
    { class: 'view voice', 'aria-labelledby': 'view-heading', dataset: { view: 'voice' } },
    viewHeading('Delete by voice', 'Say it to a device, or type it here: this deletes for real.'),
    el(
      'form',
      {
        class: 'card voice-form',
        'aria-label': 'Voice request',
        onSubmit: (event) => {
          event.preventDefault();
          handlers.onVoiceRequest({ profileId: profileSelect.value, deviceId: deviceSelect.value, utterance: utterance.value });
        },
      },
      el(
        'div',
        { class: 'voice-fields' },
        el('div', { class: 'field' }, el('label', { for: voiceIds.profile }, 'Who is speaking'), profileSelect),
        el('div', { class: 'field' }, el('label', { for: voiceIds.device }, 'To which device'), deviceSelect),
        el('div', { class: 'field grow' }, el('label', { for: voiceIds.utterance }, 'What was said'), utterance),
      ),
      el(
        'p',
        { id: 'voice-examples', class: 'hint' },
        'For example “Alexa, delete what I just said” (the last ',
        plural(overview.retentionPolicy.justSaidWindowMinutes, 'minute'),
        ') or “delete everything I said today”. A wake word in front is ignored.',
      ),
      state,
      el('button', { type: 'submit', class: 'danger', id: voiceIds.submit }, 'Send the request…'),
      el('p', { id: voiceIds.understood, class: 'understood', 'aria-live': 'polite' }, voice.understood ?? ''),
      problemAt(ctx, 'voice', [utterance]),
      noticeAt(ctx, 'voice'),
    ),
  );
}
