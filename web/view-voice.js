// The voice-request box: what someone said to a device, typed by the parent,
// for a chosen profile and device, understood by the engine's parser (a wake
// word in front is ignored) and carried out only where deletion by voice is
// on for that profile (R-DEL-2).

import { el } from './dom.js';
import { plural } from './format.js';
import { viewHeading } from './view.js';

export const voiceIds = {
  profile: 'voice-profile',
  device: 'voice-device',
  utterance: 'voice-utterance',
  submit: 'voice-submit',
  state: 'voice-state',
  understood: 'voice-understood',
};

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
    required: true,
    autocomplete: 'off',
    value: voice.utterance,
    'aria-describedby': 'voice-examples',
    onInput: (event) => handlers.onVoiceDraft({ utterance: event.target.value }),
  });
  const state = profile
    ? el(
        'p',
        { id: voiceIds.state, class: profile.voiceDeletion ? 'voice-state on' : 'voice-state off', dataset: { enabled: String(profile.voiceDeletion) } },
        profile.voiceDeletion
          ? `Deleting by voice is on for ${profile.name}.`
          : [`Deleting by voice is off for ${profile.name}: the engine will refuse. Turn it on in `, el('a', { href: ctx.hrefs.profile(profile.id) }, `${profile.name}'s settings`), '.'],
      )
    : null;
  return el(
    'section',
    { class: 'view voice', 'aria-labelledby': 'view-heading', dataset: { view: 'voice' } },
    viewHeading('Voice requests', 'Try what a request to a device does: type what was said, as if said to that device now.'),
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
      el('button', { type: 'submit', id: voiceIds.submit }, 'Send the request…'),
      el('p', { id: voiceIds.understood, class: 'understood', 'aria-live': 'polite' }, voice.understood ?? ''),
    ),
  );
}
