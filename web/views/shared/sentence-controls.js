// The control panel of a sentence view: the text box, example sentences, the tokenizer (with the
// sentence saying how it splits and its vocabulary's credit), the token embeddings (with their
// credit; a table of word vectors fixes the dimensions), the position scheme and
// its options, dimensions, first position (with the lecture's "first copy at 200") and, where
// asked for, the causal mask. Reading the panel never throws: a half-typed number is reported as
// a problem to show.
import { element, setText } from '../../charts/figure.js';
import { choiceSelect, labelled, labelledCheckbox, readWhole, wholeNumberInput } from './control-parts.js';
import { DIM_LIMITS, LECTURE_START, START_LIMITS } from './sentence-params.js';
import { createSchemeControls } from './scheme-controls.js';
import { formatWhole } from '../../lib/format.js';
import { showCredit, tokenRule } from './tokenizer-choice.js';
import { showEmbeddingCredit } from './embedding-choice.js';

// The text box and the example sentences, each a button that puts it in the box.
function textControls(state, examples, onInput) {
  const text = element('textarea', 'sentence-text');
  text.rows = 2;
  text.dir = 'auto';
  text.spellcheck = false;
  text.value = state.text;
  text.dataset.testid = 'sentence';
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
  return { text, elements: [labelled('Sentence', text, 'control control-wide'), exampleList] };
}

// The tokenizer's select, the sentence saying how it splits, and its vocabulary's credit.
function tokenizerControls(tokenizers, value) {
  const select = choiceSelect(
    tokenizers.map(({ name, label }) => ({ value: name, label })),
    value,
  );
  select.dataset.testid = 'tokenizer';
  const entryOf = (name) => tokenizers.find((entry) => entry.name === name);
  const rule = element('p', 'control-wide control-hint', tokenRule(entryOf(value)));
  const credit = element('p', 'control-wide control-hint tokenizer-credit');
  let creditFor = null;
  function show() {
    const entry = entryOf(select.value);
    setText(rule, tokenRule(entry));
    if (creditFor !== entry) showCredit(credit, entry);
    creditFor = entry;
  }
  show();
  return { select, show, elements: [labelled('Tokenizer', select), rule, credit] };
}

// The first position's box, and the button that puts the first copy at the lecture's 200.
function startControls(state, firstCopy, onInput) {
  const start = wholeNumberInput(START_LIMITS, state.start);
  const lectureStart = element('button', 'lecture-start', `First copy at ${LECTURE_START}`);
  lectureStart.type = 'button';
  lectureStart.title =
    `Moves the sentence so that the first copy of its first repeated word sits at position ${LECTURE_START}, ` +
    'as in the lecture, where the two dogs sit at 200 and 203 (with no repeated word, the first token).';
  lectureStart.addEventListener('click', () => {
    start.value = String(Math.max(START_LIMITS.min, LECTURE_START - firstCopy()));
    onInput();
  });
  const group = element('div', 'control-row');
  group.append(labelled('First position', start), lectureStart);
  return { start, element: group };
}

// The word vectors' select with their credit, and the dimensions' box, which a table of word
// vectors fixes to its own (with the reason under it) and a paired scheme steps by 2.
function vectorControls(embeddings, state) {
  const vectors = choiceSelect(
    embeddings.map(({ name, label }) => ({ value: name, label })),
    state.embeddings,
  );
  vectors.dataset.testid = 'embeddings';
  const credit = element('p', 'control-wide control-hint embedding-credit');
  const dim = wholeNumberInput(DIM_LIMITS, state.dim);
  // Why the box cannot be changed, shown under it while a table of word vectors fixes it.
  const reason = element('p', 'control-wide control-hint dimension-reason');
  reason.id = freshId('dimension-reason');
  dim.setAttribute('aria-describedby', reason.id);
  let shown = null;
  let lastDim = state.dim;

  // The dimensions to use: { value, problem, notice } (value: the last good one).
  function readDim(scheme) {
    const paired = scheme.evenDim;
    // Paired schemes turn dimensions two by two: the box steps by 2 and an odd number is
    // rounded up.
    dim.step = paired ? '2' : '1';
    // A table of word vectors has its own dimension: the box shows it, and gets the reader's
    // number back with the synthetic vectors.
    const entry = embeddings.find(({ name }) => name === vectors.value);
    if (entry !== shown) {
      showEmbeddingCredit(credit, entry);
      dim.disabled = entry.dim !== null;
      dim.value = String(entry.dim ?? lastDim);
      reason.hidden = entry.dim === null;
      setText(reason, entry.dim === null ? '' : `${entry.label} has ${entry.dim} numbers per word: the dimensions are its own.`);
      shown = entry;
    }
    // While a table fixes the box, the reader's number waits as it was, unread and unadjusted.
    const value = dim.disabled ? lastDim : readWhole(dim, DIM_LIMITS);
    dim.setAttribute('aria-invalid', String(value === null));
    if (value === null)
      return { value: lastDim, problem: `Dimensions must be a whole number from ${DIM_LIMITS.min} to ${DIM_LIMITS.max}.` };
    let notice = null;
    if (paired && !dim.disabled && value % 2 === 1) {
      // DIM_LIMITS.max is even, so the rounded value stays in range.
      lastDim = value + 1;
      const { label } = scheme;
      notice = `${label[0].toUpperCase()}${label.slice(1)} needs an even number of dimensions (they come in pairs), so ${value} became ${lastDim}.`;
    } else {
      lastDim = value;
    }
    return { value: lastDim, problem: null, notice };
  }

  return {
    vectors,
    readDim,
    vectorElements: [labelled('Token embeddings', vectors), credit],
    dimElements: [labelled(`Dimensions (${DIM_LIMITS.min}–${DIM_LIMITS.max})`, dim), reason],
  };
}

/**
 * state: initial { text, tokenizer, embeddings, kind, <scheme options>, dim, start, causal? };
 * tokenizers: pe.tokenizers; embeddings: pe.embeddings; schemes: entries of pe.schemes to offer; withCausal adds the mask switch;
 * examples: sentences offered as one-click buttons; firstCopy(): the index of the token the lecture's start puts at 200 (the first copy of
 * the first repeated word); extras: more control elements of the view, which must fire 'input'
 * and which the view reads itself; onInput() runs after every change.
 * Returns { element, read() } where read() gives { values, problem, notice }: the settings as
 * typed (a number that is not usable yet keeps its last good value), a sentence about that
 * number, and a sentence about a value the panel adjusted (an odd dimension for a paired scheme).
 */
export function createSentenceControls({ state, tokenizers, embeddings, schemes, withCausal, examples, firstCopy, extras = [], onInput }) {
  const panel = element('div', 'controls sentence-controls');
  const { text, elements: textElements } = textControls(state, examples, onInput);
  const tokenizer = tokenizerControls(tokenizers, state.tokenizer);
  const vectors = vectorControls(embeddings, state);
  const scheme = createSchemeControls({ schemes, state });
  const { start, element: startGroup } = startControls(state, firstCopy, onInput);
  panel.append(
    ...textElements,
    ...tokenizer.elements,
    ...vectors.vectorElements,
    ...scheme.elements,
    ...vectors.dimElements,
    startGroup,
    ...extras,
  );

  let causal = null;
  if (withCausal) {
    const causalControl = labelledCheckbox('Causal mask (each token attends only to itself and earlier tokens)', state.causal);
    causal = causalControl.input;
    panel.append(causalControl.element);
  }

  // select, checkbox, radio, textarea and number boxes all fire 'input' on every change.
  panel.addEventListener('input', onInput);

  let lastStart = state.start;
  return {
    element: panel,
    read() {
      const chosen = scheme.read();
      const dim = vectors.readDim(scheme.scheme());
      const problems = [chosen.problem, dim.problem].filter(Boolean);
      const startValue = readWhole(start, START_LIMITS);
      start.setAttribute('aria-invalid', String(startValue === null));
      if (startValue === null) {
        problems.push(`The first position must be a whole number from 0 to ${formatWhole(START_LIMITS.max)}.`);
      } else {
        lastStart = startValue;
      }
      tokenizer.show();
      /** @type {Record<string, unknown>} */
      const values = {
        text: text.value,
        tokenizer: tokenizer.select.value,
        embeddings: vectors.vectors.value,
        kind: chosen.kind,
        ...chosen.options,
        dim: dim.value,
        start: lastStart,
      };
      if (causal) values.causal = causal.checked;
      return { values, problem: problems.join(' ') || null, notice: dim.notice ?? null };
    },
  };
}

// An id no element of the page has yet: a page can show several sentence panels.
function freshId(prefix) {
  let n = 1;
  while (document.getElementById(`${prefix}-${n}`)) n++;
  return `${prefix}-${n}`;
}
