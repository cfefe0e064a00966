// The legend of a diverging colour scale: the gradient with its range written under it, so every
// colour on a chart can be read back as a number.
import { element, setText } from './figure.js';
import { rampGradient } from './color-ramp.js';

/** Returns { element, update(limit, format) }; update writes -limit, 0 and +limit under the bar.
 *  label, if given, names the quantity before the bar. */
export function createColorLegend(label = '') {
  const legend = element('div', 'color-legend');
  const bar = element('span', 'color-legend-bar');
  bar.style.background = rampGradient();
  const low = element('span', 'color-legend-tick');
  const middle = element('span', 'color-legend-tick', '0');
  const high = element('span', 'color-legend-tick');
  const ticks = element('span', 'color-legend-ticks');
  ticks.append(low, middle, high);
  const scale = element('span', 'color-legend-scale');
  scale.append(bar, ticks);
  if (label) legend.append(element('span', 'color-legend-label', label));
  legend.append(scale);
  legend.setAttribute('aria-hidden', 'true'); // the readouts say each value in words
  return {
    element: legend,
    update(limit, format) {
      setText(low, `−${format(limit)}`);
      setText(high, `+${format(limit)}`);
    },
  };
}
