// The legend of a diverging colour scale: the gradient with its range written under it, so every
// colour on a chart can be read back as a number.
import { element, setText } from './figure.js';
import { rampGradient } from './color-ramp.js';

/** Returns { element, update(limit, format) }; update writes -limit, 0 and +limit under the bar
 *  (with signed false, for a quantity that is never negative: 0 and +limit under the upper half
 *  of the scale). label, if given, names the quantity before the bar. */
export function createColorLegend(label = '', { signed = true } = {}) {
  const legend = element('div', 'color-legend');
  const bar = element('span', 'color-legend-bar');
  bar.style.background = rampGradient({ signed });
  const low = element('span', 'color-legend-tick');
  const middle = element('span', 'color-legend-tick', '0');
  const high = element('span', 'color-legend-tick');
  const ticks = element('span', 'color-legend-ticks');
  ticks.append(...(signed ? [low, middle, high] : [middle, high]));
  const scale = element('span', 'color-legend-scale');
  scale.append(bar, ticks);
  if (label) legend.append(element('span', 'color-legend-label', label));
  legend.append(scale);
  legend.setAttribute('aria-hidden', 'true'); // the readouts say each value in words
  return {
    element: legend,
    update(limit, format) {
      setText(low, `−${format(limit)}`);
      setText(high, signed ? `+${format(limit)}` : format(limit));
    },
  };
}
