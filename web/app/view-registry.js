// Every view of the page, in the order the full page tells the story. Each view module exports
//   { name, params, mount({ pe, root, state, onChange }) -> { snapshot() } }
// where params is a schema of ./url-params.js types (or a function of the loaded API returning
// one, for parameters the core defines), state holds the values read from the link,
// onChange(state) reports new control values, and snapshot() returns plain JSON of the view.
import { sentenceView } from '../views/sentence/sentence-view.js';
import { magnitudeView } from '../views/magnitude/magnitude-view.js';
import { gridView } from '../views/grid/grid-view.js';
import { wavesView } from '../views/waves/waves-view.js';

export const VIEWS = [sentenceView, magnitudeView, gridView, wavesView];
