// The frame every chart sits in: a title that says what to notice, the drawing, a legend, and
// an optional note. Text is always set with textContent, never parsed as markup.

/** Creates an element with a class and optional text. */
export function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Sets node's text only when it changed: rewriting equal text still makes the browser lay the
 *  page out again, which charts redrawn on every keystroke cannot afford. */
export function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}

/**
 * Builds <figure> with title, body, legend and note; returns its parts so a view can fill the
 * body, replace legend items (setLegend) and update the title or note as its data changes.
 */
export function createFigure({ title, note = '' }) {
  const figure = element('figure', 'figure');
  const heading = element('h3', 'figure-title', title);
  const body = element('div', 'figure-body');
  const legend = element('ul', 'legend');
  const noteLine = element('p', 'figure-note', note);
  noteLine.hidden = !note;
  figure.append(heading, body, legend, noteLine);
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
  };
}
