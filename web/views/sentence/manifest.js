// The sentence view's row of the registry (../registry.js): its name, its step of the guided page and
// its link settings. Its drawing code, sentence-view.js, ships apart (web/app/view-code.js).
import { step } from './step.js';
import { sentenceParams } from './sentence-params.js';

export const sentenceView = { name: 'sentence', step, params: sentenceParams };
