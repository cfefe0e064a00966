// The mla view's row of the registry (../registry.js): its name, its step of the guided page and
// its link settings. Its drawing code, mla-view.js, ships apart (web/app/view-code.js).
import { step } from './step.js';
import { mlaParams } from './mla-params.js';

export const mlaView = { name: 'mla', step, params: mlaParams };
