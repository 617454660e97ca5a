// Export and import: one person's data as a zip they can open, the household
// as a JSON file, and a household file imported back (a parent moving
// browsers), refused in plain words when the engine does not accept it.
// Plus the demo tools, standing in for the devices and the service.

import { el } from './dom.js';
import { renderProblem, toProblem } from './errors.js';
import { ids, problemAt, viewHeading } from './view.js';

export const dataIds = {
  exportHousehold: 'export-household',
  exportProfileSelect: 'export-profile-select',
  exportProfileButton: 'export-profile-button',
  importFile: 'import-file',
  importButton: 'import-review',
  importResult: 'import-result',
  simulateProfile: 'simulate-profile',
  simulateDevice: 'simulate-device',
  simulateText: 'simulate-text',
  simulateAudio: 'simulate-audio',
  simulateSubmit: 'simulate-submit',
  demoReset: 'demo-reset',
  demoLarge: 'demo-large',
  demoNotices: 'demo-notices',
  demoNoticeChange: 'demo-notice-change',
  demoRecipient: 'demo-recipient',
};

/** One demo tool: what it does, then its button (described by that text). */
function demoTool(id, className, onClick, label, hint) {
  return [
    el('p', { class: 'hint', id: `${id}-hint` }, hint),
    el('button', { type: 'button', class: className, id, 'aria-describedby': `${id}-hint`, onClick }, label),
  ];
}

export function renderDataView(overview, ctx) {
  const { handlers } = ctx;
  const profileSelect = el(
    'select',
    { id: dataIds.exportProfileSelect },
    overview.profiles.map((p) => el('option', { value: p.id }, p.name)),
  );
  const file = el('input', { type: 'file', id: dataIds.importFile, accept: 'application/json,.json', 'aria-describedby': 'import-hint' });
  const importProblem = ctx.importResult?.problem ? toProblem(ctx.importResult.problem, { field: dataIds.importFile }) : null;
  if (importProblem) {
    file.setAttribute('aria-invalid', 'true');
    file.setAttribute('aria-describedby', `import-hint ${ids.problem('import-file')}`);
  }
  const simulateProfile = el('select', { id: dataIds.simulateProfile }, overview.profiles.map((p) => el('option', { value: p.id }, p.name)));
  const simulateDevice = el('select', { id: dataIds.simulateDevice }, overview.devices.map((d) => el('option', { value: d.id }, d.name)));
  const simulateText = el('input', { id: dataIds.simulateText, type: 'text', required: true, autocomplete: 'off', dir: 'auto' });
  const simulateAudio = el('input', { id: dataIds.simulateAudio, type: 'checkbox', checked: true });
  return el(
    'section',
    { class: 'view data', 'aria-labelledby': 'view-heading', dataset: { view: 'data' } },
    viewHeading('Export and import'),
    el(
      'section',
      { class: 'card', 'aria-labelledby': 'export-heading' },
      el('h3', { id: 'export-heading' }, 'Export'),
      el('p', {}, 'One person’s data, to read or keep: a zip with a readable summary, the data file, and the audio clips kept in this browser.'),
      el(
        'form',
        {
          class: 'inline-form',
          onSubmit: (event) => {
            event.preventDefault();
            handlers.onExportProfile(profileSelect.value);
          },
        },
        el('label', { for: dataIds.exportProfileSelect }, 'One person’s data'),
        el('div', { class: 'inline-controls' }, profileSelect, el('button', { type: 'submit', class: 'secondary', id: dataIds.exportProfileButton }, 'Download their data')),
      ),
      el('p', {}, 'The whole household as one JSON file, to move it to another browser: people, devices, settings, recordings, receipts and the activity log. Audio clips stay in this browser.'),
      el('button', { type: 'button', id: dataIds.exportHousehold, onClick: () => handlers.onExportHousehold() }, 'Download the household'),
      problemAt(ctx, 'export'),
    ),
    el(
      'section',
      { class: 'card', 'aria-labelledby': 'import-heading' },
      el('h3', { id: 'import-heading' }, 'Import'),
      el(
        'form',
        {
          class: 'import-form',
          onSubmit: (event) => {
            event.preventDefault();
            handlers.onImport(file.files?.[0] ?? null);
          },
        },
        el('label', { for: dataIds.importFile }, 'Household file (JSON, as exported above)'),
        el('div', { class: 'inline-controls' }, file, el('button', { type: 'submit', class: 'danger', id: dataIds.importButton }, 'Review the import…')),
        el(
          'p',
          { id: 'import-hint', class: 'hint' },
          'Importing replaces the household in this browser, after you confirm. A file the engine does not accept changes nothing.',
        ),
      ),
      el(
        'div',
        { id: dataIds.importResult, class: 'import-result', 'aria-live': 'polite' },
        importProblem ? renderProblem(importProblem, { id: ids.problem('import-file'), title: 'This file was not imported. Nothing was changed.' }) : null,
        ctx.importResult?.message ? el('p', { class: 'ok-text' }, ctx.importResult.message) : null,
      ),
      problemAt(ctx, 'import'),
    ),
    el(
      'section',
      { class: 'card demo-tools', 'aria-labelledby': 'demo-heading' },
      el('h3', { id: 'demo-heading' }, 'Demo tools'),
      el('p', { class: 'hint' }, 'For trying the page: these stand in for the devices and the service.'),
      el(
        'form',
        {
          class: 'simulate-form',
          onSubmit: (event) => {
            event.preventDefault();
            handlers.onSimulate({
              profileId: simulateProfile.value,
              deviceId: simulateDevice.value,
              transcript: simulateText.value,
              withAudio: simulateAudio.checked,
            });
          },
        },
        el(
          'fieldset',
          {},
          el('legend', {}, 'Something said to a device, now'),
          el('div', { class: 'field' }, el('label', { for: dataIds.simulateProfile }, 'Said by'), simulateProfile),
          el('div', { class: 'field' }, el('label', { for: dataIds.simulateDevice }, 'Said to'), simulateDevice),
          el('div', { class: 'field grow' }, el('label', { for: dataIds.simulateText }, 'What was said'), simulateText),
          el('div', { class: 'checkbox-row' }, simulateAudio, el('label', { for: dataIds.simulateAudio }, 'With a short audio clip')),
          el('button', { type: 'submit', id: dataIds.simulateSubmit }, 'Record it'),
        ),
        problemAt(ctx, 'simulate', [simulateText]),
      ),
      el(
        'div',
        { class: 'inline-controls' },
        el('button', { type: 'button', class: 'danger', id: dataIds.demoReset, onClick: () => handlers.onDemo('small') }, 'Start again with the demo household…'),
        el('button', { type: 'button', class: 'danger', id: dataIds.demoLarge, onClick: () => handlers.onDemo('large') }, 'Load the large demo (10,000 recordings)…'),
      ),
      el(
        'div',
        { class: 'demo-lifecycle' },
        el('h4', {}, 'Notices and consent'),
        demoTool(dataIds.demoNotices, 'danger', () => handlers.onDemo('notices'), 'Load the demo household with notices to review…',
          'A demo household set up 19 months ago, with a child unused since then (an inactive-profile notice) and a child who turned 13 two days ago (an age review).'),
        demoTool(dataIds.demoNoticeChange, 'secondary', () => handlers.onPublishNoticeChange('location'), 'Publish a changed privacy notice…',
          'As the service operator: publish a new privacy notice that also collects the approximate location. That is a material change, so each child needs fresh consent.'),
        demoTool(dataIds.demoRecipient, 'secondary', () => handlers.onPublishNoticeChange('recipient'), 'Publish a notice that names a third party…',
          'As the service operator: publish a notice that names a company which may receive a child’s recordings, with a parent’s separate consent. Also a material change.'),
        problemAt(ctx, 'demo'),
      ),
    ),
  );
}
