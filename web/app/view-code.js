// Where each view's drawing code (web/views/<name>/<name>-view.js, its mount) comes from.
// web/build/bundle.mjs writes two scripts from the registry: app.js holds the page, the core and
// the first view's code, so the guided page's first screen needs one script; views.js holds the
// other views' code and is fetched once the first screen is drawn (or at once, when an embed
// shows one of them), as a classic script (web/lib/classic-scripts.js).
import { loadScript, registry } from '../lib/classic-scripts.js';

const LATER_SCRIPT = 'views.js';
const mounts = registry('__peLabViewCode');

/** Called by each script as it runs: { name: mount }. */
export function registerViewCode(code) {
  Object.assign(mounts, code);
}

/** Fetches views.js once; resolves when its views are registered. A failed fetch may be retried. */
export function loadLaterViews() {
  return loadScript(LATER_SCRIPT);
}

/** The named view's mount function, fetching views.js first if it is not here yet. */
export async function mountOf(name) {
  if (!mounts[name]) await loadLaterViews();
  if (!mounts[name]) throw new Error(`${LATER_SCRIPT} has no drawing code for the view "${name}"`);
  return mounts[name];
}
