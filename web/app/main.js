// The page's entry point: loads the wasm core, mounts the views the URL asks for, keeps the URL
// in step with the controls, and exposes window.peDemo for course authors and tests.
import { loadPE } from '../pe.js';
import { VIEWS } from './view-registry.js';
import { readParams, writeParams } from './url-params.js';
import { showFatalError, showLinkNotes } from './page-notices.js';
import { addEmbedControl } from './embed-code.js';

// ?view=NAME shows that view alone, without page chrome (the embed form); no view: the full page.
function chooseViews(search) {
  if (!search.has('view')) return { embedded: null, notes: [] };
  const name = search.get('view');
  const view = VIEWS.find((candidate) => candidate.name === name);
  if (view) return { embedded: view, notes: [] };
  const names = VIEWS.map((candidate) => candidate.name).join(', ');
  return { embedded: null, notes: [`view "${name.slice(0, 40)}" is not one of ${names}, so the full page is shown.`] };
}

// The page's address for the given views' states: the embed form when embedded is a view.
function urlFor(embedded, mounted) {
  const search = new URLSearchParams();
  if (embedded) search.set('view', embedded.name);
  for (const { view, schema, state } of mounted) {
    writeParams(search, view.name, schema, state, { plain: Boolean(embedded) });
  }
  const query = search.toString();
  return query ? `?${query}` : location.pathname;
}

function writeUrl(embedded, mounted) {
  try {
    history.replaceState(null, '', urlFor(embedded, mounted));
  } catch {
    // Some hosts (sandboxed iframes, file://) refuse URL updates; the view itself still works.
  }
}

// replaceState costs several milliseconds (more with a long text in the link), so while someone
// types, the address is written once typing pauses rather than on every keystroke.
const URL_DELAY_MS = 250;
let urlTimer = null;
let urlWritten = Promise.resolve();
let markUrlWritten = null;

function followInUrl(embedded, mounted) {
  clearTimeout(urlTimer);
  if (!markUrlWritten) urlWritten = new Promise((resolve) => { markUrlWritten = resolve; });
  urlTimer = setTimeout(() => {
    writeUrl(embedded, mounted);
    markUrlWritten();
    markUrlWritten = null;
  }, URL_DELAY_MS);
}

async function start() {
  const search = new URLSearchParams(location.search);
  const { embedded, notes } = chooseViews(search);
  if (embedded) {
    document.body.classList.add('embedded');
    for (const step of document.querySelectorAll('[data-step]')) step.hidden = step.dataset.step !== embedded.name;
  }

  const pe = await loadPE();
  performance.mark('pe-lab:core-loaded');
  const mounted = [];
  for (const view of embedded ? [embedded] : VIEWS) {
    // A view's parameters may depend on the core (the sentence views offer its schemes).
    const schema = typeof view.params === 'function' ? view.params(pe) : view.params;
    const read = readParams(search, view.name, schema, { namedView: !embedded });
    notes.push(...read.notes);
    const entry = { view, schema, state: read.state };
    const root = document.querySelector(`[data-view-slot="${view.name}"]`);
    entry.handle = view.mount({
      pe,
      root,
      state: { ...read.state },
      onChange(state) {
        entry.state = { ...state };
        followInUrl(embedded, mounted);
      },
    });
    performance.mark(`pe-lab:drawn:${view.name}`);
    mounted.push(entry);
    if (!embedded) addEmbedControl(root, view.name, () => urlFor(view, [entry]));
  }
  window.peDemo = {
    /** Plain JSON of what is on screen: the embedded view's state, or the page's first view's
     *  state plus every view's under `views`. */
    snapshot() {
      const views = Object.fromEntries(mounted.map(({ view, handle }) => [view.name, { view: view.name, ...handle.snapshot() }]));
      const primary = views[mounted[0].view.name];
      return JSON.parse(JSON.stringify(embedded ? primary : { ...primary, view: 'page', views }));
    },
    /** Resolves once the address shows the current state (it is written when typing pauses). */
    urlSettled() {
      return urlWritten;
    },
  };

  showLinkNotes([...new Set(notes)]);
  // Replace whatever the link held (junk included) with the state actually shown.
  writeUrl(embedded, mounted);
  document.body.classList.add('ready');
  // Views draw synchronously in mount(); the marks let benchmarks time navigation -> first render
  // and see where it goes (core loaded, each view drawn).
  performance.mark('pe-lab:rendered');
}

start().catch(showFatalError);
