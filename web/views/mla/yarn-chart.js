// DeepSeek's RoPE part under YaRN: each rotated pair's wavelength (positions per turn) before and
// after scaling, on a log scale, over the bands YaRN sorts the pairs into (kept, blended, divided
// by the factor), with the original and the extended context as lines, and the temperature.
import { scaleLinear } from 'd3-scale';
import { drawAxis, svgElement } from '../../charts/svg.js';
import { CATEGORY_COLORS, MUTED_INK } from '../../charts/palette.js';
import { createSvgFigure, powerOfTen } from '../../charts/bar-chart.js';
import { formatShort, formatWhole } from '../shared/format.js';
import { setMathHtml } from './math-text.js';

const [BEFORE, AFTER] = [CATEGORY_COLORS[0], CATEGORY_COLORS[4]];
const BANDS = { kept: ['keeps', 'none'], blended: ['blends', 'var(--band-1)'], divided: ['stretches', 'var(--band-2)'] };
const HEIGHT = 300;
const MARGIN = { top: 26, right: 12, bottom: 46, left: 58 };

/** [{ band, first, last }]: the runs of neighbouring pairs in one band, in order. */
function bandRuns(bands) {
  const runs = [];
  bands.forEach((band, i) => {
    if (runs[runs.length - 1]?.band === band) runs[runs.length - 1].last = i;
    else runs.push({ band, first: i, last: i });
  });
  return runs;
}

/** Returns { figure, update({ preset, bands, other }) } for a preset scaled by YaRN: bands,
 *  pe.ropeBands of its RoPE settings; other, a preset whose YaRN temperature differs (or none).
 *  onResize redraws at a new width. */
export function createYarnChart({ onResize }) {
  const { frame, svg, reading, width } = createSvgFigure({ className: 'yarn-chart', onResize });
  frame.setLegend([
    { label: 'positions per turn before scaling', color: BEFORE },
    { label: 'after scaling', color: AFTER },
  ]);
  const note = frame.figure.querySelector('.figure-note');

  return {
    figure: frame.figure,
    update({ preset, bands: { originalWavelengths: before, wavelengths: after, bands }, other }) {
      const { rope } = preset;
      const runs = bandRuns(bands);
      const words = runs.map(({ band, first, last }) => `${BANDS[band][0]} ${first === last ? `pair ${first}` : `pairs ${first}–${last}`}`);
      frame.setTitle(
        `${preset.name}’s YaRN ${words.slice(0, -1).join(', ')}${words.length > 1 ? ' and ' : ''}${words[words.length - 1]}${bands.includes('divided') ? ` (×${formatWhole(rope.scaling.factor)})` : ''}`,
      );
      frame.setData(() => ({
        name: 'yarn-wavelengths',
        settings: { model: preset.id ?? preset.name },
        columns: ['RoPE pair i (0 turns fastest)', 'positions per turn before scaling', 'positions per turn after scaling', 'band'],
        rows: Array.from(before, (length, i) => [i, length, after[i], bands[i]]),
      }));
      const full = Math.max(300, width());
      const count = before.length;
      const x = scaleLinear()
        .domain([-0.5, count - 0.5])
        .range([MARGIN.left, full - MARGIN.right]);
      const top = Math.ceil(Math.log10(Math.max(...after, preset.maxContext)));
      const bottom = HEIGHT - MARGIN.bottom;
      const y = (length) => bottom - ((bottom - MARGIN.top) * Math.log10(length)) / top;
      svg.replaceChildren();
      svg.setAttribute('width', full);
      svg.setAttribute('height', HEIGHT);
      svg.setAttribute(
        'aria-label',
        `Positions per turn of each of ${count} RoPE pairs before and after scaling. Use the arrow keys to read each pair.`,
      );
      for (const { band, first, last } of runs) {
        const [left, right] = [x(first - 0.5), x(last + 0.5)];
        svg.append(
          svgElement('rect', { x: left, y: MARGIN.top, width: right - left, height: bottom - MARGIN.top, fill: BANDS[band][1] }),
          svgElement(
            'text',
            { x: (left + right) / 2, y: MARGIN.top - 8, 'text-anchor': 'middle', class: 'band-label' },
            band === 'divided' ? 'stretched' : band,
          ),
        );
      }
      const every = Math.ceil(count / Math.floor((full - MARGIN.left) / 34));
      drawAxis(svg, x, {
        side: 'bottom',
        at: bottom,
        length: 0,
        label: 'RoPE pair i (0 turns fastest)',
        ticks: before.map((_, i) => i).filter((i) => i % every === 0),
        format: String,
      });
      drawAxis(svg, scaleLinear().domain([0, top]).range([bottom, MARGIN.top]), {
        side: 'left',
        at: MARGIN.left,
        length: full - MARGIN.left - MARGIN.right,
        label: 'positions per turn',
        ticks: Array.from({ length: top + 1 }, (_, k) => k),
        format: powerOfTen,
      });
      for (const [length, label] of [
        [rope.scaling.originalContext, 'original context'],
        [preset.maxContext, 'extended context'],
      ]) {
        svg.append(
          svgElement('line', {
            x1: MARGIN.left,
            x2: full - MARGIN.right,
            y1: y(length),
            y2: y(length),
            stroke: MUTED_INK,
            'stroke-dasharray': '4 3',
          }),
          svgElement('text', { x: MARGIN.left + 4, y: y(length) - 4, class: 'context-label' }, `${label} ${formatWhole(length)}`),
        );
      }
      before.forEach((length, i) =>
        svg.append(
          svgElement('circle', { cx: x(i), cy: y(after[i]), r: 3.5, fill: AFTER }),
          svgElement('circle', { cx: x(i), cy: y(length), r: 4.5, fill: 'none', stroke: BEFORE, 'stroke-width': 1.5 }),
        ),
      );
      const step = x(1) - x(0);
      reading.draw({
        rows: 1,
        cols: count,
        itemAt: (px) => ({ row: 0, col: Math.round(x.invert(px)) }),
        box: (row, col) => ({ x: x(col) - step / 2, y: MARGIN.top, width: step, height: bottom - MARGIN.top }),
        describe: (row, col) =>
          `pair ${col}: one turn every ${formatShort(before[col])} positions before scaling, ${formatShort(after[col])} after (${bands[col]})`,
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
