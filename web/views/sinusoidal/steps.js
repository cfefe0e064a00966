// Binary against sinusoidal at the same periods (pe.neighbourSteps): the length of the step from
// each position to the next, uneven for the bits, the same everywhere for the sinusoids. The
// number of bits that flip at each step is the core's too (pe.binaryStructure's hamming).
import { createFigure } from '../../charts/figure.js';
import { CATEGORY_COLORS } from '../../charts/palette.js';
import { createSeriesChart } from '../../charts/series-chart.js';
import { formatExact, formatShort, formatSmall, formatWhole } from '../../lib/format.js';

const BINARY_COLOR = CATEGORY_COLORS[0]; // blue, solid, as the square waves of step 4
const SINUSOIDAL_COLOR = CATEGORY_COLORS[4]; // vermilion, dashed, as their smooth counterparts
const HEIGHT = 280;
const HINT = 'Point at a step, or Tab to the chart and use the left and right arrow keys, to read both lengths.';

/** { min, max, minAt, maxAt } of values (first index of each). */
export function extent(values) {
  const facts = { min: Infinity, max: -Infinity, minAt: 0, maxAt: 0 };
  values.forEach((value, r) => {
    if (value < facts.min) [facts.min, facts.minAt] = [value, r];
    if (value > facts.max) [facts.max, facts.maxAt] = [value, r];
  });
  return facts;
}

// even: pe.neighbourSteps' verdicts, whether every step has one length up to float32 rounding.
function title({ start, count }, binary, sinusoidal, even) {
  const step = (r) => `${formatWhole(start + r)} → ${formatWhole(start + r + 1)}`;
  if (count === 2)
    return `The one step here, ${step(0)}, is ${formatShort(binary.max)} long in binary and ${formatShort(sinusoidal.max)} in sinusoidal`;
  const binaryWords = even.binary
    ? `every binary step here is ${formatShort(binary.max)} long`
    : `binary steps run from ${formatShort(binary.min)} to ${formatShort(binary.max)} (${step(binary.maxAt)})`;
  const sinusoidalWords = even.sinusoidal
    ? `sinusoidal steps at the same periods are all ${formatShort(sinusoidal.max)}` +
      (sinusoidal.max > sinusoidal.min ? `, to within ${formatSmall(sinusoidal.max - sinusoidal.min)}` : '')
    : `sinusoidal steps at the same periods run from ${formatShort(sinusoidal.min)} to ${formatShort(sinusoidal.max)}`;
  return `${binaryWords[0].toUpperCase()}${binaryWords.slice(1)}; ${sinusoidalWords}`;
}

function note(bits, periods) {
  const indices = bits === 1 ? 'index k = 1' : `each index k from 1 to ${bits}`;
  const every = bits === 1 ? 'every 2 positions' : `every 2^k positions (${formatWhole(periods[0])} to ${formatWhole(periods[bits - 1])})`;
  const binaryStep =
    bits === 1
      ? 'With one bit every binary step flips it: a step of 1'
      : 'A binary step is the square root of the number of bits that flip, so it depends on p';
  return (
    `What is compared: for ${indices}, the binary bit of index k, 0 or 1, which repeats ${every}, against the ` +
    'sinusoidal pair (sin 2πp/2^k, cos 2πp/2^k) with the same period. A step is the straight-line distance from the vector of p ' +
    `to the vector of p + 1: ${bits} ${bits === 1 ? 'value' : 'values'} for binary, ${2 * bits} for sinusoidal. ${binaryStep}; ` +
    'each sinusoidal pair turns by the same angle 2π/2^k at every step, so every sinusoidal step has the same length.'
  );
}

/** Returns { figure, update({ settings, steps, flips, width }) }: steps is
 *  pe.neighbourSteps for the count - 1 steps of the range, flips pe.binaryStructure's hamming. */
export function createSteps() {
  const frame = createFigure({ title: '' });
  const chart = createSeriesChart({ label: 'Length of the step from each position to the next, binary and sinusoidal', hint: HINT });
  frame.body.append(chart.element);

  return {
    figure: frame.figure,
    update({ settings, steps, flips, width }) {
      const { start, bits } = settings;
      const binary = extent(steps.binary);
      const sinusoidal = extent(steps.sinusoidal);
      frame.setTitle(title(settings, binary, sinusoidal, steps.even));
      frame.setNote(note(bits, steps.periods));
      frame.setLegend([
        { label: bits === 1 ? 'binary: the bit of index 1' : `binary: the bits of index 1 to ${bits}`, color: BINARY_COLOR, shape: 'line' },
        { label: 'sinusoidal: one sin/cos pair per bit’s period', color: SINUSOIDAL_COLOR, shape: 'dashed' },
      ]);
      frame.setData(() => ({
        name: 'neighbour-steps',
        settings: { start, count: settings.count, bits },
        columns: ['step from position p', 'to p + 1', 'binary step length', 'bits flipped', 'sinusoidal step length'],
        rows: Array.from(steps.binary, (length, r) => [start + r, start + r + 1, length, flips[r], steps.sinusoidal[r]]),
      }));
      chart.draw({
        width,
        height: HEIGHT,
        first: start,
        series: [
          { values: steps.binary, color: BINARY_COLOR },
          { values: steps.sinusoidal, color: SINUSOIDAL_COLOR, dashed: true },
        ],
        xLabel: 'step from position p to p + 1',
        yLabel: 'step length',
        yDomain: [0, Math.max(binary.max, sinusoidal.max)],
        xFormat: formatWhole,
        yFormat: formatShort,
        describe(r) {
          const flipped = flips[r] === bits ? `all ${bits}` : `${flips[r]} of ${bits}`;
          return (
            `${formatWhole(start + r)} → ${formatWhole(start + r + 1)}: binary ${formatExact(steps.binary[r])} ` +
            `(${flipped} ${bits === 1 ? 'bit flips' : 'bits flip'}), sinusoidal ${formatExact(steps.sinusoidal[r])}`
          );
        },
      });
    },
  };
}
