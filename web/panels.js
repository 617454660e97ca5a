// Extra panels in each profile's view.
//
// Integration point for the "Ads and data" panel: once `web/ads.js` exists
// (exporting `renderAdsPanel(container, engine, profile)`) and the package's
// engine has `decideAds`, replace the line below with
//
//   export { renderAdsPanel } from './ads.js';
//
// The profile view then adds an "Ads and data" section (id `ads--<profile>`)
// and calls renderAdsPanel(container, engine, profile) on every render.
// Until then there is no such section.

export const renderAdsPanel = null;
