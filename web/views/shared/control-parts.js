// The pieces every control panel is built from: a control under its name, a checkbox with its
// sentence, and a box for whole numbers that can be read without throwing (a half-typed number
// reads as null, so a panel can report it instead of drawing it).
import { element } from '../../charts/figure.js';

/** A <label> that puts the control's name in front of control. */
export function labelled(name, control, className = 'control') {
  const label = element('label', className);
  label.append(element('span', 'control-name', name), control);
  return label;
}

/** A select of choices ([{ value, label }], e.g. a scheme option's from pe.schemes), at value. */
export function choiceSelect(choices, value) {
  const select = element('select');
  for (const choice of choices) {
    const item = element('option', '', choice.label);
    item.value = choice.value;
    select.append(item);
  }
  select.value = value;
  return select;
}

/** A checkbox followed by the sentence that says what it switches; returns { element, input }. */
export function labelledCheckbox(text, checked) {
  const input = element('input');
  input.type = 'checkbox';
  input.checked = checked;
  const label = element('label', 'control control-check');
  label.append(input, document.createTextNode(text));
  return { element: label, input };
}

/** A number box for whole numbers from limits.min to limits.max, holding value. */
export function wholeNumberInput(limits, value) {
  const input = element('input');
  input.type = 'number';
  input.min = String(limits.min);
  input.max = String(limits.max);
  input.step = '1';
  input.inputMode = 'numeric';
  input.value = String(value);
  return input;
}

/** The box's whole number, or null while it is empty, fractional or outside limits. */
export function readWhole(input, limits) {
  const value = Number(input.value);
  const usable = input.value.trim() !== '' && Number.isInteger(value) && value >= limits.min && value <= limits.max;
  return usable ? value : null;
}
