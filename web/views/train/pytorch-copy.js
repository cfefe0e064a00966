// "Copy as PyTorch" under the loss chart: the experiment on screen (every chosen scheme, in turn)
// as a runnable script (web/lib/torch-experiment.js), written from the options the trainer fills
// in for the settings, so the script trains what the page trains.
import { experimentScript } from '../../lib/torch-experiment.js';
import { createCopyCode } from '../shared/copy-code.js';
import { resolvedOptions } from './trainer-runs.js';

const PYTORCH = [{ name: 'torch', label: 'PyTorch' }];

/** Returns { element, clear() }; settings() gives the settings of the runs on screen. */
export function createPyTorchCopy({ pe, tasks, settings }) {
  return createCopyCode({
    what: 'this experiment',
    libraries: PYTORCH,
    snippet() {
      const shown = settings();
      const task = tasks.find(({ name }) => name === shown.task);
      return experimentScript(
        task,
        shown.schemes.map((scheme) => resolvedOptions(pe, shown, scheme)),
      );
    },
  });
}
