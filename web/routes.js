// The views and their addresses (#/household, #/profile/<id>,
// #/summary/<id>, #/add-child, #/voice, #/activity, #/data, #/disclosure),
// and what each view is given to render: engine answers read through the
// adapter, the page's state, and the handlers.

import * as engineApi from './engine-adapter.js';
import { renderActivityView } from './view-activity.js';
import { renderAddChildView } from './view-add-child.js';
import { renderDataView } from './view-data.js';
import { renderDisclosureView } from './view-disclosure.js';
import { renderHouseholdView } from './view-household.js';
import { renderProfileView } from './view-profile.js';
import { renderSummaryView } from './view-summary.js';
import { renderVoiceView } from './view-voice.js';
import { historyPage } from './actions-history.js';
import { activityPage } from './activity-text.js';
import { adsPanelFor } from './ads.js';
import { householdPlace } from './jurisdiction.js';

export const hrefs = Object.freeze({
  household: () => '#/household',
  profile: (profileId) => `#/profile/${encodeURIComponent(profileId)}`,
  summary: (profileId) => `#/summary/${encodeURIComponent(profileId)}`,
  voice: () => '#/voice',
  activity: () => '#/activity',
  data: () => '#/data',
  addChild: () => '#/add-child',
  disclosure: () => '#/disclosure',
});

const SIMPLE_VIEWS = ['household', 'voice', 'activity', 'data', 'add-child', 'disclosure'];

/** The view an address names, or null for anything else (such as the skip link's #main). */
export function parseRoute(hash) {
  if (!hash || hash === '#' || hash === '#/') return { view: 'household' };
  if (!hash.startsWith('#/')) return null;
  const [view, ...rest] = hash.slice(2).split('/');
  if ((view === 'profile' || view === 'summary') && rest.length === 1 && rest[0]) {
    try {
      return { view, profileId: decodeURIComponent(rest[0]) };
    } catch {
      return { view: 'household' };
    }
  }
  if (SIMPLE_VIEWS.includes(view) && rest.length === 0) return { view };
  return { view: 'household' };
}

/** The view of the current route: `{ title, node }`. */
export function renderView(page, overview) {
  const nameOf = page.nameOf(overview);
  const now = page.now();
  // Which consent methods back disclosure (R-CON-2): the engine's word, read once per render when needed.
  let methods;
  const backing = () =>
    (methods ??= new Map(engineApi.privacyDisclosure(page.engine, { actor: page.readerId() }).consentMethods.map((m) => [m.method, m.backsDisclosure])));
  const ctx = {
    now,
    hrefs,
    nameOf,
    handlers: page.handlers,
    drafts: page.drafts,
    notices: page.notices,
    problem: (place) => page.problems.get(place) ?? null,
    devices: overview.devices,
    deviceNames: new Map(overview.devices.map((device) => [device.id, device.name])),
    noticeVersion: overview.privacyNotice.version,
    thirdParties: overview.privacyNotice.thirdParties,
    collects: overview.privacyNotice.collects,
    verifierReference: (p) => page.verifierReference(p),
    confirmedNames: page.confirmedNames,
    backsDisclosure: (method) => backing().get(method) !== false,
    // R-AGE-3: the household's place and its policy row (consent age, teen ad rules).
    place: householdPlace(page, overview),
  };
  const profileOf = () => overview.profiles.find((p) => p.id === page.route.profileId);
  switch (page.route.view) {
    case 'profile': {
      const profile = profileOf();
      const history = page.historyFor(profile.id);
      const viewCtx = {
        ...ctx,
        history,
        page: historyPage(page, profile),
        retention: page.retention.get(profile.id),
        player: page.player,
        ads: adsPanelFor(page, profile),
      };
      return { title: profile.name, node: renderProfileView(profile, viewCtx) };
    }
    case 'summary': {
      const profile = profileOf();
      const recordings = engineApi.listAllRecordings(page.engine, { actor: page.actorFor(profile), profileId: profile.id });
      return { title: `What we keep about ${profile.name}`, node: renderSummaryView(profile, { ...ctx, recordings, overview }) };
    }
    case 'voice': {
      if (!overview.profiles.some((p) => p.id === page.voice.profileId)) page.voice.profileId = overview.profiles[0]?.id;
      if (!overview.devices.some((d) => d.id === page.voice.deviceId)) page.voice.deviceId = overview.devices[0]?.id;
      const acting = overview.guardians.find((g) => g.id === page.actingGuardianId);
      return { title: 'Delete by voice', node: renderVoiceView(overview, { ...ctx, voice: page.voice, actingName: acting?.name ?? null }) };
    }
    case 'activity':
      return { title: 'Activity log', node: renderActivityView({ ...ctx, overview, activity: page.activity, ...activityPage(page, overview) }) };
    case 'data':
      return { title: 'Export and import', node: renderDataView(overview, { ...ctx, importResult: page.importResult }) };
    case 'add-child': {
      const profile = overview.profiles.find((p) => p.id === page.addChild.profileId) ?? null;
      return { title: 'Add a child or teen', node: renderAddChildView({ ...ctx, profile, profiles: overview.profiles }) };
    }
    case 'disclosure': {
      const disclosure = engineApi.privacyDisclosure(page.engine, { actor: page.readerId() });
      const firstChild = overview.profiles.find((p) => p.kind === 'child');
      return {
        title: 'Children’s privacy notice',
        node: renderDisclosureView(disclosure, { ...ctx, overview, firstChildHref: firstChild ? hrefs.profile(firstChild.id) : null }),
      };
    }
    default: {
      const sweepPlan = engineApi.previewSweep(page.engine, { actor: 'system', now, limit: 1 });
      return { title: overview.household.name, node: renderHouseholdView(overview, { ...ctx, sweepPlan, jobs: page.jobs }) };
    }
  }
}
