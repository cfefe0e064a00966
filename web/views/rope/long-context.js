// Long context: the wavelength of each pair of a published configuration (pe.ropePresets), before
// scaling (dashed) and after (dots coloured by band: kept, blended, divided), with the context the
// model was trained at and the one it is scaled to; a select of the configurations, and "Copy as
// code" for their frequencies.
import { CATEGORY_COLORS, INK, MUTED_INK } from '../../charts/palette.js';
import { createWavelengthChart } from '../../charts/wavelength-chart.js';
import { formatShort, formatWhole, powerOfTen } from '../../lib/format.js';
import { frequencySnippet } from '../../lib/python-snippets.js';
import { choiceSelect, labelled } from '../shared/control-parts.js';
import { createCopyCode } from '../shared/copy-code.js';

const BAND_COLORS = { kept: CATEGORY_COLORS[0], blended: CATEGORY_COLORS[1], divided: CATEGORY_COLORS[2] };

// Pairs as dots coloured by band over a dashed line of their wavelengths before scaling; the
// context lines' labels over the dots, haloed in the paper's colour, so a pair's dot does not
// hide a label's words on a narrow chart.
const LOOK = {
  className: 'rope-chart',
  hint: 'Point at a pair, or Tab to the chart and use the arrow keys, to read its wavelength.',
  label: (pairs) => `Wavelength of each of the ${pairs} pairs, log scale. Use the arrow keys to read each pair.`,
  margin: { top: 12, right: 14, bottom: 48, left: 66 },
  pairs: {
    label: 'pair i (fast to slow)',
    column: 'pair i (0 turns fastest)',
    padded: false,
    grid: true,
    ticks: (x, pairs, width) => Math.min(8, Math.floor(width / 60)),
  },
  lengths: {
    label: 'positions per turn (log)',
    thin: true,
    format: (value) => (value < 1e4 ? formatWhole(value) : powerOfTen(Math.log10(value))),
  },
  shading: null,
  after: BAND_COLORS,
  before: { shape: 'line', color: MUTED_INK },
  context: { stroke: INK, strokeWidth: 1.5, labelClass: 'chart-annotation', labelFill: INK, labelGap: 5, labelsOnTop: true },
  turn: 'a turn',
};

function title(preset, { counts, wavelengths, originalWavelengths }) {
  const pairs = wavelengths.length;
  if (!preset.scaling) {
    const longer = preset.originalContext === null ? 0 : originalWavelengths.filter((w) => w > preset.originalContext).length;
    const context =
      preset.originalContext === null
        ? ''
        : `; ${longer} of them need more than its ${formatWhole(preset.originalContext)}-position context for one turn`;
    return (
      `${preset.label}: no scaling, all ${pairs} pairs kept, one turn every ${formatShort(originalWavelengths[0])} to ` +
      `${formatShort(originalWavelengths[pairs - 1])} positions${context}`
    );
  }
  return (
    `${preset.label}: ${counts.kept} fast pairs kept, ${counts.blended} blended, ${counts.divided} slow pairs turned ` +
    `${preset.scaling.factor}× more slowly, to run at ${formatWhole(preset.contextLength)} positions instead of ${formatWhole(preset.originalContext)}`
  );
}

function note(preset, mscale) {
  const s = preset.scaling;
  if (!s) {
    return 'A pair slower than one turn per context never completes a turn in training, and past the context reaches angles the model has not seen.';
  }
  if (s.type === 'llama3') {
    return (
      `Llama 3’s rule, L = ${formatWhole(s.originalContext)}: pairs with wavelength under L / ${s.highFreqFactor} are kept, ` +
      `over L / ${s.lowFreqFactor} turn ${s.factor}× more slowly, in between blend.`
    );
  }
  return (
    `YaRN as DeepSeek uses it, L = ${formatWhole(s.originalContext)}: roughly, pairs turning over ${s.betaFast} times in L are kept, ` +
    `under ${s.betaSlow} time turn ${s.factor}× more slowly, a linear ramp in between; the softmax scale is multiplied by mscale², mscale = ${formatShort(mscale)}.`
  );
}

function legend(preset, counts) {
  const present = ['kept', 'blended', 'divided'].filter((band) => counts[band] > 0);
  const lines = preset.originalContext !== null || preset.contextLength !== null;
  return [
    ...present.map((band) => ({ label: band === 'divided' ? `divided by ${preset.scaling.factor}` : band, color: BAND_COLORS[band] })),
    { label: 'before scaling', color: MUTED_INK, shape: 'dashed' },
    ...(lines ? [{ label: 'context lengths', color: INK, shape: 'line' }] : []),
  ];
}

/** Returns { figure, update({ name, width }), shown() }: update draws the configuration named
 *  name; shown() is what it drew, { bands (pe.ropeBands), mscale (YaRN's, or null) }. onPreset(name)
 *  runs when the reader picks another configuration. */
export function createLongContext({ pe, preset, onPreset }) {
  const chart = createWavelengthChart({ look: LOOK });
  const select = choiceSelect(
    pe.ropePresets.map(({ name, label }) => ({ value: name, label })),
    preset,
    'preset',
  );
  chart.body.prepend(labelled('Configuration', select, 'control rope-preset'));
  const frequencyCode = createCopyCode({
    what: 'this configuration’s frequencies',
    snippet(library) {
      const { dim, base, scaling } = pe.ropePresets.find(({ name }) => name === select.value);
      return frequencySnippet(library, { dim, base, scaling });
    },
  });
  chart.figure.append(frequencyCode.element);
  select.addEventListener('input', () => {
    frequencyCode.clear();
    onPreset(select.value);
  });
  let shown = null;

  return {
    figure: chart.figure,
    shown: () => shown,
    update({ name, width }) {
      const chosen = pe.ropePresets.find((entry) => entry.name === name);
      const { dim, base, scaling } = chosen;
      const bands = pe.ropeBands({ dim, base, scaling });
      shown = { bands, mscale: scaling?.type === 'yarn' ? pe.yarnMscale({ factor: scaling.factor }) : null };
      const contexts = [
        { length: chosen.originalContext, label: 'trained context', short: 'trained' },
        { length: chosen.contextLength, label: 'context with scaling', short: 'scaled', dash: '6 4' },
      ].filter(({ length }) => length !== null);
      chart.update({ bands, contexts, width, name: 'rope-wavelengths', settings: { preset: chosen.name } });
      chart.frame.setTitle(title(chosen, bands));
      chart.frame.setNote(note(chosen, shown.mscale));
      chart.frame.setLegend(legend(chosen, bands.counts));
    },
  };
}
