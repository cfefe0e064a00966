// The DeepSeek view's three control panels: the model; the absorption experiment's tokens, first
// position and seed; the calculator's precision, context and dimensions. A new dimension makes
// the model custom, a new model fills in its own. Reading them never throws: a box that does not
// hold a usable number becomes a sentence for the message line.
import { element } from '../../charts/figure.js';
import { formatWhole } from '../../lib/format.js';
import { choiceSelect, labelled, readWhole, wholeNumberInput } from '../shared/control-parts.js';
import { BYTES, CALCULATOR_FIELDS, CUSTOM, DIMS, EXPERIMENT_FIELDS, presetDims } from './mla-params.js';

const FIELDS = [...EXPERIMENT_FIELDS, ...CALCULATOR_FIELDS];

/**
 * presets: pe.modelPresets; deepseek, the preset whose latent a model without one borrows;
 * onInput(event) runs on every change. Returns { panels: [model, experiment, calculator], read(target),
 * show(settings, preset) }: read gives { values } or { problem } after a change to target; show
 * puts settings (of preset, or null) in the boxes.
 */
export function createMlaControls({ presets, deepseek, state, onInput }) {
  const find = (id) => presets.find((preset) => preset.id === id);
  const boxes = {};
  const panel = (...controls) => {
    const box = element('div', 'controls mla-controls');
    box.append(...controls);
    box.addEventListener('input', onInput);
    return box;
  };
  const numbers = (list) =>
    list.map((field) => {
      boxes[field.name] = wholeNumberInput(field, state[field.name]);
      boxes[field.name].dataset.field = field.name;
      return labelled(field.label, boxes[field.name]);
    });
  const model = choiceSelect(
    [...presets.map(({ id, name }) => ({ value: id, label: name })), { value: CUSTOM, label: 'Custom dimensions' }],
    state.preset,
  );
  const precision = choiceSelect(
    Object.entries(BYTES).map(([name, bytes]) => ({ value: name, label: `${name}, ${bytes} byte${bytes > 1 ? 's' : ''}` })),
    state.precision,
  );

  return {
    panels: [
      panel(labelled('Model', model)),
      panel(...numbers(EXPERIMENT_FIELDS)),
      panel(labelled('Precision', precision), ...numbers(CALCULATOR_FIELDS)),
    ],
    read(target) {
      if (DIMS.some(({ name }) => name === target.dataset.field)) model.value = CUSTOM;
      const preset = find(model.value);
      if (target === model && preset) {
        for (const [name, value] of Object.entries(presetDims(preset, deepseek))) boxes[name].value = String(value);
        // Past the new model's maximum, the context becomes that maximum.
        boxes.context.value = String(Math.min(Number(boxes.context.value), preset.maxContext));
      }
      boxes.context.max = String(preset?.maxContext ?? CALCULATOR_FIELDS[0].max);
      const values = { preset: model.value, precision: precision.value };
      for (const field of FIELDS) {
        values[field.name] = readWhole(boxes[field.name], field);
        boxes[field.name].setAttribute('aria-invalid', String(values[field.name] === null));
        if (values[field.name] === null)
          return { problem: `${field.label} must be a whole number from ${formatWhole(field.min)} to ${formatWhole(field.max)}.` };
      }
      return { values };
    },
    show(settings, preset) {
      model.value = settings.preset;
      for (const { name } of FIELDS) boxes[name].value = String(settings[name]);
      boxes.context.max = String(preset?.maxContext ?? boxes.context.max);
    },
  };
}
