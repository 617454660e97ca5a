// One profile: how long its recordings are kept (with the engine's preview
// of what the next sweep would delete), deletion by voice on or off, the
// voice history (filter by date and device, paged, select, play, delete),
// deletion by range, device or everything, its data as a file, and the ads
// panel when there is one. A child's view also has its parental consent
// panel (view-consent.js), any notice about it, and rename/remove.

import { el } from './dom.js';
import {
  RETENTION_SETTINGS,
  ageText,
  durationText,
  effectiveRetentionText,
  formatDate,
  formatDateTime,
  formatNumber,
  months,
  plural,
  retentionLabel,
} from './format.js';
import { ids, renderPager, time, viewHeading } from './view.js';
import { renderConsentPanel, renderManageSection, renderNotEnabled, renderNotices } from './view-consent.js';

/** An input or select whose unsaved value survives re-renders (kept in ctx.drafts). */
function draft(ctx, tag, props, ...children) {
  const node = el(tag, props, ...children);
  if (ctx.drafts.has(props.id)) node.value = ctx.drafts.get(props.id);
  const keep = () => ctx.handlers.onDraft(props.id, node.value);
  node.addEventListener('input', keep);
  node.addEventListener('change', keep);
  return node;
}

function retentionSection(profile, ctx) {
  const { handlers } = ctx;
  const selectId = ids.retentionSelect(profile.id);
  const hintId = ids.retentionHint(profile.id);
  const effectiveId = ids.effective(profile.id);
  const isChild = profile.kind === 'child';
  const policyMax = profile.effectiveRetention.policyMaxMonths;
  const pending = ctx.retention?.pending ?? profile.retention;
  const optionLabel = (setting) =>
    isChild && setting === 'until_deleted' && policyMax !== null
      ? `${retentionLabel(setting)} (at most ${months(policyMax)} for a child)`
      : retentionLabel(setting);
  const select = el(
    'select',
    {
      id: selectId,
      name: 'setting',
      'aria-describedby': `${effectiveId} ${hintId}`,
      onChange: (event) => handlers.onPreviewRetention(profile, event.target.value),
    },
    RETENTION_SETTINGS.map((setting) => el('option', { value: setting, selected: setting === pending }, optionLabel(setting))),
  );
  const explain = isChild && policyMax !== null
    ? el(
        'p',
        { class: 'hint policy-explained' },
        `A child’s recordings are never kept indefinitely: the household’s written retention policy keeps them at most ${months(policyMax)}, whatever is chosen here.`,
      )
    : null;
  return el(
    'section',
    { class: 'card', 'aria-labelledby': `${selectId}-heading` },
    el('h3', { id: `${selectId}-heading` }, 'How long recordings are kept'),
    el(
      'form',
      {
        class: 'retention-form',
        'aria-label': `Retention for ${profile.name}`,
        onSubmit: (event) => {
          event.preventDefault();
          handlers.onSaveRetention(profile, select.value);
        },
      },
      el('label', { for: selectId }, 'Retention setting'),
      el('div', { class: 'inline-controls' }, select, el('button', { type: 'submit', id: ids.retentionSave(profile.id) }, 'Save setting')),
      el(
        'p',
        { id: effectiveId, class: 'effective', dataset: { months: String(profile.effectiveRetention.months) } },
        'In effect: ',
        el('strong', { class: 'effective-value' }, effectiveRetentionText(profile.effectiveRetention)),
        '.',
      ),
      explain,
      el('p', { id: hintId, class: 'hint retention-hint', 'aria-live': 'polite' }, ctx.retention?.hint ?? ''),
    ),
  );
}

function voiceDeletionSection(profile, ctx) {
  const id = ids.voiceDeletion(profile.id);
  return el(
    'section',
    { class: 'card', 'aria-labelledby': `${id}-heading` },
    el('h3', { id: `${id}-heading` }, 'Deleting by voice'),
    el(
      'div',
      { class: 'checkbox-row' },
      el('input', {
        type: 'checkbox',
        id,
        checked: profile.voiceDeletion,
        'aria-describedby': `${id}-hint`,
        onChange: (event) => ctx.handlers.onSetVoiceDeletion(profile, event.target.checked),
      }),
      el('label', { for: id }, `Let ${profile.name} delete recordings by voice`),
    ),
    el(
      'p',
      { id: `${id}-hint`, class: 'hint' },
      'Saying “delete what I just said” or “delete everything I said today” to a device then deletes those recordings. ',
      profile.voiceDeletion ? 'It is on.' : 'It is off.',
    ),
  );
}

function filterForm(profile, ctx) {
  const { filter } = ctx.history;
  const fromId = ids.filterFrom(profile.id);
  const toId = ids.filterTo(profile.id);
  const deviceId = ids.filterDevice(profile.id);
  const from = draft(ctx, 'input', { id: fromId, name: 'from', type: 'date', value: filter.from });
  const to = draft(ctx, 'input', { id: toId, name: 'to', type: 'date', value: filter.to });
  const device = draft(
    ctx,
    'select',
    { id: deviceId, name: 'device' },
    el('option', { value: '', selected: filter.deviceId === '' }, 'All devices'),
    ctx.devices.map((d) => el('option', { value: d.id, selected: filter.deviceId === d.id }, d.name)),
  );
  return el(
    'form',
    {
      class: 'filter-form',
      'aria-label': `Filter ${profile.name}'s recordings`,
      onSubmit: (event) => {
        event.preventDefault();
        ctx.handlers.onFilter(profile, { from: from.value, to: to.value, deviceId: device.value });
      },
    },
    el(
      'fieldset',
      {},
      el('legend', {}, 'Show only'),
      el('div', { class: 'field' }, el('label', { for: fromId }, 'Recorded from'), from),
      el('div', { class: 'field' }, el('label', { for: toId }, 'Recorded until (included)'), to),
      el('div', { class: 'field' }, el('label', { for: deviceId }, 'Recorded on'), device),
      el('button', { type: 'submit', id: ids.filterApply(profile.id) }, 'Show'),
      el(
        'button',
        { type: 'button', class: 'secondary', id: ids.filterClear(profile.id), onClick: () => ctx.handlers.onClearFilter(profile) },
        'Show all',
      ),
    ),
  );
}

function dueCell(recording, now) {
  if (recording.dueAt === null) return el('td', {}, 'kept until deleted');
  const cell = el('td', { class: 'nowrap' }, time(recording.dueAt, formatDate(recording.dueAt)));
  if (recording.dueAt <= now) cell.append(' ', el('span', { class: 'badge warn' }, 'due now'));
  return cell;
}

function recordingRow(profile, recording, ctx) {
  const deviceName = ctx.deviceNames.get(recording.deviceId) ?? recording.deviceId;
  const captured = formatDateTime(recording.capturedAt);
  const derived = recording.derived.map((item) => item.kind.replace('_', ' '));
  const described = `recording from ${captured} on ${deviceName}`;
  const selected = ctx.history.selected.has(recording.id);
  const audioCell = recording.audio
    ? el(
        'td',
        { class: 'nowrap' },
        el(
          'button',
          {
            type: 'button',
            class: 'secondary small play',
            id: ids.play(recording.id),
            'aria-label': `Play ${described}`,
            onClick: () => ctx.handlers.onPlay(profile, recording),
          },
          '▶ Play',
        ),
        ' ',
        el('span', { class: 'muted' }, durationText(recording.audio.durationMs)),
      )
    : el('td', {}, el('span', { class: 'muted' }, 'no audio'));
  return el(
    'tr',
    { dataset: { recordingId: recording.id }, class: selected ? 'selected' : null },
    el(
      'td',
      {},
      el('input', {
        type: 'checkbox',
        id: ids.select(recording.id),
        class: 'select-recording',
        checked: selected,
        'aria-label': `Select ${described}`,
        onChange: (event) => ctx.handlers.onToggleSelect(profile, recording.id, event.target.checked),
      }),
    ),
    el('td', { class: 'nowrap captured' }, time(recording.capturedAt, captured)),
    el('td', { class: 'device' }, deviceName),
    el('td', { class: 'transcript' }, recording.transcript === null ? el('span', { class: 'muted' }, 'no transcript') : recording.transcript),
    audioCell,
    el('td', {}, derived.length ? derived.join(', ') : el('span', { class: 'muted' }, 'none')),
    dueCell(recording, ctx.now),
    el(
      'td',
      {},
      el(
        'button',
        {
          type: 'button',
          class: 'danger small',
          id: ids.deleteRecording(recording.id),
          'aria-label': `Delete ${described}`,
          onClick: () => ctx.handlers.onDeleteOne(profile, recording),
        },
        'Delete…',
      ),
    ),
  );
}

function filterText(filter, ctx) {
  const parts = [];
  if (filter.from) parts.push(`from ${filter.from}`);
  if (filter.to) parts.push(`until ${filter.to}`);
  if (filter.deviceId) parts.push(`on ${ctx.deviceNames.get(filter.deviceId) ?? filter.deviceId}`);
  return parts.join(' ');
}

function historySection(profile, ctx) {
  const { page, history } = ctx;
  const { total, recordings, offset, pageSize } = page;
  const tableId = ids.recordings(profile.id);
  const filtered = filterText(history.filter, ctx);
  const pageIds = recordings.map((recording) => recording.id);
  const selectedOnPage = pageIds.filter((id) => history.selected.has(id)).length;
  const selectedCount = history.selected.size;
  const first = total === 0 ? 0 : offset + 1;
  const last = offset + recordings.length;
  const summary = total === 0
    ? filtered
      ? `No recordings of ${profile.name}'s match (${filtered}).`
      : `No recordings are kept for ${profile.name}.`
    : `${formatNumber(first)}–${formatNumber(last)} of ${plural(total, 'recording')}${filtered ? ` (${filtered})` : ''}, newest first`;

  const selectPage = el('input', {
    type: 'checkbox',
    id: ids.selectPage(profile.id),
    checked: recordings.length > 0 && selectedOnPage === recordings.length,
    disabled: recordings.length === 0,
    onChange: (event) => ctx.handlers.onSelectPage(profile, pageIds, event.target.checked),
  });
  selectPage.indeterminate = selectedOnPage > 0 && selectedOnPage < recordings.length;

  const table =
    total === 0
      ? el('p', { id: tableId, class: 'empty', dataset: { total: '0' } }, summary)
      : el(
          'div',
          { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-labelledby': `${tableId}-caption` },
          el(
            'table',
            { id: tableId, class: 'recordings-table', dataset: { total: String(total), offset: String(offset) } },
            el('caption', { id: `${tableId}-caption` }, `${profile.name}'s recordings: ${summary}`),
            el(
              'thead',
              {},
              el(
                'tr',
                {},
                el('th', { scope: 'col' }, el('span', { class: 'visually-hidden' }, 'Selected')),
                ['Captured', 'Device', 'Transcript', 'Audio', 'Derived', 'Due for deletion', 'Delete'].map((h) => el('th', { scope: 'col' }, h)),
              ),
            ),
            el('tbody', {}, recordings.map((recording) => recordingRow(profile, recording, ctx))),
          ),
        );

  return el(
    'section',
    { class: 'card history', 'aria-labelledby': `${tableId}-heading` },
    el('h3', { id: `${tableId}-heading` }, 'Voice history'),
    filterForm(profile, ctx),
    el('p', { class: 'history-summary', id: `${tableId}-summary`, 'aria-live': 'polite' }, summary),
    el(
      'div',
      { class: 'selection-bar' },
      el('div', { class: 'checkbox-row' }, selectPage, el('label', { for: ids.selectPage(profile.id) }, 'Select every recording on this page')),
      el('span', { class: 'selection-count', id: `${tableId}-selected`, 'aria-live': 'polite' }, `${plural(selectedCount, 'recording')} selected`),
      el(
        'button',
        {
          type: 'button',
          class: 'danger',
          id: ids.deleteSelected(profile.id),
          disabled: selectedCount === 0,
          onClick: () => ctx.handlers.onDeleteSelected(profile),
        },
        `Delete selected (${formatNumber(selectedCount)})…`,
      ),
      el(
        'button',
        {
          type: 'button',
          class: 'secondary',
          id: ids.clearSelection(profile.id),
          disabled: selectedCount === 0,
          onClick: () => ctx.handlers.onClearSelection(profile),
        },
        'Clear selection',
      ),
    ),
    table,
    total > pageSize
      ? renderPager({
          name: ['history', profile.id],
          label: `${profile.name}'s recording pages`,
          offset,
          pageSize,
          total,
          onPage: (target) => ctx.handlers.onPage(profile, target),
        })
      : null,
    ctx.player,
  );
}

function deletionSection(profile, ctx) {
  const fromId = ids.rangeFrom(profile.id);
  const toId = ids.rangeTo(profile.id);
  const deviceSelectId = ids.deviceSelect(profile.id);
  const from = draft(ctx, 'input', { id: fromId, name: 'from', type: 'date', required: true });
  const to = draft(ctx, 'input', { id: toId, name: 'to', type: 'date', required: true });
  const device = draft(ctx, 'select', { id: deviceSelectId, name: 'device' }, ctx.devices.map((d) => el('option', { value: d.id }, d.name)));
  return el(
    'section',
    { class: 'card deletion', 'aria-labelledby': `${fromId}-heading` },
    el('h3', { id: `${fromId}-heading` }, `Delete ${profile.name}'s recordings`),
    el('p', { class: 'hint' }, 'Each asks first, showing exactly what would go, and then gives a receipt. Deleted recordings cannot be brought back or used for anything.'),
    el(
      'div',
      { class: 'deletion-forms' },
      el(
        'form',
        {
          class: 'range-form',
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
        ),
      ),
      el(
        'div',
        { class: 'delete-all' },
        el('p', {}, `Everything ${profile.name} has recorded, on every device.`),
        el(
          'button',
          { type: 'button', class: 'danger', id: ids.deleteAll(profile.id), onClick: () => ctx.handlers.onDeleteAll(profile) },
          `Review deleting all of ${profile.name}'s recordings…`,
        ),
      ),
    ),
  );
}

function exportSection(profile, ctx) {
  return el(
    'section',
    { class: 'card', 'aria-labelledby': `${ids.exportProfile(profile.id)}-heading` },
    el('h3', { id: `${ids.exportProfile(profile.id)}-heading` }, `${profile.name}'s data`),
    el(
      'p',
      {},
      `Download everything kept about ${profile.name} (recordings with transcripts and derived items, what was deleted and the deletion receipts) as a JSON file.`,
    ),
    el(
      'button',
      { type: 'button', class: 'secondary', id: ids.exportProfile(profile.id), onClick: () => ctx.handlers.onExportProfile(profile) },
      `Download ${profile.name}'s data`,
    ),
  );
}

/** The "Ads and data" panel (web/ads.js through panels.js): it brings its own section and h3 heading. */
function adsSection(profile, ctx) {
  if (!ctx.renderAds) return null;
  const container = el('div', { class: 'card ads-host', id: ids.ads(profile.id) });
  ctx.renderAds(container, profile);
  return container;
}

const CONSENT_TEXT = {
  none: 'parental consent not given yet',
  pending: 'parental consent requested, not yet verified',
  verified: 'parental consent verified',
  revoked: 'parental consent revoked',
};

/** A child's consent state, in the facts line. */
function consentText(profile) {
  if (profile.kind !== 'child' || !profile.consent) return null;
  return CONSENT_TEXT[profile.consent.state] ?? `parental consent: ${profile.consent.state}`;
}

/** The view of one profile. */
export function renderProfileView(profile, ctx) {
  const facts = [
    profile.kind === 'child' ? 'Child' : 'Adult',
    ageText(profile.birthDate, ctx.now),
    consentText(profile),
    profile.kind === 'child' ? (profile.enabled ? 'enabled' : 'not enabled') : null,
    `${plural(profile.recordingCount, 'recording')} kept`,
  ].filter(Boolean);
  return el(
    'section',
    { class: 'view profile', id: ids.profile(profile.id), 'aria-labelledby': 'view-heading', dataset: { view: 'profile', profileId: profile.id, enabled: String(profile.enabled) } },
    viewHeading(profile.name),
    el('p', { class: 'facts' }, facts.join(' · ')),
    renderNotices([profile], ctx, { title: `${profile.name} needs your attention` }),
    renderNotEnabled(profile, ctx),
    renderConsentPanel(profile, ctx),
    el('div', { class: 'profile-controls' }, retentionSection(profile, ctx), voiceDeletionSection(profile, ctx)),
    historySection(profile, ctx),
    deletionSection(profile, ctx),
    exportSection(profile, ctx),
    renderManageSection(profile, ctx),
    adsSection(profile, ctx),
  );
}
