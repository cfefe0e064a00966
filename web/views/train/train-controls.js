// The training lab's settings panel: the task (with what it asks and what of position it needs),
// the schemes to compare (a checkbox each, from pe.schemes), norm, causal mask, first position
// (0, the lecture's 200, or any), training length, model size, learning rate, steps and seed.
// Every control carries data-control with its link name, which hide= (web/app) reads.
import { element, setText } from '../../charts/figure.js';
import {
  choiceSelect,
  decimalInput,
  labelled,
  labelledCheckbox,
  readDecimal,
  readWhole,
  wholeNumberInput,
} from '../shared/control-parts.js';
import { NORMS, allows, limitWords } from './train-params.js';
import { SIZES } from './trainer-runs.js';

const START_PRESETS = [0, 200];

function tagged(node, name) {
  node.dataset.control = name;
  return node;
}

function taskControl(tasks, value) {
  const select = choiceSelect(
    tasks.map(({ name, label }) => ({ value: name, label })),
    value,
    'task',
  );
  const about = element('p', 'control-hint train-task-about');
  const describe = () => {
    const task = tasks.find(({ name }) => name === select.value);
    setText(about, `${task.description} Position: ${task.needs}.`);
  };
  describe();
  select.addEventListener('input', describe);
  const box = tagged(element('div', 'control-wide train-task'), 'task');
  box.append(labelled('Task', select), about);
  return { element: box, read: () => select.value };
}

function schemesControl(schemes, chosen) {
  const box = tagged(element('fieldset', 'control-wide train-schemes'), 'schemes');
  box.append(element('legend', 'control-name', 'Schemes to compare'));
  const boxes = schemes.map(({ name, label }) => {
    const { element: item, input } = labelledCheckbox(label, chosen.includes(name));
    input.dataset.scheme = name;
    box.append(item);
    return { name, input };
  });
  return { element: box, read: () => boxes.filter(({ input }) => input.checked).map(({ name }) => name) };
}

// The first position: a preset (0 or 200) or any whole number typed in the box beside.
function startControl(value, limits) {
  const choices = [...START_PRESETS.map((start) => ({ value: String(start), label: String(start) })), { value: 'any', label: 'other…' }];
  const select = choiceSelect(choices, START_PRESETS.includes(value) ? String(value) : 'any', 'start-preset');
  const input = wholeNumberInput(limits, value);
  input.dataset.field = 'start';
  input.setAttribute('aria-label', 'First position (any whole number)');
  const sync = () => (input.hidden = select.value !== 'any');
  sync();
  select.addEventListener('input', () => {
    if (select.value !== 'any') input.value = select.value;
    sync();
  });
  const box = tagged(element('div', 'control train-start'), 'start');
  box.append(labelled('First position', select, 'control-inline'), input);
  return { element: box, read: () => readWhole(input, limits) };
}

function wholeControl(name, field, value, limits) {
  const input = wholeNumberInput(limits, value);
  input.dataset.field = field;
  return { element: tagged(labelled(name, input), field), read: () => readWhole(input, limits) };
}

function sizeLabel(name) {
  const { layers, dModel, heads } = SIZES[name];
  return `${name}: ${layers} ${layers === 1 ? 'layer' : 'layers'}, d_model ${dModel}, ${heads} heads, MLP ${4 * dModel}`;
}

/**
 * tasks: loadTrainer's; schemes: pe.schemes; state: the settings; limits: trainLimits'. Returns
 * { element, read() }: read() gives { settings } or { problem } (a sentence about the box that
 * does not hold a usable value). Every control fires 'input' (or 'change') on the element.
 */
export function createTrainControls({ tasks, schemes, state, limits }) {
  const task = taskControl(tasks, state.task);
  const chosen = schemesControl(schemes, state.schemes);
  const norm = choiceSelect(NORMS, state.norm, 'norm');
  const causal = labelledCheckbox('Causal mask: each token sees only itself and the tokens before it', state.causal);
  const start = startControl(state.start, limits.start);
  const length = wholeControl('Training length', 'length', state.length, limits.length);
  const size = choiceSelect(
    Object.keys(SIZES).map((name) => ({ value: name, label: sizeLabel(name) })),
    state.size,
    'size',
  );
  const rate = decimalInput(state.lr);
  rate.dataset.field = 'lr';
  const steps = wholeControl('Steps', 'steps', state.steps, limits.steps);
  const seed = wholeControl('Seed', 'seed', state.seed, limits.seed);

  const panel = element('div', 'controls train-controls');
  panel.append(
    task.element,
    chosen.element,
    tagged(labelled('Norm', norm), 'norm'),
    tagged(causal.element, 'causal'),
    start.element,
    length.element,
    tagged(labelled('Model size', size), 'size'),
    tagged(labelled('Learning rate', rate), 'lr'),
    steps.element,
    seed.element,
  );

  return {
    element: panel,
    read() {
      const settings = {
        task: task.read(),
        schemes: chosen.read(),
        norm: norm.value,
        causal: causal.input.checked,
        start: start.read(),
        length: length.read(),
        size: size.value,
        lr: readDecimal(rate),
        steps: steps.read(),
        seed: seed.read(),
      };
      const named = {
        start: 'The first position',
        length: 'The training length',
        steps: 'Steps',
        seed: 'The seed',
        lr: 'The learning rate',
      };
      for (const [field, name] of Object.entries(named)) {
        if (settings[field] === null || !allows(limits[field], settings[field]))
          return { problem: `${name} must be ${limitWords(limits[field])}.` };
      }
      if (settings.schemes.length === 0) return { problem: 'Tick at least one scheme to train.' };
      return { settings };
    },
  };
}
