// What each kind of attention caches per token per layer (pe.kvCache): MHA, GQA, MQA and MLA
// for a model's dimensions, as bars on a log scale, with the whole model's bytes at a context
// length and precision in the note.
import { createBarChart } from '../../charts/bar-chart.js';
import { formatBytes, formatShort, formatWhole } from '../../lib/format.js';
import { KINDS } from './mla-data.js';
import { setMathNote } from './math-text.js';

const times = (ratio) => `${formatShort(ratio)}×`;

// How each kind's number per token per layer is made.
function formulas(dims) {
  return {
    mha: `2 × ${dims.heads} × ${dims.headDim}`,
    gqa: `2 × ${dims.kvHeads} × ${dims.headDim}`,
    mqa: `2 × ${dims.headDim}`,
    mla: `${dims.latentDim} + ${dims.ropeDim}`,
  };
}

function note({ preset, dims, cache, real }, settings, mla) {
  const context = `${formatWhole(settings.context)} tokens, ${settings.precision}`;
  return [
    `Whole model, ${context}: ${KINDS.map(([attention, label]) => `${label} ${formatBytes(cache[attention].bytes)}`).join(', ')}.`,
    real &&
      `With the real heads (keys ${preset.headDim} + ${preset.ropeDim}, values ${preset.valueHeadDim}), MHA caches ${formatWhole(real.perTokenPerLayer)}: ${times(real.perTokenPerLayer / mla)} MLA, ${formatBytes(real.bytes)} in all.`,
    preset && (preset.latentDim ? `GQA: the heads grouped into ${dims.kvHeads} KV heads, as in Llama 3.` : `MLA: DeepSeek’s ${mla}.`),
  ]
    .filter(Boolean)
    .join(' ');
}

/** Returns { figure, update({ shown, settings }) }: shown is computeMla's (mla-data.js);
 *  onResize redraws at a new width. */
export function createKvCacheChart({ onResize }) {
  const chart = createBarChart({ onResize });

  return {
    figure: chart.figure,
    update({ shown, settings }) {
      const { preset, dims, cache } = shown;
      const per = (attention) => cache[attention].perTokenPerLayer;
      const mla = per('mla');
      const formula = formulas(dims);
      chart.frame.setTitle(
        `${preset?.name ?? 'Custom'}: MLA caches ${formatWhole(mla)} numbers per token per layer, ${mla < per('mha') ? `${times(per('mha') / mla)} fewer than` : 'no fewer than'} MHA’s ${formatWhole(per('mha'))}`,
      );
      chart.update({
        axisLabel: 'numbers cached per token per layer (log)',
        bars: KINDS.map(([attention, label, color]) => ({
          label,
          value: per(attention),
          color,
          text: `${formatWhole(per(attention))}${attention === 'mla' ? '' : ` · ${times(per(attention) / mla)} MLA`}`,
          describe: `${label}: ${formula[attention]} = ${formatWhole(per(attention))} per token per layer, ${formatWhole(cache[attention].perToken)} per token, ${formatBytes(cache[attention].bytes)} in all`,
        })),
      });
      chart.frame.setData(() => ({
        name: 'kv-cache',
        settings: { model: preset?.id ?? 'custom', context: settings.context, precision: settings.precision },
        columns: ['attention', 'formula', 'numbers cached per token per layer', 'per token (all layers)', 'bytes in all'],
        rows: KINDS.map(([attention, label]) => [
          label,
          formula[attention],
          per(attention),
          cache[attention].perToken,
          cache[attention].bytes,
        ]),
      }));
      chart.frame.setLegend(KINDS.map(([attention, label, color, name]) => ({ label: `${label}, ${name}: ${formula[attention]}`, color })));
      setMathNote(chart.frame, note(shown, settings, mla));
    },
  };
}
