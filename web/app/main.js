// The page's entry point: loads the wasm core, builds the guided page's sections from the view
// registry (or the one view an embed asks for), draws the views as they come near the screen
// (their code fetched by view-code.js), keeps the URL in step with the controls, shows the theme
// the link asks for, tells a hosting page its height, and exposes window.peDemo for course
// authors and tests.
import { loadPE } from '../pe.js';
import { VIEWS } from '../views/registry.js';
import { element } from '../charts/figure.js';
import { readParams, writeParams } from '../lib/url-params.js';
import { showFatalError, showLinkNotes } from './page-notices.js';
import { addEmbedControl } from './embed-code.js';
import { announceHeightToHost } from './frame-height.js';
import { applyTheme, writeTheme } from './theme.js';
import { loadLaterViews, mountOf } from './view-code.js';
import { hideNamed, readHidden } from './hidden-controls.js';

// A view this close below the screen (in screen heights) is drawn before the reader gets there.
const DRAW_AHEAD = 1;

// ?view=NAME shows that view alone, without page chrome (the embed form); no view: the full page.
function chooseViews(search) {
  if (!search.has('view')) return { embedded: null, notes: [] };
  const name = search.get('view');
  const view = VIEWS.find((candidate) => candidate.name === name);
  if (view) return { embedded: view, notes: [] };
  const names = VIEWS.map((candidate) => candidate.name).join(', ');
  return { embedded: null, notes: [`view "${name.slice(0, 40)}" is not one of ${names}, so the full page is shown.`] };
}

// One section of the guided page: the step's heading and prose (trusted text of the view's
// step.js, never link input), then the slot the view draws into.
function createSection(view, number) {
  const section = element('section', 'step');
  section.id = view.step.anchor;
  section.dataset.step = view.name;
  const prose = element('div', 'prose chrome');
  const heading = element('h2');
  heading.append(element('span', 'step-number', String(number)), ` ${view.step.title}`);
  prose.append(heading);
  prose.insertAdjacentHTML('beforeend', view.step.html);
  const slot = element('div', 'view-slot');
  slot.dataset.viewSlot = view.name;
  section.append(prose, slot);
  return { section, slot };
}

// What the link's hide= names (hidden-controls.js): kept in every address the page writes.
let hidden = [];

// The page's address for the given views' states: the embed form when embedded is a view.
function urlFor(embedded, entries) {
  const search = new URLSearchParams();
  if (embedded) search.set('view', embedded.name);
  writeTheme(search);
  if (hidden.length) search.set('hide', hidden.join(','));
  for (const { view, schema, state } of entries) {
    writeParams(search, view.name, schema, state, { plain: Boolean(embedded) });
  }
  const query = search.toString();
  return query ? `?${query}` : location.pathname;
}

function writeUrl(embedded, entries) {
  try {
    history.replaceState(null, '', urlFor(embedded, entries));
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

function followInUrl(embedded, entries) {
  clearTimeout(urlTimer);
  if (!markUrlWritten)
    urlWritten = new Promise((resolve) => {
      markUrlWritten = resolve;
    });
  urlTimer = setTimeout(() => {
    writeUrl(embedded, entries);
    markUrlWritten();
    markUrlWritten = null;
  }, URL_DELAY_MS);
}

// window.peDemo: what course authors and tests may ask of the page.
function demoApi(embedded, entries, drawAll) {
  return {
    /** A promise of plain JSON of what is on screen: the embedded view's state, or the page's
     *  first view's state plus every view's under `views` (views not drawn yet are drawn first). */
    async snapshot() {
      await drawAll();
      // A view whose code could not be fetched has no state to give.
      const stateOf = (handle) => (handle ? handle.snapshot() : { drawn: false });
      const states = Object.fromEntries(entries.map(({ view, handle }) => [view.name, { view: view.name, ...stateOf(handle) }]));
      const primary = states[entries[0].view.name];
      return JSON.parse(JSON.stringify(embedded ? primary : { ...primary, view: 'page', views: states }));
    },
    /** Draws every view of the page now, not when it comes near the screen (for printing,
     *  full-page screenshots and tests); resolves when all are drawn. */
    drawAll,
    /** Resolves once the address shows the current state (it is written when typing pauses). */
    urlSettled() {
      return urlWritten;
    },
  };
}

async function start() {
  const search = new URLSearchParams(location.search);
  const { embedded, notes } = chooseViews(search);
  notes.push(...applyTheme(search));
  const hide = readHidden(search);
  hidden = hide.names;
  notes.push(...hide.notes);
  if (embedded) document.body.classList.add('embedded');
  const views = embedded ? [embedded] : VIEWS;
  const main = document.querySelector('[data-steps]');

  const pe = await loadPE();
  performance.mark('pe-lab:core-loaded');
  const entries = views.map((view, v) => {
    const schema = view.params(pe);
    const read = readParams(search, view.name, schema, { namedView: !embedded });
    notes.push(...read.notes);
    const { section, slot } = createSection(view, v + 1);
    main.append(section);
    const entry = { view, schema, state: read.state, slot, handle: null };
    hideNamed(slot, hidden);
    if (!embedded) addEmbedControl(slot, view.name, () => urlFor(view, [entry]));
    return entry;
  });

  function mountNow(entry, mount) {
    entry.handle = mount({
      pe,
      root: entry.slot,
      state: { ...entry.state },
      onChange(state) {
        entry.state = { ...state };
        followInUrl(embedded, entries);
      },
    });
    performance.mark(`pe-lab:drawn:${entry.view.name}`);
  }

  // Draws a view once, after its code is here (view-code.js); a view whose code cannot be
  // fetched says so in its place, and the next call tries again.
  function draw(entry) {
    entry.drawn ??= mountOf(entry.view.name).then(
      (mount) => mountNow(entry, mount),
      (error) => {
        entry.drawn = null;
        entry.slot.replaceChildren(
          element('p', 'page-notes fatal', `This view could not be drawn: ${error.message}. Reload the page to try again.`),
        );
      },
    );
    return entry.drawn;
  }

  // The views on the first screen draw now, in order (each one's height decides whether the next
  // is on screen); the rest when they come within DRAW_AHEAD screens of it.
  const ahead = new IntersectionObserver(
    (records) => {
      for (const record of records) {
        if (!record.isIntersecting) continue;
        ahead.unobserve(record.target);
        draw(entries.find(({ slot }) => slot === record.target));
      }
    },
    { rootMargin: `${DRAW_AHEAD * 100}% 0px` },
  );
  for (const entry of entries) {
    if (entry === entries[0] || entry.slot.getBoundingClientRect().top < innerHeight * (1 + DRAW_AHEAD)) await draw(entry);
    else ahead.observe(entry.slot);
  }
  const drawAll = () => Promise.all(entries.map(draw));

  window.peDemo = demoApi(embedded, entries, drawAll);

  // A printed page shows every view: their code is here by then (fetched just below), and a
  // view whose code is here draws before the print is laid out (in draw's microtask).
  addEventListener('beforeprint', drawAll);
  showLinkNotes([...new Set(notes)]);
  // Replace whatever the link held (junk included) with the state actually shown.
  writeUrl(embedded, entries);
  document.body.classList.add('ready');
  // The marks let benchmarks time navigation -> the first screen drawn and see where it goes
  // (core loaded, each view drawn).
  performance.mark('pe-lab:rendered');
  // The other views' code, now that the first screen is drawn (an embed fetched what it needs);
  // a failure shows in each view's place when it draws.
  if (!embedded) loadLaterViews().catch(() => {});
}

start().catch(showFatalError).finally(announceHeightToHost);
