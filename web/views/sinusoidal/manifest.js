// The sinusoidal view's row of the registry (../registry.js): its name, its step of the guided page and
// its link settings. Its drawing code, sinusoidal-view.js, ships apart (web/app/view-code.js).
import { step } from './step.js';
import { sinusoidalParams } from './sinusoidal-params.js';

export const sinusoidalView = { name: 'sinusoidal', step, params: sinusoidalParams };
