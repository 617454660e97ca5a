// Extra panels in each profile's view.
//
// The "Ads and data" panel: `web/ads.js` exports
// `renderAdsPanel(container, engine, profile)` (the package's engine has
// `decideAds`). The profile view adds an "Ads and data" section (id
// `ads--<profile>`) and calls renderAdsPanel(container, engine, profile) on
// every render.

export { renderAdsPanel } from './ads.js';
