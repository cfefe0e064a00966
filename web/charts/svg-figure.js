// A figure holding one SVG chart and the readout line under it: the frame most SVG charts start
// from.
import { createFigure } from './figure.js';
import { svgElement } from './svg.js';
import { createSvgReadout } from './svg-readout.js';
import { trackWidth } from './width-tracker.js';

/** Returns { frame, figure, body, svg, reading, width() }: width() is the body's width, tracked
 *  when onResize(width) is given (which redraws at a new width), else null. */
export function createSvgFigure({
  className,
  onResize = null,
  hint = 'Point at a part of the chart, or Tab to it and use the arrow keys, to read it.',
}) {
  const frame = createFigure({ title: '' });
  const svg = svgElement('svg', { class: className, role: 'img' });
  const reading = createSvgReadout(svg, { hint });
  frame.body.append(svg, reading.readout);
  const width = onResize ? trackWidth(frame.body, onResize) : null;
  return { frame, figure: frame.figure, body: frame.body, svg, reading, width };
}
