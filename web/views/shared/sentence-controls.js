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

  const tokenizer = choiceSelect(
    tokenizers.map(({ name, label }) => ({ value: name, label })),
    state.tokenizer,
  );
  tokenizer.dataset.testid = 'tokenizer';
  const entryOf = (name) => tokenizers.find((entry) => entry.name === name);
  const rule = element('p', 'control-wide control-hint', tokenRule(entryOf(state.tokenizer)));
  const credit = element('p', 'control-wide control-hint tokenizer-credit');
  let creditFor = null;
  function showTokenizer(entry) {
    setText(rule, tokenRule(entry));
    if (creditFor !== entry) showCredit(credit, entry);
    creditFor = entry;
  }
  showTokenizer(entryOf(state.tokenizer));
  const vectors = choiceSelect(
    embeddings.map(({ name, label }) => ({ value: name, label })),
    state.embeddings,
  );
  vectors.dataset.testid = 'embeddings';
  const vectorsCredit = element('p', 'control-wide control-hint embedding-credit');
  const vectorsOf = (name) => embeddings.find((entry) => entry.name === name);
  let vectorsShown = null;
  const scheme = createSchemeControls({ schemes, state });

  const dim = wholeNumberInput(DIM_LIMITS, state.dim);
  // Why the box cannot be changed, shown under it while a table of word vectors fixes it.
  const dimReason = element('p', 'control-wide control-hint dimension-reason');
  dimReason.id = freshId('dimension-reason');
  dim.setAttribute('aria-describedby', dimReason.id);
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
  const startGroup = element('div', 'control-row');
  startGroup.append(labelled('First position', start), lectureStart);

  panel.append(
    textControl,
    exampleList,
    labelled('Tokenizer', tokenizer),
    rule,
    credit,
    labelled('Token embeddings', vectors),
    vectorsCredit,
    ...scheme.elements,
    labelled(`Dimensions (${DIM_LIMITS.min}–${DIM_LIMITS.max})`, dim),
    dimReason,
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

  let lastDim = state.dim;
  let lastStart = state.start;
  return {
    element: panel,
    read() {
      const chosen = scheme.read();
      const paired = scheme.scheme().evenDim;
      // Paired schemes turn dimensions two by two: the box steps by 2 and an odd number is
      // rounded up.
      dim.step = paired ? '2' : '1';
      const problems = chosen.problem ? [chosen.problem] : [];
      let notice = null;
      // A table of word vectors has its own dimension: the box shows it, and gets the reader's
      // number back with the synthetic vectors.
      const vectorsEntry = vectorsOf(vectors.value);
      if (vectorsEntry !== vectorsShown) {
        showEmbeddingCredit(vectorsCredit, vectorsEntry);
        dim.disabled = vectorsEntry.dim !== null;
        dim.value = String(vectorsEntry.dim ?? lastDim);
        dimReason.hidden = vectorsEntry.dim === null;
        setText(
          dimReason,
          vectorsEntry.dim === null ? '' : `${vectorsEntry.label} has ${vectorsEntry.dim} numbers per word: the dimensions are its own.`,
        );
        vectorsShown = vectorsEntry;
      }
      // While a table fixes the box, the reader's number waits as it was, unread and unadjusted.
      const dimValue = dim.disabled ? lastDim : readWhole(dim, DIM_LIMITS);
      dim.setAttribute('aria-invalid', String(dimValue === null));
      if (dimValue === null) {
        problems.push(`Dimensions must be a whole number from ${DIM_LIMITS.min} to ${DIM_LIMITS.max}.`);
      } else if (paired && !dim.disabled && dimValue % 2 === 1) {
        // DIM_LIMITS.max is even, so the rounded value stays in range.
        lastDim = dimValue + 1;
        const { label } = scheme.scheme();
        notice = `${label[0].toUpperCase()}${label.slice(1)} needs an even number of dimensions (they come in pairs), so ${dimValue} became ${lastDim}.`;
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
      showTokenizer(entryOf(tokenizer.value));
      /** @type {Record<string, unknown>} */
      const values = {
        text: text.value,
        tokenizer: tokenizer.value,
        embeddings: vectors.value,
        kind: chosen.kind,
        ...chosen.options,
        dim: lastDim,
        start: lastStart,
      };
      if (causal) values.causal = causal.checked;
      return { values, problem: problems.join(' ') || null, notice };
    },
  };
}

// An id no element of the page has yet: a page can show several sentence panels.
function freshId(prefix) {
  let n = 1;
  while (document.getElementById(`${prefix}-${n}`)) n++;
  return `${prefix}-${n}`;
}
