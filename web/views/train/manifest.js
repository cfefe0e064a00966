// The training lab's row of the registry (../registry.js): its name, its step of the guided page
// and its link settings. Its drawing code, train-view.js, ships apart (web/app/view-code.js), and
// the trainer's own module arrives only when the view is drawn (pe.loadTrainer).
import { step } from './step.js';
import { trainParams } from './train-params.js';

export const trainView = { name: 'train', step, params: trainParams };
