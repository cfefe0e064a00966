// The DeepSeek view's settings: the model; the KV-cache calculator's precision, context length and
// custom dimensions; the absorption experiment's tokens, first position and seed. Their limits
// and link parameters.
import { choiceParam, integerParam } from '../../lib/url-params.js';

export const BYTES = { fp32: 4, bf16: 2, fp8: 1 }; // per cached number
export const CUSTOM = 'custom';
export const DEFAULT_PRESET = 'deepseek-v3';
// DeepSeek has no grouped-query attention of its own; its GQA bar groups the heads into as many
// KV heads as every Llama preset has.
const GQA_KV_HEADS = 8;

// The number boxes: the experiment's, then the calculator's (context and the dimensions, with
// the core's limits, pe.kvCache). A preset stops the context at its own maximum.
export const EXPERIMENT_FIELDS = [
  { name: 'tokens', label: 'Tokens', min: 2, max: 64 },
  { name: 'start', label: 'First position', min: 0, max: 2147483646 },
  { name: 'seed', label: 'Seed', min: 0, max: 4294967295 },
];
export const DIMS = [
  ['layers', 'Layers'],
  ['heads', 'Heads'],
  ['headDim', 'Head dim'],
  ['kvHeads', 'KV heads (GQA)'],
  ['latentDim', 'Latent dim'],
  ['ropeDim', 'RoPE dim'],
].map(([name, label]) => ({ name, label, min: name === 'ropeDim' ? 0 : 1, max: 65536 }));
export const CALCULATOR_FIELDS = [{ name: 'context', label: 'Context (tokens)', min: 1, max: 1048576 }, ...DIMS];

/** The dimensions the calculator uses for a preset: its own, except where it has none (Llama's
 *  latent: DeepSeek-V3's) or no grouping (DeepSeek's GQA bar: 8 KV heads). */
export function presetDims(preset, deepseek) {
  return {
    layers: preset.layers,
    heads: preset.heads,
    headDim: preset.headDim,
    kvHeads: preset.kvHeads < preset.heads ? preset.kvHeads : GQA_KV_HEADS,
    latentDim: preset.latentDim ?? deepseek.latentDim,
    ropeDim: preset.ropeDim ?? deepseek.ropeDim,
  };
}

export function mlaParams(pe) {
  const dims = presetDims(
    pe.modelPresets.find(({ id }) => id === DEFAULT_PRESET),
    {},
  );
  const integer = (fields, defaults) => fields.map(({ name, min, max }) => [name, integerParam(defaults[name], min, max)]);
  return {
    preset: choiceParam(DEFAULT_PRESET, [...pe.modelPresets.map(({ id }) => id), CUSTOM]),
    precision: choiceParam('bf16', Object.keys(BYTES)),
    // The dimensions are read only with preset=custom: a named preset brings its own.
    ...Object.fromEntries(integer(CALCULATOR_FIELDS, { context: 131072, ...dims })),
    ...Object.fromEntries(integer(EXPERIMENT_FIELDS, { tokens: 8, start: 0, seed: 1 })),
  };
}
