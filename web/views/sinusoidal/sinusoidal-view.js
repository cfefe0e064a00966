// The sinusoidal view: the encoding of "Attention Is All You Need" as a heat map with each pair's
// wavelength, the dot products of its positions (which depend only on their distance), the
// rotation that moves every position k steps on, and binary against sinusoidal at the same
// periods: how long the step from each position to the next is. Every number is the core's.
import { element } from '../../charts/figure.js';
import { trackWidth } from '../../charts/width-tracker.js';
import { encodingSnippet } from '../../lib/python-snippets.js';
import { choiceSelect, decimalInput, labelled, readDecimal } from '../shared/control-parts.js';
import { createCopyCode } from '../shared/copy-code.js';
import { createRangeControls } from '../shared/range-controls.js';
import { loadLinkSettings, tryPanelSettings } from '../shared/range-settings.js';
import { createViewMessage } from '../shared/view-message.js';
import { FIELDS, PRESETS, RANGE_KEYS, schemeOption, sinusoidalParams } from './sinusoidal-params.js';
import { createEncodingMap } from './encoding-map.js';
import { createSimilarity, similarityFacts } from './similarity.js';
import { createRotation } from './rotation.js';
import { createSteps, extent } from './steps.js';

const MIN_WIDTH = 280; // the page itself is never narrower

function baseControl(value) {
  const input = decimalInput(value);
  input.dataset.field = 'base';
  return { element: labelled('Base', input), read: () => readDecimal(input) };
}

function layoutControl(option, value) {
  const select = choiceSelect(option.choices, value, 'layout');
  return { element: labelled('Layout', select), read: () => select.value };
}

// The view's state as plain JSON: the settings and every number the figures draw.
function sinusoidalSnapshot({ settings, data, figures, message }) {
  const { dim, start, count } = settings;
  const { dots, shift } = data;
  const facts = similarityFacts(dots.byOffset);
  return {
    ...settings,
    range: { first: start, last: start + count - 1 },
    titles: Array.from(figures.querySelectorAll('.figure-title'), (heading) => heading.textContent),
    wavelengths: Array.from(data.wavelengths),
    firstRow: Array.from(data.table.subarray(0, dim)),
    similarity: {
      squaredLength: facts.limit,
      largestSpread: facts.spread,
      largestSpreadAt: facts.spreadAt,
      lowest: facts.lowest,
      lowestAt: facts.lowestAt,
      // PE(p) · PE(p + k) for k = 0 .. count - 1: smallest and largest over every p.
      offsetLow: Array.from(dots.byOffset.low),
      offsetHigh: Array.from(dots.byOffset.high),
    },
    rotation: {
      angles: Array.from(shift.angles),
      cos: Array.from(shift.cos),
      sin: Array.from(shift.sin),
      matrixShown: shift.matrix !== null,
      maxError: shift.maxError,
      maxErrorAt: shift.maxErrorAt,
      identical: shift.identical,
    },
    steps: {
      periods: Array.from(data.steps.periods),
      // Step r goes from start + r to start + r + 1.
      binary: Array.from(data.steps.binary),
      sinusoidal: Array.from(data.steps.sinusoidal),
      flips: Array.from(data.flips),
      binaryExtent: extent(data.steps.binary),
      sinusoidalExtent: extent(data.steps.sinusoidal),
    },
    readouts: Array.from(figures.querySelectorAll('.readout'), (line) => line.textContent),
    message: message.text(),
  };
}

/** @param {import('../registry.js').MountContext} context */
export function mount({ pe, root, state, onChange }) {
  const params = sinusoidalParams(pe);
  const base = baseControl(state.base);
  const layout = layoutControl(schemeOption(pe, 'layout'), state.layout);
  const controls = createRangeControls({
    fields: FIELDS,
    state,
    presets: PRESETS,
    extras: [base.element, layout.element],
    onInput: update,
  });
  controls.element.querySelector('input[data-field="dim"]').step = '2';
  const message = createViewMessage();
  const map = createEncodingMap();
  const copyCode = createCopyCode({
    what: 'this sinusoidal table',
    snippet(library) {
      const { start, count, dim, base, layout } = settings; // the last settings the core accepted
      return encodingSnippet(library, { kind: 'sinusoidal', start, count, dim, base, layout });
    },
  });
  map.figure.append(copyCode.element);
  const similarity = createSimilarity();
  const rotation = createRotation();
  const steps = createSteps();
  const figures = element('div', 'view-results');
  figures.append(map.figure, similarity.figure, rotation.figure, steps.figure);
  root.replaceChildren(controls.element, message.element, figures);
  // Every figure's body is as wide as the first one's.
  const availableWidth = trackWidth(map.figure.querySelector('.figure-body'), () => draw());

  let settings = { ...state };
  let data = null;

  // Every number the figures show, from the core; throws the core's error for settings it
  // rejects (an odd dim, a base of 1, a range or offset past 2^31 - 1), and data keeps the last
  // good ones then.
  function load(next) {
    const { start, count, dim, by, bits } = next;
    const options = { dim, base: next.base, layout: next.layout, start, count };
    const table = pe.encode({ kind: 'sinusoidal', ...options }).data;
    const shift = pe.shiftRotation({ ...options, by });
    data = {
      table,
      shift,
      ...pe.sinusoidalFrequencies({ dim, base: next.base }),
      dots: pe.dotProducts({ data: table, dim }),
      steps: pe.neighbourSteps({ start, count: count - 1, bits }),
      flips: pe.binaryStructure({ start, count, dim: bits }).hamming,
    };
  }

  function draw() {
    const width = Math.max(MIN_WIDTH, availableWidth());
    map.update({ settings, table: data.table, frequencies: data.frequencies, wavelengths: data.wavelengths, width });
    similarity.update({ settings, dots: data.dots, width });
    rotation.update({ settings, shift: data.shift, width });
    steps.update({ settings, steps: data.steps, flips: data.flips, width });
  }

  function update() {
    const next = tryPanelSettings({ controls, message, extras: () => ({ base: base.read(), layout: layout.read() }), load });
    if (!next) return;
    settings = next;
    copyCode.clear();
    draw();
    onChange(settings);
  }

  settings = loadLinkSettings({ settings, params, reset: RANGE_KEYS, controls, message, load });
  draw();

  return {
    snapshot: () => sinusoidalSnapshot({ settings, data, figures, message }),
  };
}
