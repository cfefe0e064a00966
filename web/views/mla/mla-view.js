// The DeepSeek view: multi-head latent attention with decoupled RoPE for a real model (the
// diagram), why RoPE has to be decoupled (the absorption experiment, pe.mlaAbsorption), what the
// latent saves (the KV-cache calculator, pe.kvCache) and how YaRN stretches the RoPE part
// (pe.modelPresets). Every number comes from the core; this view's modules pick, format and
// compare them, and divide a few for ratios.
import { createViewMessage } from '../shared/view-message.js';
import { CUSTOM, DEFAULT_PRESET, DIMS, mlaParams, presetDims } from './mla-params.js';
import { computeMla, VARIANTS } from './mla-data.js';
import { createMlaControls } from './mla-controls.js';
import { createMlaDiagram } from './mla-diagram.js';
import { createFoldingChart } from './folding-chart.js';
import { createKvCacheChart } from './kv-cache-chart.js';
import { createYarnChart } from './yarn-chart.js';

// The view's state as plain JSON: the settings, the dimensions, the caches and the experiment.
function mlaSnapshot({ settings, shown, message }) {
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
}

/** @param {import('../registry.js').MountContext} context */
export function mount({ pe, root, state, onChange }) {
  const presets = pe.modelPresets;
  const find = (id) => presets.find((preset) => preset.id === id);
  const deepseek = find(DEFAULT_PRESET);
  const defaults = Object.fromEntries(Object.entries(mlaParams(pe)).map(([name, param]) => [name, param.defaultValue]));
  const compute = (next) => computeMla(pe, next, find(next.preset) ?? null, deepseek);
  const message = createViewMessage();
  const controls = createMlaControls({ presets, deepseek, state, onInput: update });
  const diagram = createMlaDiagram({ pe, deepseek, onResize: draw });
  const folding = createFoldingChart({ onResize: draw });
  const calculator = createKvCacheChart({ onResize: draw });
  const yarn = createYarnChart({ onResize: draw });
  const [modelPanel, experimentPanel, calculatorPanel] = controls.panels;
  root.replaceChildren(
    modelPanel,
    message.element,
    diagram.figure,
    experimentPanel,
    folding.figure,
    calculatorPanel,
    calculator.figure,
    yarn.figure,
  );

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
  controls.show(settings, shown.preset);

  function update({ target }) {
    target.closest('.controls').after(message.element); // the message goes under the panel in use
    message.show(null);
    const read = controls.read(target);
    if (read.problem) return message.show(read.problem);
    try {
      shown = compute(read.values);
    } catch (error) {
      return message.show(`These settings do not work: ${error.message}.`);
    }
    settings = read.values;
    draw();
    onChange(addressed(settings));
  }

  function draw() {
    diagram.update(shown.preset);
    folding.update({ runs: shown.absorption, settings });
    calculator.update({ shown, settings });
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

  return { snapshot: () => mlaSnapshot({ settings, shown, message }) };
}
