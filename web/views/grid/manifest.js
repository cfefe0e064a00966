// The grid view's row of the registry (../registry.js): its name, its step of the guided page and
// its link settings. Its drawing code, grid-view.js, ships apart (web/app/view-code.js).
import { step } from './step.js';
import { GRID_PARAMS } from './grid-params.js';

export const gridView = { name: 'grid', step, params: () => GRID_PARAMS };
