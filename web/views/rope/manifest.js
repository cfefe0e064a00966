// The rope view's row of the registry (../registry.js): its name, its step of the guided page and
// its link settings. Its drawing code, rope-view.js, ships apart (web/app/view-code.js).
import { step } from './step.js';
import { ropeParams } from './rope-params.js';

export const ropeView = { name: 'rope', step, params: ropeParams };
