// What the DeepSeek view draws for one set of settings, every number from the core: the KV cache
// of each kind of attention (pe.kvCache) and the absorption experiment of each RoPE variant
// (pe.mlaAbsorption).
import { CATEGORY_COLORS as COLORS } from '../../charts/palette.js';
import { formatWhole } from '../../lib/format.js';
import { BYTES, DIMS, presetDims } from './mla-params.js';

/** @type {[import('../../pe.js').AttentionKind, string, string, string][]} */
export const KINDS = [
  ['mha', 'MHA', COLORS[3], 'multi-head'],
  ['gqa', 'GQA', COLORS[1], 'grouped-query'],
  ['mqa', 'MQA', COLORS[5], 'multi-query'],
  ['mla', 'MLA', COLORS[0], 'latent'],
];
/** @type {[import('../../pe.js').MlaRope, string][]} */
export const VARIANTS = [
  ['none', 'no positions'],
  ['naive', 'RoPE on the full keys'],
  ['decoupled', 'decoupled RoPE'],
];

/** Everything drawn for settings next, with preset the model it names (or null: custom
 *  dimensions); throws the core's error, or one about the context. */
export function computeMla(pe, next, preset, deepseek) {
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
