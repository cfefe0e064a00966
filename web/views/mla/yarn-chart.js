// DeepSeek's RoPE part under YaRN: each rotated pair's wavelength (positions per turn) before and
// after scaling, on a log scale, over the bands YaRN sorts the pairs into (kept, blended, divided
// by the factor), with the original and the extended context as lines, and the temperature.
import { CATEGORY_COLORS, MUTED_INK } from '../../charts/palette.js';
import { bandRuns, createWavelengthChart } from '../../charts/wavelength-chart.js';
import { formatWhole, powerOfTen } from '../../lib/format.js';
import { setMathHtml } from './math-text.js';

const [BEFORE, AFTER] = [CATEGORY_COLORS[0], CATEGORY_COLORS[4]];
const VERBS = { kept: 'keeps', blended: 'blends', divided: 'stretches' };

// Each band shaded and named over the plot; a ring per pair before scaling, a dot after.
const LOOK = {
  className: 'yarn-chart',
  hint: 'Point at a part of the chart, or Tab to it and use the arrow keys, to read it.',
  label: (pairs) => `Positions per turn of each of ${pairs} RoPE pairs before and after scaling. Use the arrow keys to read each pair.`,
  margin: { top: 26, right: 12, bottom: 46, left: 58 },
  pairs: {
    label: 'RoPE pair i (0 turns fastest)',
    column: 'RoPE pair i (0 turns fastest)',
    padded: true,
    grid: false,
    ticks(x, pairs, width) {
      const every = Math.ceil(pairs / Math.floor((width - x.range()[0]) / 34));
      return Array.from({ length: pairs }, (_, i) => i).filter((i) => i % every === 0);
    },
  },
  lengths: { label: 'positions per turn', thin: false, format: (value) => powerOfTen(Math.log10(value)) },
  shading: { fill: { kept: 'none', blended: 'var(--band-1)', divided: 'var(--band-2)' }, name: { divided: 'stretched' } },
  after: { kept: AFTER, blended: AFTER, divided: AFTER },
  before: { shape: 'ring', color: BEFORE },
  context: { stroke: MUTED_INK, labelClass: 'context-label', labelGap: 4, labelsOnTop: false },
  turn: 'one turn',
};

function title(preset, bands) {
  const words = bandRuns(bands).map(
    ({ band, first, last }) => `${VERBS[band]} ${first === last ? `pair ${first}` : `pairs ${first}–${last}`}`,
  );
  const factor = bands.includes('divided') ? ` (×${formatWhole(preset.rope.scaling.factor)})` : '';
  return `${preset.name}’s YaRN ${words.slice(0, -1).join(', ')}${words.length > 1 ? ' and ' : ''}${words[words.length - 1]}${factor}`;
}

/** Returns { figure, update({ preset, bands, other }) } for a preset scaled by YaRN: bands,
 *  pe.ropeBands of its RoPE settings; other, a preset whose YaRN temperature differs (or none).
 *  onResize redraws at a new width. */
export function createYarnChart({ onResize }) {
  const chart = createWavelengthChart({ look: LOOK, onResize });
  chart.frame.setLegend([
    { label: 'positions per turn before scaling', color: BEFORE },
    { label: 'after scaling', color: AFTER },
  ]);
  const note = chart.figure.querySelector('.figure-note');

  return {
    figure: chart.figure,
    update({ preset, bands, other }) {
      const { rope } = preset;
      chart.frame.setTitle(title(preset, bands.bands));
      chart.update({
        bands,
        contexts: [
          { length: rope.scaling.originalContext, label: 'original context', short: 'original', dash: '4 3' },
          { length: preset.maxContext, label: 'extended context', short: 'extended', dash: '4 3' },
        ],
        width: Math.max(300, chart.width()),
        name: 'yarn-wavelengths',
        settings: { model: preset.id ?? preset.name },
      });
      note.hidden = false;
      const scale = `1/√${preset.queryKeyHeadDim}`;
      const squared = (p) => `(0.1 × ${p.rope.mscaleAllDim} × ln ${p.rope.scaling.factor} + 1)² = ${p.rope.softmaxFactor.toFixed(3)}`;
      setMathHtml(
        note,
        `YaRN adds an attention temperature: ${preset.name} multiplies its softmax scale ${scale} by mscale² = ${squared(preset)}${other ? ` (${other.name}: ${squared(other)})` : ''}, so its scores come out larger and its attention sharper.`,
      );
    },
  };
}
