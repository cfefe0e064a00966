// Code that arrives later as classic scripts: the page's other views (web/app/view-code.js) and
// the tokenizers' vocabularies (web/pe.js). Classic <script> elements load over file://, under
// the strict CSP and in sandboxed iframes, where import() and fetch() are refused; each script,
// being a separate bundle, registers what it brings in a global registry shared with the page.

// The address of the script this module was bundled into, readable only while it first runs:
// later scripts sit beside it. Outside a document (Node) there is none.
const scriptUrl = globalThis.document ? (/** @type {HTMLScriptElement | null} */ (document.currentScript)?.src ?? location.href) : null;
const loading = new Map();

/** The registry called name, shared by every script of the page: an object to add entries to. */
export function registry(name) {
  globalThis[name] ??= {};
  return globalThis[name];
}

/** Whether scripts can be added here (a browser page) rather than imported (Node). */
export const canLoadScripts = scriptUrl !== null;

/** The address of a file that ships beside the page's script (a vocabulary's licence text). */
export function besideScript(path) {
  return new URL(path, scriptUrl).href;
}

/** Adds the script at path (relative to the page's own script) once; resolves when it has run.
 *  A failure rejects with an Error naming the file, and a later call tries again. */
export function loadScript(path) {
  if (!loading.has(path)) {
    loading.set(
      path,
      new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = besideScript(path);
        script.addEventListener('load', resolve);
        script.addEventListener('error', () => {
          loading.delete(path);
          script.remove();
          reject(new Error(`the file ${path} could not be loaded`));
        });
        document.head.append(script);
      }),
    );
  }
  return loading.get(path);
}
