// The control panel of the two binary views (grid and waves): whole-number boxes for a range of
// positions and the number of bits, one-click presets, and any extra controls a view adds.
// Reading the panel never throws: a box that does not hold a usable number becomes a sentence
// for the view's message line, and the view keeps showing its last good state.
import { element } from '../../charts/figure.js';
import { labelled, readWhole, wholeNumberInput } from './control-parts.js';
import { formatWhole } from '../../lib/format.js';

/**
 * fields: [{ name, label, limits: { min, max } }] in display order; state: initial values by
 * name; presets: [{ label, title, values }], values a subset of the fields; extras: more control
 * elements, which must fire 'input' (number boxes, checkboxes and sliders do); onInput() runs
 * after every change.
 * Returns { element, read(), set(values) }: read() gives { values, problem } where values holds
 * every field that is usable now and problem is a sentence about the first one that is not.
 */
export function createRangeControls({ fields, state, presets = [], extras = [], onInput }) {
  const panel = element('div', 'controls range-controls');
  const boxes = new Map();
  for (const { name, label, limits } of fields) {
    const input = wholeNumberInput(limits, state[name]);
    input.dataset.field = name;
    boxes.set(name, input);
    panel.append(labelled(label, input));
  }
  panel.append(...extras);

  if (presets.length > 0) {
    const row = element('div', 'control-wide range-presets');
    row.append(element('span', 'control-name', 'Try:'));
    for (const preset of presets) {
      const button = element('button', 'preset-button', preset.label);
      button.type = 'button';
      if (preset.title) button.title = preset.title;
      button.addEventListener('click', () => {
        set(preset.values);
        onInput();
      });
      row.append(button);
    }
    panel.append(row);
  }

  panel.addEventListener('input', onInput);

  function set(values) {
    for (const [name, value] of Object.entries(values)) {
      const input = boxes.get(name);
      if (input) input.value = String(value);
    }
  }

  return {
    element: panel,
    set,
    read() {
      const values = {};
      let problem = null;
      for (const { name, label, limits } of fields) {
        const input = boxes.get(name);
        const value = readWhole(input, limits);
        input.setAttribute('aria-invalid', String(value === null));
        if (value !== null) values[name] = value;
        else problem ??= `${label} must be a whole number from ${formatWhole(limits.min)} to ${formatWhole(limits.max)}.`;
      }
      return { values, problem };
    },
  };
}
