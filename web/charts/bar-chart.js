// Horizontal bars, one per labelled quantity, on a logarithmic scale (ticks at powers of ten), for
// quantities that span orders of magnitude. The value is written at the end of each bar; pointing
// at a bar, or Tab to the chart and the arrow keys, reads it out in full.
import { scaleLinear } from 'd3-scale';
import { clearSvg, drawAxis, svgElement } from './svg.js';
import { createSvgFigure } from './svg-figure.js';
import { powerOfTen } from '../lib/format.js';

const ROW = 30;
const BAR = 18;
const MARGIN = { top: 6, bottom: 46, gap: 8, text: 7 };

/**
 * Returns { figure, frame, update({ bars, axisLabel, labelWidth, textWidth }) } where bars are
 * [{ label, value, text, color, describe }]: value >= 0 (0 is drawn as no bar, at the scale's
 * lower end); text is written after the bar, describe is the readout's sentence. textWidth: room
 * kept right of the longest bar for its text. onResize redraws at a new width.
 */
export function createBarChart({ onResize }) {
  const { frame, figure, svg, reading, width } = createSvgFigure({ className: 'bar-chart', onResize });

  return {
    figure,
    frame,
    update({ bars, axisLabel, textWidth = 120, labelWidth = 56 }) {
      const full = Math.max(280, width());
      const height = MARGIN.top + bars.length * ROW + MARGIN.bottom;
      clearSvg(svg, full, height, `${frame.figure.querySelector('h3').textContent}. Use the arrow keys to read each bar.`);
      // Whole powers of ten around every positive value, the lowest strictly below the smallest,
      // so that a value on a power of ten (a cache of 1 number) still has a bar.
      const exponents = bars.filter((bar) => bar.value > 0).map((bar) => Math.log10(bar.value));
      const low = Math.ceil(Math.min(...exponents)) - 1;
      const high = Math.max(low + 1, Math.ceil(Math.max(...exponents)));
      const scale = scaleLinear()
        .domain([low, high])
        .range([labelWidth + MARGIN.gap, full - textWidth]);
      const x = (value) => scale(value > 0 ? Math.log10(value) : low);
      const bottom = MARGIN.top + bars.length * ROW;
      const ticks = Array.from({ length: high - low + 1 }, (_, k) => low + k);
      const step = Math.ceil(ticks.length / Math.max(2, Math.floor((full - labelWidth - textWidth) / 44)));
      drawAxis(svg, scale, {
        side: 'bottom',
        at: bottom,
        length: bottom - MARGIN.top,
        label: axisLabel,
        ticks: ticks.filter((tick) => (high - tick) % step === 0),
        format: powerOfTen,
      });
      bars.forEach((bar, i) => {
        const y = MARGIN.top + i * ROW + (ROW - BAR) / 2;
        const left = scale(low);
        svg.append(
          svgElement(
            'text',
            { x: labelWidth, y: y + BAR / 2, 'text-anchor': 'end', 'dominant-baseline': 'middle', class: 'bar-label' },
            bar.label,
          ),
          svgElement('rect', { x: left, y, width: Math.max(0, x(bar.value) - left), height: BAR, fill: bar.color }),
          svgElement(
            'text',
            { x: Math.max(left, x(bar.value)) + MARGIN.text, y: y + BAR / 2, 'dominant-baseline': 'middle', class: 'bar-value' },
            bar.text,
          ),
        );
      });
      reading.draw({
        rows: bars.length,
        cols: 1,
        itemAt: (px, py) => ({ row: Math.floor((py - MARGIN.top) / ROW), col: 0 }),
        box: (row) => ({ x: 0, y: MARGIN.top + row * ROW, width: full, height: ROW }),
        describe: (row) => bars[row].describe,
      });
    },
  };
}
