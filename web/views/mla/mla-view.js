// The DeepSeek view: multi-head latent attention with decoupled RoPE for a real model (the
// diagram), why RoPE has to be decoupled (the absorption experiment, pe.mlaAbsorption), what the
// latent saves (the KV-cache calculator, pe.kvCache) and how YaRN stretches the RoPE part
// (pe.modelPresets). Every number comes from the core; this module picks, formats and compares
// them, and divides a few for ratios.
import { element } from '../../charts/figure.js';
import { createBarChart } from '../../charts/bar-chart.js';
import { CATEGORY_COLORS as COLORS } from '../../charts/palette.js';
import { labelled, readWhole, wholeNumberInput } from '../shared/control-parts.js';
import { formatShort, formatSmall, formatWhole } from '../shared/format.js';
import { createViewMessage } from '../shared/view-message.js';
import { BYTES, CALCULATOR_FIELDS, CUSTOM, DEFAULT_PRESET, DIMS, EXPERIMENT_FIELDS, mlaParams, presetDims } from './mla-params.js';
import { createMlaDiagram } from './mla-diagram.js';
import { createYarnChart } from './yarn-chart.js';
import { setMathHtml } from './math-text.js';

/** @type {[import('../../pe.js').AttentionKind, string, string, string][]} */
const KINDS = [
  ['mha', 'MHA', COLORS[3], 'multi-head'],
  ['gqa', 'GQA', COLORS[1], 'grouped-query'],
  ['mqa', 'MQA', COLORS[5], 'multi-query'],
  ['mla', 'MLA', COLORS[0], 'latent'],
];
/** @type {[import('../../pe.js').MlaRope, string][]} */
const VARIANTS = [
  ['none', 'no positions'],
  ['naive', 'RoPE on the full keys'],
  ['decoupled', 'decoupled RoPE'],
];
// The two ways agree when they differ by at most this share of the largest score: float32
// rounding stays near 1e-7 of it, a real difference is far above.
const AGREEMENT = 1e-4;

/** "8.58 GiB", "70.3 KiB", "512 bytes". */
export function formatBytes(bytes) {
  const unit = Math.min(4, Math.floor(Math.log2(Math.max(1, bytes)) / 10));
  return unit ? `${formatShort(bytes / 1024 ** unit)} ${' KMGT'[unit]}iB` : `${formatWhole(bytes)} bytes`;
}

const times = (ratio) => `${formatShort(ratio)}×`;

function select(choices, value) {
  const box = element('select');
  for (const [choice, label] of choices) box.append(Object.assign(element('option', '', label), { value: choice }));
  box.value = value;
  return box;
}

function setNote(frame, text) {
  const note = frame.figure.querySelector('.figure-note');
  note.hidden = false;
  setMathHtml(note, text);
}

/** @param {import('../registry.js').MountContext} context */
export function mount({ pe, root, state, onChange }) {
  const presets = pe.modelPresets;
  const find = (id) => presets.find((preset) => preset.id === id);
  const deepseek = find(DEFAULT_PRESET);
  const defaults = Object.fromEntries(Object.entries(mlaParams(pe)).map(([name, param]) => [name, param.defaultValue]));
  const fields = [...EXPERIMENT_FIELDS, ...CALCULATOR_FIELDS];
  const message = createViewMessage();
  const boxes = {};
  const panel = (...controls) => {
    const box = element('div', 'controls mla-controls');
    box.append(...controls);
    box.addEventListener('input', update);
    return box;
  };
  const numbers = (list) =>
    list.map((field) => {
      boxes[field.name] = wholeNumberInput(field, state[field.name]);
      boxes[field.name].dataset.field = field.name;
      return labelled(field.label, boxes[field.name]);
    });
  const model = select([...presets.map(({ id, name }) => [id, name]), [CUSTOM, 'Custom dimensions']], state.preset);
  const precision = select(
    Object.entries(BYTES).map(([name, bytes]) => [name, `${name}, ${bytes} byte${bytes > 1 ? 's' : ''}`]),
    state.precision,
  );
  const diagram = createMlaDiagram({ onResize: draw });
  const experiment = createBarChart({ onResize: draw });
  const calculator = createBarChart({ onResize: draw });
  const yarn = createYarnChart({ onResize: draw });
  root.replaceChildren(
    panel(labelled('Model', model)),
    message.element,
    diagram.figure,
    panel(...numbers(EXPERIMENT_FIELDS)),
    experiment.figure,
    panel(labelled('Precision', precision), ...numbers(CALCULATOR_FIELDS)),
    calculator.figure,
    yarn.figure,
  );

  // Everything drawn for settings next; throws the core's error (or one about the context).
  function compute(next) {
    const preset = find(next.preset) ?? null;
    const dims = preset ? presetDims(preset, deepseek) : Object.fromEntries(DIMS.map(({ name }) => [name, next[name]]));
    if (preset && next.context > preset.maxContext)
      throw new RangeError(`${preset.name} reads at most ${formatWhole(preset.maxContext)} tokens`);
    const common = { layers: dims.layers, tokens: next.context, bytesPerElement: BYTES[next.precision] };
    return {
      preset,
      dims,
      cache: Object.fromEntries(KINDS.map(([attention]) => [attention, pe.kvCache({ attention, ...dims, ...common })])),
      // DeepSeek's real heads: keys of 192 (128 + 64), values of 128.
      real:
        preset?.latentDim &&
        pe.kvCache({
          attention: 'mha',
          heads: preset.heads,
          headDim: preset.queryKeyHeadDim,
          valueHeadDim: preset.valueHeadDim,
          ...common,
        }),
      absorption: Object.fromEntries(
        VARIANTS.map(([rope]) => [rope, pe.mlaAbsorption({ rope, tokens: next.tokens, start: next.start, seed: next.seed })]),
      ),
    };
  }

  // What the address keeps: a named preset's dimensions are its own, so they stay out of it.
  const addressed = (shownSettings) =>
    find(shownSettings.preset)
      ? { ...shownSettings, ...Object.fromEntries(DIMS.map(({ name }) => [name, defaults[name]])) }
      : shownSettings;
  let settings = { ...state };
  if (settings.preset !== CUSTOM) Object.assign(settings, presetDims(find(settings.preset), deepseek));
  let shown;
  try {
    shown = compute(settings);
  } catch (error) {
    message.show(`The link’s settings do not work (${error.message}), so the defaults are shown.`);
    settings = { ...defaults, ...presetDims(deepseek, deepseek) };
    shown = compute(settings);
  }
  model.value = settings.preset;
  for (const { name } of fields) boxes[name].value = String(settings[name]);
  boxes.context.max = String(shown.preset?.maxContext ?? boxes.context.max);

  function update(event) {
    const { target } = event;
    target.closest('.controls').after(message.element); // the message goes under the panel in use
    message.show(null);
    // A new dimension makes the model custom; a new model fills in its own.
    if (DIMS.some(({ name }) => name === target.dataset.field)) model.value = CUSTOM;
    const preset = find(model.value);
    if (target === model && preset) {
      for (const [name, value] of Object.entries(presetDims(preset, deepseek))) boxes[name].value = String(value);
      // Past the new model's maximum, the context becomes that maximum.
      boxes.context.value = String(Math.min(Number(boxes.context.value), preset.maxContext));
    }
    boxes.context.max = String(preset?.maxContext ?? CALCULATOR_FIELDS[0].max);
    const next = { preset: model.value, precision: precision.value };
    for (const field of fields) {
      next[field.name] = readWhole(boxes[field.name], field);
      boxes[field.name].setAttribute('aria-invalid', String(next[field.name] === null));
      if (next[field.name] === null)
        return message.show(`${field.label} must be a whole number from ${formatWhole(field.min)} to ${formatWhole(field.max)}.`);
    }
    try {
      shown = compute(next);
    } catch (error) {
      return message.show(`These settings do not work: ${error.message}.`);
    }
    settings = next;
    draw();
    onChange(addressed(settings));
  }

  function drawDiagram() {
    const preset = shown.preset?.latentDim ? shown.preset : deepseek;
    const { latentDim, ropeDim, heads, headDim } = preset;
    diagram.update({
      preset,
      instead: preset !== shown.preset && (shown.preset ? `${shown.preset.name} has no latent` : 'custom dimensions are not drawn'),
      cache: {
        mla: pe.kvCache({ attention: 'mla', latentDim, ropeDim }).perTokenPerLayer,
        mha: pe.kvCache({ attention: 'mha', heads, headDim }).perTokenPerLayer,
      },
    });
    const [source, up] = preset.queryLatentDim ? ['c^{Q}', 'W^{UQ}'] : ['h_{t}', 'W^{Q}'];
    setNote(
      diagram.frame,
      `Why decoupled: without positions, q^{C} · k^{C} links ${source} to c^{KV} by the product of ${up} and W^{UK}, one fixed matrix per head, folded into the query once, so no key is built. ` +
        `RoPE on q^{C} and k^{C} would put a rotation that depends on both positions between ${up} and W^{UK}: no single matrix could be folded.`,
    );
  }

  function drawExperiment() {
    const runs = shown.absorption;
    const share = (rope) => runs[rope].maxAbsDifference / runs[rope].maxAbsScore;
    const list = (agree) =>
      VARIANTS.filter(([rope]) => share(rope) <= AGREEMENT === agree)
        .map(([rope, name]) => `${name} (${formatSmall(share(rope))})`)
        .join(' and ');
    const [agreeing, differing] = [list(true), list(false)];
    experiment.frame.setTitle(
      `Folding Wᵁᴷ into the query gives the explicit scores ${agreeing ? `with ${agreeing}` : 'in no variant'}${differing ? `, not with ${differing}` : ''}`,
    );
    experiment.update({
      axisLabel: 'largest difference ÷ largest score (log)',
      labelWidth: 72,
      textWidth: 160,
      bars: VARIANTS.map(([rope, name]) => {
        const { maxAbsDifference, maxAbsScore, absorbedMatrices, cacheElementsPerToken: cached } = runs[rope];
        const agree = share(rope) <= AGREEMENT;
        return {
          label: rope,
          value: share(rope),
          color: agree ? COLORS[2] : COLORS[4],
          text: `${formatSmall(share(rope))} · caches ${cached.absorbed} of ${cached.explicit}`,
          describe: `${name}: largest difference ${formatSmall(maxAbsDifference)}, largest score ${formatShort(maxAbsScore)}; caches ${cached.absorbed} per token instead of ${cached.explicit}; ${absorbedMatrices} folded matrices per head`,
        };
      }),
    });
    experiment.frame.setLegend([
      { label: 'agree (within 10⁻⁴)', color: COLORS[2] },
      { label: 'differ', color: COLORS[4] },
    ]);
    experiment.frame.setData(() => ({
      name: 'mla-folding',
      settings: { tokens: settings.tokens, start: settings.start, seed: settings.seed },
      columns: [
        'RoPE variant',
        'largest |score difference|',
        'largest |score|',
        'difference ÷ score',
        'numbers cached per token, folded',
        'explicit',
        'folded matrices per head',
      ],
      rows: VARIANTS.map(([rope, name]) => {
        const { maxAbsDifference, maxAbsScore, absorbedMatrices, cacheElementsPerToken: cached } = runs[rope];
        return [name, maxAbsDifference, maxAbsScore, share(rope), cached.absorbed, cached.explicit, absorbedMatrices];
      }),
    }));
    const { tokens, heads, headDim, ropeDim, latentDim, dModel } = runs.none;
    setNote(
      experiment.frame,
      `A seeded layer (${tokens} tokens, ${heads} heads of ${headDim}, latent ${latentDim}, RoPE ${ropeDim}, d_model ${dModel}) scored with keys built from c^{KV} and from the cache alone. ` +
        `With RoPE on the full keys, exact folding needs a matrix per offset between two tokens: ${runs.naive.absorbedMatrices} for ${tokens} tokens, not one per head.`,
    );
  }

  function drawCalculator() {
    const { preset, dims, cache, real } = shown;
    const per = (attention) => cache[attention].perTokenPerLayer;
    const mla = per('mla');
    const formulas = {
      mha: `2 × ${dims.heads} × ${dims.headDim}`,
      gqa: `2 × ${dims.kvHeads} × ${dims.headDim}`,
      mqa: `2 × ${dims.headDim}`,
      mla: `${dims.latentDim} + ${dims.ropeDim}`,
    };
    const context = `${formatWhole(settings.context)} tokens, ${settings.precision}`;
    calculator.frame.setTitle(
      `${preset?.name ?? 'Custom'}: MLA caches ${formatWhole(mla)} numbers per token per layer, ${mla < per('mha') ? `${times(per('mha') / mla)} fewer than` : 'no fewer than'} MHA’s ${formatWhole(per('mha'))}`,
    );
    calculator.update({
      axisLabel: 'numbers cached per token per layer (log)',
      bars: KINDS.map(([attention, label, color]) => ({
        label,
        value: per(attention),
        color,
        text: `${formatWhole(per(attention))}${attention === 'mla' ? '' : ` · ${times(per(attention) / mla)} MLA`}`,
        describe: `${label}: ${formulas[attention]} = ${formatWhole(per(attention))} per token per layer, ${formatWhole(cache[attention].perToken)} per token, ${formatBytes(cache[attention].bytes)} in all`,
      })),
    });
    calculator.frame.setData(() => ({
      name: 'kv-cache',
      settings: { model: preset?.id ?? 'custom', context: settings.context, precision: settings.precision },
      columns: ['attention', 'formula', 'numbers cached per token per layer', 'per token (all layers)', 'bytes in all'],
      rows: KINDS.map(([attention, label]) => [
        label,
        formulas[attention],
        per(attention),
        cache[attention].perToken,
        cache[attention].bytes,
      ]),
    }));
    calculator.frame.setLegend(
      KINDS.map(([attention, label, color, name]) => ({ label: `${label}, ${name}: ${formulas[attention]}`, color })),
    );
    setNote(
      calculator.frame,
      [
        `Whole model, ${context}: ${KINDS.map(([attention, label]) => `${label} ${formatBytes(cache[attention].bytes)}`).join(', ')}.`,
        real &&
          `With the real heads (keys ${preset.headDim} + ${preset.ropeDim}, values ${preset.valueHeadDim}), MHA caches ${formatWhole(real.perTokenPerLayer)}: ${times(real.perTokenPerLayer / mla)} MLA, ${formatBytes(real.bytes)} in all.`,
        preset && (preset.latentDim ? `GQA: the heads grouped into ${dims.kvHeads} KV heads, as in Llama 3.` : `MLA: DeepSeek’s ${mla}.`),
      ]
        .filter(Boolean)
        .join(' '),
    );
  }

  function draw() {
    drawDiagram();
    drawExperiment();
    drawCalculator();
    // YaRN is DeepSeek's: a Llama or custom model shows DeepSeek-V3's.
    const rope = shown.preset?.rope.mscaleAllDim ? shown.preset : deepseek;
    const { dim, base, scaling } = rope.rope;
    yarn.update({
      preset: rope,
      bands: pe.ropeBands({ dim, base, scaling }),
      other: presets.find((preset) => preset.rope.mscaleAllDim && preset.rope.mscaleAllDim !== rope.rope.mscaleAllDim),
    });
  }

  draw();
  if (JSON.stringify(addressed(settings)) !== JSON.stringify(state)) onChange(addressed(settings));

  return {
    snapshot() {
      return {
        preset: settings.preset,
        contextLength: settings.context,
        precision: settings.precision,
        dims: shown.dims,
        cache: shown.cache,
        absorption: Object.fromEntries(
          VARIANTS.map(([rope]) => [
            rope,
            { maxAbsDifference: shown.absorption[rope].maxAbsDifference, maxAbsScore: shown.absorption[rope].maxAbsScore },
          ]),
        ),
        tokens: settings.tokens,
        start: settings.start,
        seed: settings.seed,
        message: message.text(),
      };
    },
  };
}
