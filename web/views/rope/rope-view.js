// The RoPE view: a query's frequency pairs as clock hands turning with its position m; the score
// of that query with a key against their offset, the same at every m; the two pairing conventions
// and the permutation of W_q / W_k rows between them; and the wavelengths of published long-context
// configurations. Every number comes from the core (pe.rotate, pe.ropeScores, pe.ropeBands, ...).
import { element } from '../../charts/figure.js';
import { CATEGORY_COLORS } from '../../charts/palette.js';
import { trackWidth } from '../../charts/width-tracker.js';
import { labelled, readWhole, wholeNumberInput } from '../shared/control-parts.js';
import { createViewMessage } from '../shared/view-message.js';
import { formatShort, formatSmall, formatWhole } from '../shared/format.js';
import { DIMS, POSITION_LIMITS, ropeParams, SPANS } from './rope-params.js';
import { createClocks } from './clocks.js';
import { createScoreChart } from './score-chart.js';
import { createPairingCells } from './pairing-cells.js';
import { createWavelengthChart } from './wavelength-chart.js';
import { step } from './step.js';

const [BLUE, ORANGE, , , VERMILLION, , BLACK] = CATEGORY_COLORS;
const OTHER = { interleaved: 'half', half: 'interleaved' };
const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';

function select(values, value, label = String) {
  const node = element('select');
  for (const v of values) {
    const option = element('option', '', label(v));
    option.value = String(v);
    node.append(option);
  }
  node.value = String(value);
  return node;
}

// "0, 2, 4, 6, …, 30, 1, 3, 5, 7, …, 31": a permutation's start, its middle and its end.
function listRows(permutation) {
  const n = permutation.length;
  const at = (from, to) => Array.from(permutation.subarray(from, to)).join(', ');
  return n <= 16 ? at(0, n) : `${at(0, 4)}, …, ${at(n / 2 - 1, n / 2 + 4)}, …, ${at(n - 1, n)}`;
}

// The largest |a[j] - b[j]|.
function largestGap(a, b) {
  let gap = 0;
  for (let j = 0; j < a.length; j += 1) gap = Math.max(gap, Math.abs(a[j] - b[j]));
  return gap;
}

function mount({ pe, root, state, onChange }) {
  let settings = { ...state };
  const presets = pe.ropePresets;
  const motion = matchMedia(REDUCED_MOTION);

  // --- Controls
  const dimSelect = select(DIMS, settings.dim);
  const baseInput = element('input');
  baseInput.type = 'number';
  baseInput.step = 'any';
  baseInput.value = String(settings.base);
  const pairingSelect = select(['interleaved', 'half'], settings.pairing, (p) => (p === 'half' ? 'half: (x_i, x_i+d/2)' : 'interleaved: (x_2i, x_2i+1)'));
  const slider = element('input');
  slider.type = 'range';
  slider.min = String(POSITION_LIMITS.min);
  slider.max = String(POSITION_LIMITS.max);
  slider.value = String(settings.position);
  const positionBox = wholeNumberInput(POSITION_LIMITS, settings.position);
  const play = element('button', 'rope-play', 'Play');
  play.type = 'button';
  const motionNote = element('p', 'control-wide control-hint', 'Your system asks for reduced motion, so nothing plays by itself: drag the slider or use its arrow keys.');
  const spanSelect = select(SPANS, settings.span, (s) => `0 to ${formatWhole(s)}`);
  const reseed = element('button', '', 'New random q, k');
  reseed.type = 'button';
  for (const [node, field] of [[dimSelect, 'dim'], [baseInput, 'base'], [pairingSelect, 'pairing'], [slider, 'position'], [positionBox, 'position-box'], [spanSelect, 'span']]) node.dataset.field = field;
  const positionRow = element('div', 'rope-position');
  positionRow.append(slider, positionBox, play);
  const panel = element('div', 'controls rope-controls');
  panel.append(
    labelled('Dimensions d', dimSelect), labelled('Base', baseInput), labelled('Pairing', pairingSelect),
    labelled('Offsets', spanSelect), reseed, labelled('Query position m', positionRow, 'control control-wide'), motionNote,
  );
  const message = createViewMessage();

  const clocks = createClocks();
  const offsets = createScoreChart();
  const pairingCells = createPairingCells();
  const mismatch = createScoreChart();
  const long = createWavelengthChart({ presets, preset: settings.preset, onPreset: (name) => { settings.preset = name; drawLong(); onChange(settings); } });
  root.replaceChildren(panel, message.element, clocks.figure, offsets.figure, pairingCells.figure, mismatch.figure, long.figure);
  const availableWidth = trackWidth(offsets.body, () => { build(); drawLong(); });
  const width = () => Math.max(280, availableWidth());

  // --- Numbers from the core: per setting (data) and per position (now).
  let data = null;
  let now = null;
  let longData = null;

  function load() {
    const { dim, base, pairing, span, seed } = settings;
    const rope = { dim, base };
    const vectors = pe.randomUnitVectors({ dim, count: 2, seed });
    const q = vectors.subarray(0, dim);
    const k = vectors.subarray(dim);
    const channels = Object.fromEntries(['interleaved', 'half'].map((p) => [p, pe.ropePairingPermutation({ dim, from: p, to: 'interleaved' })]));
    const partners = Object.fromEntries(Object.entries(channels).map(([p, c]) => {
      const partner = new Int32Array(dim);
      for (let i = 0; i < dim; i += 2) [partner[c[i]], partner[c[i + 1]]] = [c[i + 1], c[i]];
      return [p, partner];
    }));
    const permutation = pe.ropePairingPermutation({ dim, from: pairing, to: OTHER[pairing] });
    const convert = (v) => Float32Array.from(permutation, (c) => v[c]);
    const scores = (query, key, options = {}) => pe.ropeScores({ ...rope, pairing, query, key, count: span + 1, ...options });
    data = {
      rope, q, k, channels, partners, permutation, scores,
      converted: { q: convert(q), k: convert(k) },
      theta: pe.ropeFrequencies(rope),
      wavelengths: pe.ropeBands(rope).originalWavelengths,
      atZero: { random: scores(q, k).scores, aligned: scores(q, q).scores },
    };
  }

  function compute() {
    const { position, pairing } = settings;
    const { rope, q, k, scores, converted } = data;
    const other = OTHER[pairing];
    const random = scores(q, k, { position });
    const aligned = scores(q, q, { position });
    now = {
      position,
      rotated: Object.fromEntries(['interleaved', 'half'].map((p) => [p, pe.rotate({ ...rope, data: q, start: position, pairing: p })])),
      random,
      aligned,
      wrong: scores(q, k, { position, pairing: other }).scores,
      fixed: scores(converted.q, converted.k, { position, pairing: other }).scores,
    };
    now.largestDrift = Math.max(largestGap(random.scores, data.atZero.random), largestGap(aligned.scores, data.atZero.aligned));
    now.largestWrong = largestGap(random.scores, now.wrong);
    now.largestFixed = largestGap(random.scores, now.fixed);
  }

  // --- Drawing
  function drawOffsets() {
    const { random, aligned, position, largestDrift } = now;
    const count = settings.span + 1;
    let rises = 0;
    let peak = 0;
    for (let j = 1; j < count; j += 1) {
      if (aligned.scores[j] > aligned.scores[j - 1]) rises += 1;
      if (Math.abs(random.scores[j]) > Math.abs(random.scores[peak])) peak = j;
    }
    const same = position === 0 ? 'move m: the curves stay where they are'
      : `at m = ${formatWhole(position)} they are the curves of m = 0 to within ${formatSmall(largestDrift)}`;
    offsets.setTitle(`The score depends only on the offset n − m: ${same}`);
    offsets.setNote(`RoFormer’s “long-term decay” is an upper bound on the size of the score, which shrinks on the whole as the offset grows; ` +
      `it is not a property of every q and k. Here the aligned curve rises again at ${formatWhole(rises)} of ${formatWhole(count - 1)} steps, ` +
      `and the random one is largest in size at offset ${formatWhole(peak)}, not 0. q and k are unit vectors in random directions (seed ${settings.seed}); aligned means k = q.`);
    offsets.update({
      count,
      width: width(),
      yLabel: 'score ⟨R_m q, R_n k⟩',
      series: [
        { label: 'random q, k', color: BLUE, values: random.scores },
        { label: 'aligned: k = q', color: ORANGE, values: aligned.scores },
      ],
      describe: (j) => `offset ${formatWhole(j)} (m = ${formatWhole(position)}, n = ${formatWhole(position + j)}): random q, k ${formatShort(random.scores[j])}, ` +
        `aligned ${formatShort(aligned.scores[j])}; RoFormer’s bounds on their size: ${formatShort(random.bounds[j])} and ${formatShort(aligned.bounds[j])}`,
    });
  }

  function drawPairing() {
    const { pairing } = settings;
    const other = OTHER[pairing];
    const { rotated, random, wrong, fixed, largestWrong, largestFixed, position } = now;
    now.differing = pairingCells.update({ q: data.q, rows: rotated, partners: data.partners, position, width: width() });
    const agree = largestFixed === 0 ? 'they agree exactly' : `they agree to within ${formatSmall(largestFixed)}`;
    mismatch.setTitle(`Trained with ${pairing} pairing, run with ${other}: scores off by up to ${formatShort(largestWrong)}; with the rows of W_q and W_k permuted, ${agree}`);
    mismatch.setNote(`The permutation, from the core: row j of the converted W_q and W_k is row ${listRows(data.permutation)} (j = 0, 1, …) of the trained ones. ` +
      (pairing === 'interleaved'
        ? 'It moves each interleaved pair (2i, 2i + 1) to (i, i + d/2): Hugging Face’s conversion of Meta’s Llama checkpoints.'
        : 'It moves each half pair (i, i + d/2) to (2i, 2i + 1), undoing Hugging Face’s conversion of Meta’s Llama checkpoints.') +
      ' Here it is applied to the random q and k, which is what permuting the rows of W_q and W_k does to every query and key.');
    mismatch.update({
      count: settings.span + 1,
      width: width(),
      yLabel: 'score ⟨R_m q, R_n k⟩',
      series: [
        { label: `trained and run with ${pairing}`, color: BLUE, values: random.scores },
        { label: `run with ${other} as trained`, color: VERMILLION, values: wrong },
        { label: `run with ${other}, rows permuted`, color: BLACK, dashed: true, values: fixed },
      ],
      describe: (j) => `offset ${formatWhole(j)}: trained ${formatShort(random.scores[j])}, run with ${other} ${formatShort(wrong[j])}, ` +
        `with rows permuted ${formatShort(fixed[j])}`,
    });
  }

  function drawLong() {
    const preset = presets.find(({ name }) => name === settings.preset);
    const bands = pe.ropeBands({ dim: preset.dim, base: preset.base, scaling: preset.scaling });
    const mscale = preset.scaling?.type === 'yarn' ? pe.yarnMscale({ factor: preset.scaling.factor }) : null;
    longData = { preset, bands, mscale };
    long.update({ preset, bands, mscale, width: width() });
  }

  function drawPosition() {
    compute();
    clocks.turn(now.rotated[settings.pairing], now.position);
    drawOffsets();
    drawPairing();
  }

  function build() {
    const { q, channels, theta, wavelengths } = data;
    clocks.build({ q, channels: channels[settings.pairing], theta, wavelengths, width: width() });
    drawPosition();
  }

  // --- Input
  function setPosition(position) {
    settings.position = position;
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
    if (settings.position >= POSITION_LIMITS.max) return stop();
    setPosition(settings.position + 1);
    frame = requestAnimationFrame(tick);
    return undefined;
  }
  play.addEventListener('click', () => {
    if (frame) return stop();
    if (motion.matches) return undefined;
    if (settings.position >= POSITION_LIMITS.max) setPosition(0);
    play.textContent = 'Pause';
    play.setAttribute('aria-pressed', 'true');
    frame = requestAnimationFrame(tick);
    return undefined;
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
    if (value === null) message.show(`The position m must be a whole number from 0 to ${formatWhole(POSITION_LIMITS.max)}.`);
    else {
      message.show(null);
      setPosition(value);
    }
  });

  function changed(next) {
    const base = baseInput.value.trim() === '' ? NaN : Number(baseInput.value);
    try {
      pe.ropeFrequencies({ dim: 2, base });
    } catch (error) {
      baseInput.setAttribute('aria-invalid', 'true');
      message.show(`This base does not work: ${error.message}.`);
      return;
    }
    baseInput.setAttribute('aria-invalid', 'false');
    message.show(null);
    settings = { ...settings, dim: Number(dimSelect.value), base, pairing: pairingSelect.value, span: Number(spanSelect.value), ...next };
    load();
    build();
    onChange(settings);
  }
  for (const control of [dimSelect, baseInput, pairingSelect, spanSelect]) control.addEventListener('input', () => changed({}));
  reseed.addEventListener('click', () => changed({ seed: (settings.seed + 1) % 4294967296 }));

  load();
  build();
  drawLong();

  return {
    snapshot() {
      const { random, aligned, rotated, wrong, fixed } = now;
      const list = (values) => Array.from(values);
      return {
        ...settings,
        playing: frame !== 0,
        reducedMotion: motion.matches,
        frequencies: list(data.theta),
        wavelengths: list(data.wavelengths),
        query: list(data.q),
        key: list(data.k),
        clocks: list(data.theta).map((_, i) => {
          const [a, b] = data.channels[settings.pairing].subarray(2 * i, 2 * i + 2);
          return { pair: i, channels: [a, b], hand: [rotated[settings.pairing][a], rotated[settings.pairing][b]] };
        }),
        offsetCurve: list(random.scores).map((score, j) => ({
          offset: j, random: score, aligned: aligned.scores[j], randomBound: random.bounds[j], alignedBound: aligned.bounds[j],
        })),
        largestDifferenceFromPosition0: now.largestDrift,
        rotated: { interleaved: list(rotated.interleaved), half: list(rotated.half) },
        channelsDiffering: now.differing,
        mismatch: {
          permutation: list(data.permutation), wrong: list(wrong), fixed: list(fixed),
          largestWrong: now.largestWrong, largestFixed: now.largestFixed,
        },
        bands: { ...longData.bands.counts },
        long: {
          bands: list(longData.bands.bands),
          wavelengths: list(longData.bands.wavelengths),
          originalWavelengths: list(longData.bands.originalWavelengths),
          mscale: longData.mscale,
        },
        titles: [...root.querySelectorAll('.figure-title')].map((node) => node.textContent),
        message: message.text(),
      };
    },
  };
}

export const ropeView = { name: 'rope', step, params: ropeParams, mount };
