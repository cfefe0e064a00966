// The RoPE view: a query's frequency pairs as clock hands turning with its position m; the score
// of that query with a key against their offset, the same at every m; the two pairing conventions
// and the permutation of W_q / W_k rows between them; and the wavelengths of published long-context
// configurations. Every number comes from the core (pe.rotate, pe.ropeScores, pe.ropeBands, ...).
import { element } from '../../charts/figure.js';
import { CATEGORY_COLORS } from '../../charts/palette.js';
import { trackWidth } from '../../charts/width-tracker.js';
import { frequencySnippet, rotationSnippet } from '../../lib/python-snippets.js';
import { labelled, readWhole, wholeNumberInput } from '../shared/control-parts.js';
import { createCopyCode } from '../shared/copy-code.js';
import { createViewMessage } from '../shared/view-message.js';
import { formatShort, formatSmall, formatWhole } from '../../lib/format.js';
import { DIMS, MAX_SEED, POSITION_LIMITS, SPANS } from './rope-params.js';
import { createClocks } from './clocks.js';
import { createScoreChart } from './score-chart.js';
import { createPairingCells } from './pairing-cells.js';
import { createWavelengthChart } from './wavelength-chart.js';

const [BLUE, ORANGE, , , VERMILLION, , BLACK] = CATEGORY_COLORS;
/** @type {import('../../pe.js').Pairing[]} */
const PAIRINGS = ['interleaved', 'half'];
const OTHER = { interleaved: 'half', half: 'interleaved' };
const Y_LABEL = 'score ⟨R_m q, R_n k⟩';

function control(tag, field, values, value, label = (v) => String(v)) {
  const node = element(tag);
  node.dataset.field = field;
  for (const v of values) node.append(Object.assign(element('option', '', label(v)), { value: String(v) }));
  node.value = String(value);
  return node;
}

// "0, 2, 4, 6, …, 30, 1, 3, 5, 7, …, 31": a permutation's start, its middle and its end.
function listRows(p) {
  const n = p.length;
  const at = (from, to) => Array.from(p.subarray(from, to)).join(', ');
  return n <= 16 ? at(0, n) : `${at(0, 4)}, …, ${at(n / 2 - 1, n / 2 + 4)}, …, ${at(n - 1, n)}`;
}

// The largest |a[j] - b[j]|.
function largestGap(a, b) {
  let gap = 0;
  for (let j = 0; j < a.length; j += 1) gap = Math.max(gap, Math.abs(a[j] - b[j]));
  return gap;
}

/** @param {import('../registry.js').MountContext} context */
export function mount({ pe, root, state, onChange }) {
  let settings = { ...state };
  const motion = matchMedia('(prefers-reduced-motion: reduce)');

  // --- Controls
  const dimSelect = control('select', 'dim', DIMS, settings.dim);
  const baseInput = Object.assign(element('input'), { type: 'number', step: 'any', value: String(settings.base) });
  baseInput.dataset.field = 'base';
  const pairingSelect = control('select', 'pairing', PAIRINGS, settings.pairing, (p) =>
    p === 'half' ? 'half: (x_i, x_i+d/2)' : 'interleaved: (x_2i, x_2i+1)',
  );
  const spanSelect = control('select', 'span', SPANS, settings.span, (s) => `0 to ${formatWhole(s)}`);
  const slider = Object.assign(element('input'), {
    type: 'range',
    min: '0',
    max: String(POSITION_LIMITS.max),
    value: String(settings.position),
  });
  slider.dataset.field = 'position';
  const positionBox = wholeNumberInput(POSITION_LIMITS, settings.position);
  const play = Object.assign(element('button', 'rope-play', 'Play'), { type: 'button' });
  const reseed = Object.assign(element('button', '', 'Other random q, k'), { type: 'button' });
  const motionNote = element(
    'p',
    'control-wide control-hint',
    'Your system asks for reduced motion: nothing plays by itself; move the slider.',
  );
  const positionRow = element('div', 'rope-position');
  positionRow.append(slider, positionBox, play);
  const panel = element('div', 'controls');
  panel.append(
    labelled('Dimensions d', dimSelect),
    labelled('Base', baseInput),
    labelled('Pairing', pairingSelect),
    labelled('Offsets', spanSelect),
    reseed,
    labelled('Query position m', positionRow, 'control control-wide'),
    motionNote,
  );
  const message = createViewMessage();

  const clocks = createClocks();
  const offsets = createScoreChart();
  const cells = createPairingCells();
  const mismatch = createScoreChart();
  const long = createWavelengthChart({
    presets: pe.ropePresets,
    preset: settings.preset,
    onPreset(name) {
      settings.preset = name;
      frequencyCode.clear();
      drawLong();
      onChange(settings);
    },
  });
  // The rotation the clocks draw (R_m q), and the frequencies of the long-context preset.
  const rotationCode = createCopyCode({
    what: 'the rotated query R_m q',
    snippet(library) {
      const { dim, base, pairing, position, seed } = settings;
      return rotationSnippet(library, {
        rows: data.q,
        dim,
        base,
        pairing,
        start: position,
        what: `the query q: row ${seed % dim} of step 1's W_q`,
      });
    },
  });
  clocks.figure.append(rotationCode.element);
  const frequencyCode = createCopyCode({
    what: 'this configuration’s frequencies',
    snippet(library) {
      const { dim, base, scaling } = pe.ropePresets.find(({ name }) => name === settings.preset);
      return frequencySnippet(library, { dim, base, scaling });
    },
  });
  long.figure.append(frequencyCode.element);
  root.replaceChildren(panel, message.element, clocks.figure, offsets.figure, cells.figure, mismatch.figure, long.figure);
  const availableWidth = trackWidth(offsets.body, () => {
    build();
    drawLong();
  });
  const width = () => Math.max(280, availableWidth());

  // --- Numbers from the core: per setting (data), per position (now), per preset (preset).
  let data;
  let now;
  let preset;

  function load() {
    const { dim, base, pairing, span, seed } = settings;
    const rope = { dim, base };
    // q and k: row seed mod dim of the sentence head's W_q and W_k, random from fixed seeds.
    const row = seed % dim;
    const head = pe.attentionWeights({ dim });
    const [q, k] = [head.query, head.key].map((weights) => weights.subarray(row * dim, (row + 1) * dim));
    // Each pairing's pairs: channels (c[2i], c[2i + 1]).
    const channels = Object.fromEntries(PAIRINGS.map((p) => [p, pe.ropePairingPermutation({ dim, from: p, to: 'interleaved' })]));
    const partners = Object.fromEntries(
      PAIRINGS.map((p) => {
        const c = channels[p];
        const partner = new Int32Array(dim);
        for (let i = 0; i < dim; i += 2) [partner[c[i]], partner[c[i + 1]]] = [c[i + 1], c[i]];
        return [p, partner];
      }),
    );
    const permutation = pe.ropePairingPermutation({ dim, from: pairing, to: OTHER[pairing] });
    const convert = (v) => Float32Array.from(permutation, (c) => v[c]);
    const scores = (query, key, options) => pe.ropeScores({ ...rope, pairing, query, key, count: span + 1, ...options });
    data = {
      rope,
      q,
      k,
      channels,
      partners,
      permutation,
      scores,
      converted: [convert(q), convert(k)],
      theta: pe.ropeFrequencies(rope),
      wavelengths: pe.ropeBands(rope).originalWavelengths,
      atZero: [scores(q, k).scores, scores(q, q).scores],
    };
  }

  function drawPosition() {
    const { position, pairing, span } = settings;
    const { rope, q, k, scores, converted, atZero } = data;
    const other = OTHER[pairing];
    const random = scores(q, k, { position });
    const aligned = scores(q, q, { position });
    const wrong = scores(q, k, { position, pairing: other }).scores;
    const fixed = scores(...converted, { position, pairing: other }).scores;
    const rotated = Object.fromEntries(PAIRINGS.map((p) => [p, pe.rotate({ ...rope, data: q, start: position, pairing: p })]));
    now = {
      random,
      aligned,
      wrong,
      fixed,
      rotated,
      drift: Math.max(largestGap(random.scores, atZero[0]), largestGap(aligned.scores, atZero[1])),
      largestWrong: largestGap(random.scores, wrong),
      largestFixed: largestGap(random.scores, fixed),
    };
    clocks.turn(rotated[pairing], position);

    const count = span + 1;
    const m = formatWhole(position);
    let rises = 0;
    let peak = 0;
    for (let j = 1; j < count; j += 1) {
      if (aligned.scores[j] > aligned.scores[j - 1]) rises += 1;
      if (Math.abs(random.scores[j]) > Math.abs(random.scores[peak])) peak = j;
    }
    offsets.setTitle(
      `The score depends only on the offset n − m: ${
        position === 0
          ? 'move m, and the curves stay where they are'
          : `at m = ${m} they are the curves of m = 0 to within ${formatSmall(now.drift)}`
      }`,
    );
    offsets.setNote(
      'RoFormer’s “long-term decay” is an upper bound on the size of the score, shrinking on the whole as the offset grows, not a property ' +
        `of every q and k: here the aligned curve rises at ${formatWhole(rises)} of its ${formatWhole(span)} steps and the random one is largest in size at ` +
        `offset ${formatWhole(peak)}. q, k: row ${settings.seed % settings.dim} of the random W_q and W_k of step 1’s head.`,
    );
    const { dim, base, seed } = settings;
    offsets.update({
      count,
      width: width(),
      yLabel: Y_LABEL,
      name: 'rope-score-by-offset',
      settings: { dim, base, pairing, seed, position, span },
      series: [
        { label: 'random q, k', color: BLUE, values: random.scores },
        { label: 'aligned: k = q', color: ORANGE, values: aligned.scores },
      ],
      describe: (j) =>
        `offset ${formatWhole(j)} (m = ${m}, n = ${formatWhole(position + j)}): random q, k ${formatShort(random.scores[j])}, ` +
        `aligned ${formatShort(aligned.scores[j])}; RoFormer’s bounds ${formatShort(random.bounds[j])} and ${formatShort(aligned.bounds[j])}`,
    });

    now.differing = cells.update({ q, rows: rotated, partners: data.partners, position, width: width() });
    mismatch.setTitle(
      `Trained with ${pairing} pairing, run with ${other}: scores off by up to ${formatShort(now.largestWrong)}; ` +
        `with the rows of W_q and W_k permuted, ${now.largestFixed === 0 ? 'they agree exactly' : `they agree to within ${formatSmall(now.largestFixed)}`}`,
    );
    mismatch.setNote(
      `Rows of the converted W_q and W_k, from the core: ${listRows(data.permutation)} of the trained ones. It moves each ` +
        `${pairing === 'interleaved' ? 'pair (2i, 2i + 1) to (i, i + d/2), as Hugging Face converts' : 'pair (i, i + d/2) to (2i, 2i + 1), undoing Hugging Face’s conversion of'} ` +
        'Meta’s Llama checkpoints; to q and k it does the same.',
    );
    mismatch.update({
      count,
      width: width(),
      yLabel: Y_LABEL,
      name: 'rope-pairing-mismatch',
      settings: { dim, base, trained: pairing, seed, position, span },
      series: [
        { label: `trained and run with ${pairing}`, color: BLUE, values: random.scores },
        { label: `run with ${other}, weights as trained`, color: VERMILLION, values: wrong },
        { label: `run with ${other}, rows permuted`, color: BLACK, dashed: true, values: fixed },
      ],
      describe: (j) =>
        `offset ${formatWhole(j)}: trained ${formatShort(random.scores[j])}, run with ${other} ${formatShort(wrong[j])}, with rows permuted ${formatShort(fixed[j])}`,
    });
  }

  function drawLong() {
    const chosen = pe.ropePresets.find(({ name }) => name === settings.preset);
    const { dim, base, scaling } = chosen;
    preset = {
      bands: pe.ropeBands({ dim, base, scaling }),
      mscale: scaling?.type === 'yarn' ? pe.yarnMscale({ factor: scaling.factor }) : null,
    };
    long.update({ preset: chosen, ...preset, width: width() });
  }

  function build() {
    const { q, channels, theta, wavelengths } = data;
    clocks.build({ q, channels: channels[settings.pairing], pairing: settings.pairing, theta, wavelengths, width: width() });
    drawPosition();
  }

  // --- Input
  function setPosition(position) {
    settings.position = position;
    rotationCode.clear();
    slider.value = String(position);
    if (readWhole(positionBox, POSITION_LIMITS) !== position) positionBox.value = String(position);
    drawPosition();
    onChange(settings);
  }

  let frame = 0;
  function stop() {
    cancelAnimationFrame(frame);
    frame = 0;
    play.textContent = 'Play';
    play.setAttribute('aria-pressed', 'false');
  }
  function tick() {
    // Asked on every frame too: a media change event may come late, or not at all.
    if (motion.matches) followMotion();
    else if (settings.position >= POSITION_LIMITS.max) stop();
    else {
      setPosition(settings.position + 1);
      frame = requestAnimationFrame(tick);
    }
  }
  play.addEventListener('click', () => {
    if (frame) stop();
    else if (!motion.matches) {
      if (settings.position >= POSITION_LIMITS.max) setPosition(0);
      play.textContent = 'Pause';
      play.setAttribute('aria-pressed', 'true');
      frame = requestAnimationFrame(tick);
    }
  });
  function followMotion() {
    if (motion.matches) stop();
    play.disabled = motion.matches;
    motionNote.hidden = !motion.matches;
  }
  motion.addEventListener('change', followMotion);
  followMotion();

  slider.addEventListener('input', () => setPosition(Number(slider.value)));
  positionBox.addEventListener('input', () => {
    const value = readWhole(positionBox, POSITION_LIMITS);
    positionBox.setAttribute('aria-invalid', String(value === null));
    message.show(value === null ? `The position m must be a whole number from 0 to ${formatWhole(POSITION_LIMITS.max)}.` : null);
    if (value !== null) setPosition(value);
  });

  function changed(next) {
    const base = baseInput.value.trim() === '' ? NaN : Number(baseInput.value);
    try {
      pe.ropeFrequencies({ dim: 2, base }); // the core's rule for a base
    } catch (error) {
      baseInput.setAttribute('aria-invalid', 'true');
      message.show(`This base does not work: ${error.message}.`);
      return;
    }
    baseInput.setAttribute('aria-invalid', 'false');
    message.show(null);
    settings = { ...settings, dim: Number(dimSelect.value), base, pairing: pairingSelect.value, span: Number(spanSelect.value), ...next };
    rotationCode.clear();
    load();
    build();
    onChange(settings);
  }
  for (const node of [dimSelect, baseInput, pairingSelect, spanSelect]) node.addEventListener('input', () => changed({}));
  reseed.addEventListener('click', () => changed({ seed: (settings.seed + 1) % (MAX_SEED + 1) }));

  load();
  build();
  drawLong();

  return {
    snapshot() {
      const list = Array.from;
      const { random, aligned, rotated } = now;
      const hands = rotated[settings.pairing];
      const c = data.channels[settings.pairing];
      return {
        ...settings,
        playing: frame !== 0,
        reducedMotion: motion.matches,
        frequencies: list(data.theta),
        wavelengths: list(data.wavelengths),
        query: list(data.q),
        key: list(data.k),
        clocks: list(data.theta, (_, i) => ({ pair: i, channels: [c[2 * i], c[2 * i + 1]], hand: [hands[c[2 * i]], hands[c[2 * i + 1]]] })),
        offsetCurve: list(random.scores),
        alignedCurve: list(aligned.scores),
        bounds: { random: list(random.bounds), aligned: list(aligned.bounds) },
        largestDifferenceFromPosition0: now.drift,
        rotated: { interleaved: list(rotated.interleaved), half: list(rotated.half) },
        channelsDiffering: now.differing,
        mismatch: {
          permutation: list(data.permutation),
          wrong: list(now.wrong),
          fixed: list(now.fixed),
          largestWrong: now.largestWrong,
          largestFixed: now.largestFixed,
        },
        bands: { ...preset.bands.counts },
        long: {
          bands: preset.bands.bands,
          wavelengths: list(preset.bands.wavelengths),
          originalWavelengths: list(preset.bands.originalWavelengths),
          mscale: preset.mscale,
        },
        titles: list(root.querySelectorAll('.figure-title'), (node) => node.textContent),
        message: message.text(),
      };
    },
  };
}
