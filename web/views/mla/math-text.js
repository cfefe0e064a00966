// Symbols with superscripts and subscripts, written as in the DeepSeek-V2 paper: "c^{KV}", "h_{t}",
// "W^{UK}". One small notation, drawn as <sup>/<sub> in HTML and as shifted <tspan>s in SVG;
// always text, never parsed as markup.
import { element } from '../../charts/figure.js';
import { svgElement } from '../../charts/svg.js';

// "k^{R}_{t}" -> [{ text: 'k' }, { text: 'R', shift: 'super' }, { text: 't', shift: 'sub' }].
function parts(text) {
  return text
    .split(/([_^]\{[^}]*\})/)
    .filter(Boolean)
    .map((part) => (/^[_^]\{/.test(part) ? { text: part.slice(2, -1), shift: part[0] === '^' ? 'super' : 'sub' } : { text: part }));
}

/** Replaces node's content with text, ^{..} and _{..} as <sup> and <sub>. */
export function setMathHtml(node, text) {
  node.replaceChildren(...parts(text).map(({ text: t, shift }) => (shift ? element(shift === 'super' ? 'sup' : 'sub', '', t) : t)));
}

/** Appends text to an SVG <text> element, shifted parts as smaller <tspan>s. */
export function appendMathSvg(node, text) {
  for (const { text: t, shift } of parts(text)) {
    node.append(shift ? svgElement('tspan', { 'baseline-shift': shift, 'font-size': '75%' }, t) : t);
  }
  return node;
}

/** The text without braces, for readouts: "c^{KV}" as "c^KV". */
export const plainMath = (text) => text.replace(/[{}]/g, '');

/** Shows text, in this notation, as frame's note (charts/figure.js). */
export function setMathNote(frame, text) {
  const note = frame.figure.querySelector('.figure-note');
  note.hidden = false;
  setMathHtml(note, text);
}
