// The pieces every control panel is built from: a control under its name, a select, a checkbox
// with its sentence, and boxes for decimal and whole numbers that can be read without throwing (a
// half-typed number reads as NaN or null, so a panel can report it instead of drawing it).
import { element } from '../../charts/figure.js';

/** A <label> that puts the control's name in front of control. */
export function labelled(name, control, className = 'control') {
  const label = element('label', className);
  label.append(element('span', 'control-name', name), control);
  return label;
}

/** A select of choices ([{ value, label }], e.g. a scheme option's from pe.schemes), at value; field,
 *  when given, names it for the view's code and the tests (data-field). The page's one select. */
export function choiceSelect(choices, value, field) {
  const select = element('select');
  if (field) select.dataset.field = field;
  for (const choice of choices) {
    const item = element('option', '', choice.label);
    item.value = String(choice.value);
    select.append(item);
  }
  select.value = String(value);
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
  // How many digits its largest value has: the box is made wide enough for them (page.css).
  input.style.setProperty('--digits', String(String(limits.max).length));
  return input;
}

/** A number box for any decimal number (a base, a slope), holding value; the core checks it. */
export function decimalInput(value) {
  const input = element('input');
  input.type = 'number';
  input.step = 'any';
  input.inputMode = 'decimal';
  input.value = String(value);
  return input;
}

/** The box's number, or NaN while it is empty or not a number (which the core then rejects). */
export function readDecimal(input) {
  return input.value.trim() === '' ? NaN : Number(input.value);
}

/** The box's whole number, or null while it is empty, fractional or outside limits. */
export function readWhole(input, limits) {
  const value = Number(input.value);
  const usable = input.value.trim() !== '' && Number.isInteger(value) && value >= limits.min && value <= limits.max;
  return usable ? value : null;
}
