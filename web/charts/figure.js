// The frame every chart sits in: a title that says what to notice, the drawing, a legend, an
// optional note, and the tools that show its numbers and save it (figure-tools.js).
import { element, setText } from './dom.js';
import { createFigureTools } from './figure-tools.js';

export { element, setText };

/**
 * Builds <figure> with title, body, legend, note and tools; returns its parts so a view can fill
 * the body, replace legend items (setLegend), update the title or note as its data changes, and
 * declare the numbers it draws (setData, see figure-tools.js) for the table and the files.
 */
export function createFigure({ title, note = '' }) {
  const figure = element('figure', 'figure');
  const heading = element('h3', 'figure-title', title);
  const body = element('div', 'figure-body');
  const legend = element('ul', 'legend');
  const noteLine = element('p', 'figure-note', note);
  noteLine.hidden = !note;
  let legendItems = [];
  const tools = createFigureTools({ figure, body, heading, legendItems: () => legendItems });
  figure.append(heading, body, legend, noteLine, tools.element);
  return {
    figure,
    body,
    setTitle(text) {
      setText(heading, text);
    },
    setNote(text) {
      setText(noteLine, text);
      noteLine.hidden = !text;
    },
    /** items: [{ label, color, shape: 'square' | 'line' | 'dashed' }] */
    setLegend(items) {
      legendItems = items;
      legend.replaceChildren(
        ...items.map(({ label, color, shape = 'square' }) => {
          const item = element('li', 'legend-item');
          const swatch = element('span', `legend-swatch legend-${shape}`);
          swatch.style.setProperty('--swatch', color);
          item.append(swatch, document.createTextNode(label));
          return item;
        }),
      );
    },
    setData: tools.setData,
  };
}
