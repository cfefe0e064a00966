// Flip frequency against index: index k flips once every 2^(k-1) positions, so it changes
// 1 / 2^(k-1) times per position. The curve falls by half at each step, from index 1
// (fine-grained: tells neighbours apart) to index d (coarse: tells far-apart regions apart).
// Point at an index, or Tab to the chart and use the arrow keys, to read its frequency.
import { scaleLinear } from 'd3-scale';
import { clearSvg, drawAxis, svgElement } from '../../charts/svg.js';
import { createSvgFigure } from '../../charts/svg-figure.js';
import { CATEGORY_COLORS, INK } from '../../charts/palette.js';
import { formatWhole } from '../../lib/format.js';

const FREQUENCY_COLOR = CATEGORY_COLORS[0];
const HEIGHT = 260;
const MARGIN = { top: 20, right: 18, bottom: 48, left: 58 };
const HINT = 'Point at an index, or Tab to the chart and use the left and right arrow keys, to read its flip frequency.';

/** "1", "1/2", "1/128": flips per position of a flip period. */
export function perPosition(period) {
  return period === 1 ? '1' : `1/${formatWhole(period)}`;
}

// "index 4 flips every 8 positions: frequency 1/8 flips per position".
function describeIndex(k, period) {
  const every = period === 1 ? 'every position' : `every ${formatWhole(period)} positions`;
  return `index ${k} flips ${every}: frequency ${perPosition(period)} ${period === 1 ? 'flip' : 'flips'} per position`;
}

// Two lines of text, anchored at (x, y) on the first line's baseline.
function annotation(x, y, anchor, lines) {
  const text = svgElement('text', { x, y, 'text-anchor': anchor, fill: INK, class: 'chart-annotation' });
  lines.forEach((line, n) => text.append(svgElement('tspan', { x, dy: n === 0 ? 0 : 15 }, line)));
  return text;
}

function title(dim) {
  return dim === 1
    ? 'With one index there is one point: index 1 flips once per position'
    : 'Each index flips half as often as the one before: a falling curve from fine-grained to coarse';
}

/** Returns { figure, update({ dim, flipPeriods, width }) }. */
export function createFlipFrequency() {
  const { frame, svg, reading } = createSvgFigure({ className: 'wave-chart', hint: HINT });
  frame.setTitle(title(8));
  frame.setLegend([{ label: 'flips per position = 1 / 2^(k−1) for index k', color: FREQUENCY_COLOR, shape: 'line' }]);

  return {
    figure: frame.figure,
    update({ dim, flipPeriods, width }) {
      frame.setTitle(title(dim));
      clearSvg(
        svg,
        width,
        HEIGHT,
        `Flips per position for indices 1 to ${dim}: ${Array.from(flipPeriods, perPosition).join(', ')}. Use the arrow keys to read each index.`,
      );
      const domain = dim === 1 ? [0.5, 1.5] : [1, dim];
      const x = scaleLinear()
        .domain(domain)
        .range([MARGIN.left, width - MARGIN.right]);
      const y = scaleLinear()
        .domain([0, 1])
        .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
      const indices = Array.from({ length: dim }, (_, i) => i + 1);
      // Every index when there is room for its label, else every other one (always index 1).
      const roomy = (width - MARGIN.left - MARGIN.right) / dim >= 22;
      drawAxis(svg, x, {
        side: 'bottom',
        at: y(0),
        length: y(0) - MARGIN.top,
        label: 'index k (1 = LSB)',
        ticks: roomy ? indices : indices.filter((k) => k % 2 === 1),
        format: String,
      });
      drawAxis(svg, y, {
        side: 'left',
        at: MARGIN.left,
        length: width - MARGIN.left - MARGIN.right,
        label: 'flips per position',
        ticks: [0, 0.25, 0.5, 0.75, 1],
        format: String,
      });

      const points = indices.map((k) => [x(k), y(1 / flipPeriods[k - 1])]);
      svg.append(
        svgElement('polyline', {
          points: points.map(([px, py]) => `${px.toFixed(1)},${py.toFixed(1)}`).join(' '),
          fill: 'none',
          stroke: FREQUENCY_COLOR,
          'stroke-width': 2,
        }),
      );
      indices.forEach((k, j) => {
        const dot = svgElement('circle', { cx: points[j][0], cy: points[j][1], r: 4, fill: FREQUENCY_COLOR });
        dot.append(
          svgElement(
            'title',
            {},
            `index ${k}: flips every ${formatWhole(flipPeriods[j])} positions, ${perPosition(flipPeriods[j])} per position`,
          ),
        );
        svg.append(dot);
      });
      // Item (0, k - 1) is index k: a band as wide as the spacing of the indices,
      // centred on its dot and cut at the plot's edges.
      const spacing = dim === 1 ? x.range()[1] - x.range()[0] : x(2) - x(1);
      reading.draw({
        rows: 1,
        cols: dim,
        itemAt: (px) => ({ row: 0, col: Math.round(x.invert(px)) - 1 }),
        box: (row, col) => {
          const [left, right] = [Math.max(x.range()[0], x(col + 1) - spacing / 2), Math.min(x.range()[1], x(col + 1) + spacing / 2)];
          return { x: left, y: MARGIN.top, width: right - left, height: y(0) - MARGIN.top };
        },
        describe: (row, col) => describeIndex(col + 1, flipPeriods[col]),
      });
      // Half-way to index 2 the curve has fallen to 3/4, clear of text along the top; with only
      // two indices the top right corner is the free one.
      frame.setData(() => ({
        name: 'flip-frequency',
        settings: { dim },
        columns: ['index k (1 = LSB)', 'flips every (positions)', 'flips per position'],
        rows: indices.map((k) => [k, flipPeriods[k - 1], 1 / flipPeriods[k - 1]]),
      }));
      const fine = ['fine-grained:', 'tells neighbours apart'];
      if (dim >= 3) {
        svg.append(annotation((x(1) + x(2)) / 2 + 8, y(1) + 4, 'start', fine));
        svg.append(annotation(x(dim), y(0.5), 'end', ['coarse:', 'tells distant regions apart']));
      } else if (dim === 2) {
        svg.append(annotation(x(2), y(1) + 4, 'end', fine));
      }
    },
  };
}
