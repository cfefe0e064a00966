// Every view of the page, in the order the guided page tells the story: one line per view. The
// page's sections, the embed form (?view=NAME), "Embed this view" and the browser tests' list of
// views are all read from here. Each view module (one folder, web/views/<name>/) exports
//   { name, step: { anchor, title, html }, params(pe), mount({ pe, root, state, onChange }) }
// where step is the guided page's heading and prose for the view (web/views/<name>/step.js),
// params(pe) returns the view's link schema (../lib/url-params.js types; it may depend on the
// core, e.g. the schemes it offers), state holds the values read from the link, onChange(state)
// reports new control values, and mount returns { snapshot() }, plain JSON of the view.
import { sentenceView } from './sentence/sentence-view.js';
import { magnitudeView } from './magnitude/magnitude-view.js';
import { gridView } from './grid/grid-view.js';
import { wavesView } from './waves/waves-view.js';
import { sinusoidalView } from './sinusoidal/sinusoidal-view.js';
import { ropeView } from './rope/rope-view.js';
import { mlaView } from './mla/mla-view.js';

export const VIEWS = [sentenceView, magnitudeView, gridView, wavesView, sinusoidalView, ropeView, mlaView];
