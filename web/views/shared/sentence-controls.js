// The control panel of a sentence view: the text box, example sentences, encoding, dimensions,
// first position (with the lecture's "start at 200") and, where asked for, the causal mask.
// Reading the panel never throws: a half-typed number is reported as a problem to show.
import { element } from '../../charts/figure.js';
import { labelled, labelledCheckbox, readWhole, wholeNumberInput } from './control-parts.js';
import { DIM_LIMITS, KINDS, LECTURE_START, START_LIMITS } from './sentence-params.js';
import { formatWhole } from './format.js';

const KIND_LABELS = {
  none: 'none (no positions)',
  integer: 'integer',
  binary: 'binary',
  sinusoidal: 'sinusoidal',
};

const TOKEN_RULE =
  'How the text is split: a word (a run of letters and digits, in any script) is one token, ' +
  'lowercased; every other character (a punctuation mark, a symbol, an emoji, a Chinese or ' +
  'Japanese character) is a token of its own; spaces only separate. Counting ' +
  'tokens from 0, token r sits at the first position plus r.';

/**
 * state: initial { text, kind, dim, start, causal? }; withCausal adds the mask switch; examples:
 * sentences offered as one-click buttons; extras: more control elements of the view, which must
 * fire 'input' (selects and radio buttons do) and which the view reads itself; onInput() runs
 * after every change.
 * Returns { element, read() } where read() gives { values, problem, notice }: the settings as
 * typed (a number that is not usable yet keeps its last good value), a sentence about that
 * number, and a sentence about a value the panel adjusted (an odd sinusoidal dimension).
 */
export function createSentenceControls({ state, withCausal, examples, extras = [], onInput }) {
  const panel = element('div', 'controls sentence-controls');

  const text = element('textarea', 'sentence-text');
  text.rows = 2;
  text.dir = 'auto';
  text.spellcheck = false;
  text.value = state.text;
  text.dataset.testid = 'sentence';
  const textControl = labelled('Sentence', text, 'control control-wide');

  const exampleList = element('div', 'control-wide sentence-examples');
  exampleList.append(element('span', 'control-name', 'Examples:'));
  for (const example of examples) {
    const button = element('button', 'example-button', example);
    button.type = 'button';
    button.addEventListener('click', () => {
      text.value = example;
      onInput();
    });
    exampleList.append(button);
  }

  const rule = element('p', 'control-wide control-hint', TOKEN_RULE);

  const kind = element('select');
  for (const name of KINDS) {
    const option = element('option', '', KIND_LABELS[name]);
    option.value = name;
    kind.append(option);
  }
  kind.value = state.kind;

  const dim = wholeNumberInput(DIM_LIMITS, state.dim);
  const start = wholeNumberInput(START_LIMITS, state.start);
  const lectureStart = element('button', 'lecture-start', `Start at ${LECTURE_START}`);
  lectureStart.type = 'button';
  lectureStart.title = 'The lecture puts the first "dog" at position 200';
  lectureStart.addEventListener('click', () => {
    start.value = String(LECTURE_START);
    onInput();
  });
  const startGroup = element('div', 'control-row');
  startGroup.append(labelled('First position', start), lectureStart);

  panel.append(textControl, exampleList, rule, labelled('Encoding', kind),
    labelled(`Dimensions (${DIM_LIMITS.min}–${DIM_LIMITS.max})`, dim), startGroup, ...extras);

  let causal = null;
  if (withCausal) {
    const causalControl = labelledCheckbox('Causal mask (each token attends only to itself and earlier tokens)', state.causal);
    causal = causalControl.input;
    panel.append(causalControl.element);
  }

  // select, checkbox, radio, textarea and number boxes all fire 'input' on every change.
  panel.addEventListener('input', onInput);

  // Sinusoidal codes are sin/cos pairs: the box steps by 2 and an odd number is rounded up.
  function fitDimToKind() {
    dim.step = kind.value === 'sinusoidal' ? '2' : '1';
  }
  fitDimToKind();

  let lastDim = state.dim;
  let lastStart = state.start;
  return {
    element: panel,
    read() {
      fitDimToKind();
      const problems = [];
      let notice = null;
      const dimValue = readWhole(dim, DIM_LIMITS);
      dim.setAttribute('aria-invalid', String(dimValue === null));
      if (dimValue === null) {
        problems.push(`Dimensions must be a whole number from ${DIM_LIMITS.min} to ${DIM_LIMITS.max}.`);
      } else if (kind.value === 'sinusoidal' && dimValue % 2 === 1) {
        // DIM_LIMITS.max is even, so the rounded value stays in range.
        lastDim = dimValue + 1;
        notice = `Sinusoidal encoding needs an even number of dimensions (sin/cos pairs), so ${dimValue} became ${lastDim}.`;
      } else {
        lastDim = dimValue;
      }
      const startValue = readWhole(start, START_LIMITS);
      start.setAttribute('aria-invalid', String(startValue === null));
      if (startValue === null) {
        problems.push(`The first position must be a whole number from 0 to ${formatWhole(START_LIMITS.max)}.`);
      } else {
        lastStart = startValue;
      }
      const values = { text: text.value, kind: kind.value, dim: lastDim, start: lastStart };
      if (causal) values.causal = causal.checked;
      return { values, problem: problems.join(' ') || null, notice };
    },
  };
}
