// Where each view's drawing code (web/views/<name>/<name>-view.js, its mount) comes from.
// web/build/bundle.mjs writes two scripts from the registry: app.js holds the page, the core and
// the first view's code, so the guided page's first screen needs one script; views.js holds the
// other views' code and is fetched once the first screen is drawn (or at once, when an embed
// shows one of them). Both are classic scripts, which load over file:// and in sandboxed iframes
// where module scripts are refused; being separate bundles, they meet only in one global.
const REGISTERED = '__peLabViewCode';
const LATER_SCRIPT = 'views.js';

const mounts = (globalThis[REGISTERED] ??= {});
// app.js's own address, readable only while it runs: views.js sits beside it.
const scriptUrl = /** @type {HTMLScriptElement | null} */ (document.currentScript)?.src ?? location.href;
let laterViews = null;

/** Called by each script as it runs: { name: mount }. */
export function registerViewCode(code) {
  Object.assign(mounts, code);
}

/** Fetches views.js once; resolves when its views are registered. A failed fetch may be retried. */
export function loadLaterViews() {
  laterViews ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = new URL(LATER_SCRIPT, scriptUrl).href;
    script.addEventListener('load', resolve);
    script.addEventListener('error', () => {
      laterViews = null;
      script.remove();
      reject(new Error(`the file ${LATER_SCRIPT} could not be loaded`));
    });
    document.head.append(script);
  });
  return laterViews;
}

/** The named view's mount function, fetching views.js first if it is not here yet. */
export async function mountOf(name) {
  if (!mounts[name]) await loadLaterViews();
  if (!mounts[name]) throw new Error(`${LATER_SCRIPT} has no drawing code for the view "${name}"`);
  return mounts[name];
}
