// Every view of the page, in the order the guided page tells the story: one line per view. The
// page's sections, the embed form (?view=NAME), "Embed this view", the page's scripts
// (web/build/bundle.mjs) and the browser tests' list of views are all read from here. A view is
// one folder, web/views/<name>/, with
//   manifest.js     its row here: { name, step: { anchor, title, html }, params(pe) }
//   <name>-view.js  its drawing code: mount({ pe, root, state, onChange }) -> { snapshot() }
// where step is the guided page's heading and prose for the view (step.js), params(pe) returns
// the view's link schema (../lib/url-params.js types; it may depend on the core, e.g. the schemes
// it offers), state holds the values read from the link, onChange(state) reports new control
// values, and snapshot() returns plain JSON of the view. The rows are small, so the page can
// build every section before the drawing code of the views further down arrives
// (web/app/view-code.js).
/**
 * What mount receives; pe is the API as web/pe.d.ts types it.
 * @typedef {{ pe: import('../pe.js').PE, root: HTMLElement, state: Record<string, any>, onChange: (state: object) => void }} MountContext
 */
import { sentenceView } from './sentence/manifest.js';
import { magnitudeView } from './magnitude/manifest.js';
import { gridView } from './grid/manifest.js';
import { wavesView } from './waves/manifest.js';
import { sinusoidalView } from './sinusoidal/manifest.js';
import { ropeView } from './rope/manifest.js';
import { mlaView } from './mla/manifest.js';
import { trainView } from './train/manifest.js';

export const VIEWS = [sentenceView, magnitudeView, gridView, wavesView, sinusoidalView, ropeView, mlaView, trainView];
