// The waves view's row of the registry (../registry.js): its name, its step of the guided page and
// its link settings. Its drawing code, waves-view.js, ships apart (web/app/view-code.js).
import { step } from './step.js';
import { WAVES_PARAMS } from './waves-params.js';

export const wavesView = { name: 'waves', step, params: () => WAVES_PARAMS };
