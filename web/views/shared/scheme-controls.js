// The position-scheme choice of a sentence view, built from the core's registry (pe.schemes):
// one select listing the schemes, and a control for each option of the chosen scheme (RoPE's
// base and pairing, ALiBi's slope, ...), shown only while that scheme is chosen.
import { element, setText } from '../../charts/figure.js';
import { choiceSelect, decimalInput, labelled, readDecimal } from './control-parts.js';
import { schemeOptions } from './sentence-params.js';
import { untrainedNote } from './scheme-words.js';

function optionControl(option, value) {
  return option.type === 'choice' ? choiceSelect(option.choices, value) : decimalInput(value);
}

/**
 * schemes: entries of pe.schemes to offer; state: { kind, <option name>: value }. Returns
 * { elements, read(), scheme() }: elements go into the panel (they fire 'input'); read() gives
 * { kind, options, problem } with the chosen scheme's option values (a number box that does not
 * hold a number keeps its last good value and yields a problem sentence); scheme() is the entry
 * of the chosen scheme.
 */
export function createSchemeControls({ schemes, state }) {
  const select = choiceSelect(
    schemes.map(({ name, label, whereItActs }) => ({
      value: name,
      label: `${label}: ${whereItActs}`,
    })),
    state.kind,
  );
  const kindControl = labelled('Position scheme', select);

  const controls = schemeOptions(schemes).map((option) => {
    const input = optionControl(option, state[option.name]);
    input.title = option.help;
    input.dataset.option = option.name;
    const label = labelled(option.label, input);
    return { option, input, label, last: state[option.name] };
  });
  const hint = element('p', 'control-wide control-hint scheme-hint');

  const scheme = () => schemes.find(({ name }) => name === select.value);
  function showOptionsOfChosenScheme() {
    const names = scheme().options.map(({ name }) => name);
    for (const { option, label } of controls) label.hidden = !names.includes(option.name);
    const helps = scheme()
      .options.filter(({ type }) => type !== 'scaling')
      .map(({ label, help }) => `${label}: ${help}`);
    if (scheme().learned) helps.push(untrainedNote(scheme()));
    setText(hint, helps.join(' ')); // read() calls this on every keystroke: no rewrite if unchanged
    hint.hidden = helps.length === 0;
  }
  showOptionsOfChosenScheme();

  return {
    elements: [kindControl, ...controls.map(({ label }) => label), hint],
    scheme,
    read() {
      showOptionsOfChosenScheme();
      const options = {};
      const problems = [];
      for (const control of controls) {
        const { option, input, label } = control;
        if (option.type === 'number') {
          const value = readDecimal(input);
          const usable = Number.isFinite(value);
          input.setAttribute('aria-invalid', String(!usable));
          if (usable) control.last = value;
          else if (!label.hidden) problems.push(`The ${option.label} must be a number.`);
        } else {
          control.last = input.value;
        }
        options[option.name] = control.last;
      }
      return { kind: select.value, options, problem: problems.join(' ') || null };
    },
  };
}
