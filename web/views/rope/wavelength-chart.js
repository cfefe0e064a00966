// Long context: the wavelength of each pair (positions per full turn, log scale) of a published
// configuration, before scaling (dashed) and after (dots coloured by band: kept, blended,
// divided), with the context the model was trained at and the one it is scaled to. Point at a
// pair, or Tab to the chart and use the arrow keys, to read it.
import { scaleLinear, scaleLog } from 'd3-scale';
import { createFigure, element } from '../../charts/figure.js';
import { drawAxis, svgElement } from '../../charts/svg.js';
import { createSvgReadout } from '../../charts/svg-readout.js';
import { CATEGORY_COLORS, INK, MUTED_INK } from '../../charts/palette.js';
import { labelled } from '../shared/control-parts.js';
import { formatShort, formatWhole, powerOfTen } from '../../lib/format.js';

const BAND_COLORS = { kept: CATEGORY_COLORS[0], blended: CATEGORY_COLORS[1], divided: CATEGORY_COLORS[2] };
const HEIGHT = 300;
const MARGIN = { top: 12, right: 14, bottom: 48, left: 66 };
const HINT = 'Point at a pair, or Tab to the chart and use the arrow keys, to read its wavelength.';

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

/** Returns { figure, update({ preset, bands, mscale, width }) }; onPreset(name) runs when the
 *  reader picks another configuration. */
export function createWavelengthChart({ presets, preset, onPreset }) {
  const frame = createFigure({ title: '' });
  const select = element('select');
  select.dataset.field = 'preset';
  for (const { name, label } of presets) {
    const option = element('option', '', label);
    option.value = name;
    select.append(option);
  }
  select.value = preset;
  select.addEventListener('input', () => onPreset(select.value));
  const svg = svgElement('svg', { class: 'rope-chart', role: 'img' });
  const reading = createSvgReadout(svg, { hint: HINT });
  frame.body.append(labelled('Configuration', select, 'control rope-preset'), svg, reading.readout);

  return {
    figure: frame.figure,
    update({ preset: chosen, bands, mscale, width }) {
      const { wavelengths, originalWavelengths } = bands;
      const pairs = wavelengths.length;
      const lines = [chosen.originalContext, chosen.contextLength].filter((value) => value !== null);
      let high = 0;
      for (const value of [...wavelengths, ...lines]) high = Math.max(high, value);
      const x = scaleLinear()
        .domain([0, pairs - 1])
        .range([MARGIN.left, width - MARGIN.right]);
      const y = scaleLog()
        .domain([1, 10 ** Math.ceil(Math.log10(high))])
        .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
      const decades = y.ticks().filter((value) => Math.log10(value) % 1 === 0);
      svg.replaceChildren();
      svg.setAttribute('width', width);
      svg.setAttribute('height', HEIGHT);
      svg.setAttribute('aria-label', `Wavelength of each of the ${pairs} pairs, log scale. Use the arrow keys to read each pair.`);
      drawAxis(svg, x, {
        side: 'bottom',
        at: y.range()[0],
        length: HEIGHT - MARGIN.top - MARGIN.bottom,
        label: 'pair i (fast to slow)',
        ticks: Math.min(8, Math.floor(width / 60)),
        format: formatWhole,
      });
      drawAxis(svg, y, {
        side: 'left',
        at: MARGIN.left,
        length: width - MARGIN.left - MARGIN.right,
        label: 'positions per turn (log)',
        ticks: decades.filter((_, k) => decades.length <= 6 || k % 2 === 0),
        format: (value) => (value < 1e4 ? formatWhole(value) : powerOfTen(Math.log10(value))),
      });
      // The context lines under the pairs, their labels over them (haloed in the paper's colour), so
      // a pair's dot does not hide a label's words on a narrow chart.
      const labels = [];
      [chosen.originalContext, chosen.contextLength].forEach((value, k) => {
        if (value === null) return;
        svg.append(
          svgElement('line', {
            x1: x(0),
            x2: x(pairs - 1),
            y1: y(value),
            y2: y(value),
            stroke: INK,
            'stroke-width': 1.5,
            ...(k ? { 'stroke-dasharray': '6 4' } : {}),
          }),
        );
        labels.push(
          svgElement(
            'text',
            { x: x(0) + 4, y: y(value) - 5, class: 'chart-annotation', fill: INK },
            `${k ? 'context with scaling' : 'trained context'} ${formatWhole(value)}`,
          ),
        );
      });
      svg.append(
        svgElement('polyline', {
          points: Array.from(originalWavelengths, (value, i) => `${x(i).toFixed(1)},${y(value).toFixed(1)}`).join(' '),
          fill: 'none',
          stroke: MUTED_INK,
          'stroke-width': 1.5,
          'stroke-dasharray': '4 3',
        }),
      );
      wavelengths.forEach((value, i) =>
        svg.append(svgElement('circle', { cx: x(i), cy: y(value), r: 3.5, fill: BAND_COLORS[bands.bands[i]] })),
      );
      svg.append(...labels);
      const step = pairs > 1 ? x(1) - x(0) : 8;
      reading.draw({
        rows: 1,
        cols: pairs,
        itemAt: (px) => ({ row: 0, col: Math.round(x.invert(px)) }),
        box: (row, i) => ({ x: x(i) - step / 2, y: MARGIN.top, width: step, height: y.range()[0] - MARGIN.top }),
        describe: (row, i) =>
          `pair ${i}: a turn every ${formatShort(originalWavelengths[i])} positions before scaling, ` +
          `${formatShort(wavelengths[i])} after (${bands.bands[i]})`,
      });
      frame.setData(() => ({
        name: 'rope-wavelengths',
        settings: { preset: chosen.name },
        columns: ['pair i (0 turns fastest)', 'positions per turn before scaling', 'positions per turn after scaling', 'band'],
        rows: Array.from(wavelengths, (value, i) => [i, originalWavelengths[i], value, bands.bands[i]]),
      }));
      frame.setTitle(title(chosen, bands));
      frame.setNote(note(chosen, mscale));
      const present = ['kept', 'blended', 'divided'].filter((band) => bands.counts[band] > 0);
      frame.setLegend([
        ...present.map((band) => ({ label: band === 'divided' ? `divided by ${chosen.scaling.factor}` : band, color: BAND_COLORS[band] })),
        { label: 'before scaling', color: MUTED_INK, shape: 'dashed' },
        ...(lines.length ? [{ label: 'context lengths', color: INK, shape: 'line' }] : []),
      ]);
    },
  };
}
