// The magnitude view's row of the registry (../registry.js): its name, its step of the guided page and
// its link settings. Its drawing code, magnitude-view.js, ships apart (web/app/view-code.js).
import { step } from './step.js';
import { magnitudeParams } from './magnitude-params.js';

export const magnitudeView = { name: 'magnitude', step, params: magnitudeParams };
