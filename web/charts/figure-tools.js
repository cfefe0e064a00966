// The line under every figure: "Show the numbers" (the figure's data table, the text alternative
// a screen reader can reach) and "Save as PNG / SVG / CSV". Both read the one table the figure
// declared (figure.setData), so the file, the on-page table and the drawing never disagree.
// Where downloads are blocked (a sandboxed iframe without allow-downloads) saving offers the
// file to copy instead, and says why (figure-copy.js).
import { element } from './dom.js';
import { figurePng, figureSvg } from './figure-picture.js';
import { download, downloadsBlockedBecause, offerCopy } from './figure-copy.js';
import { SHOWN, figureFileName, shownPart, tableCsv } from '../lib/figure-data.js';

let panelCount = 0;

function button(text, label) {
  const node = element('button', 'figure-tool', text);
  node.type = 'button';
  if (label) node.setAttribute('aria-label', label);
  return node;
}

// 7 significant digits, as many as float32 holds, are what a reader (or a screen reader) needs.
const SHOWN_DIGITS = 7;

// The numbers as an HTML table: at most the rows and columns a page can show, with a note. Its
// name is a paragraph above it rather than a <caption>: a caption is as wide as a wide table, so
// on a phone its words would run on past the edge of the scrolling box.
function renderTable(table, title, captionId) {
  let rounded = false;
  const text = (value) => {
    if (typeof value !== 'number' || Number.isInteger(value)) return value === null || value === undefined ? '' : String(value);
    const short = String(Number(value.toPrecision(SHOWN_DIGITS)));
    rounded ||= short !== String(value);
    return short;
  };
  const part = shownPart(table.rowCount ?? table.rows.length, table.columns.length);
  const node = element('table', 'figure-numbers-table');
  const caption = element('p', 'figure-numbers-caption', `The numbers of: ${title}`);
  caption.id = captionId;
  node.setAttribute('aria-labelledby', captionId);
  const head = element('tr');
  for (const name of table.columns.slice(0, part.cols)) {
    const cell = element('th', '', name);
    cell.scope = 'col';
    head.append(cell);
  }
  const body = element('tbody');
  for (const row of table.rows.slice(0, part.rows)) {
    const line = element('tr');
    for (const value of row.slice(0, part.cols)) line.append(element('td', '', text(value)));
    body.append(line);
  }
  node.createTHead().append(head);
  node.append(body);
  const note = [part.note, rounded ? `Numbers rounded to ${SHOWN_DIGITS} significant digits; the CSV has every digit.` : '']
    .filter(Boolean)
    .join(' ');
  return [caption, ...(note ? [element('p', 'figure-numbers-note', note)] : []), node];
}

/**
 * Adds the tools to a figure's parts ({ figure, body, heading, legendItems() }). Returns
 * { element, setData(table) } where table(maxRows) returns { name, settings, columns, rows,
 * rowCount } with at least the first maxRows rows (all of them for Infinity) and rowCount the
 * total, so that a long table is only built in full for a file.
 */
export function createFigureTools(parts) {
  panelCount += 1;
  const tools = element('div', 'figure-tools');
  const numbersId = `figure-numbers-${panelCount}`;
  const toggle = button('Show the numbers');
  toggle.setAttribute('aria-expanded', 'false');
  toggle.setAttribute('aria-controls', numbersId);
  const save = element('span', 'figure-save');
  save.setAttribute('role', 'group');
  save.setAttribute('aria-label', 'Save this figure');
  const formats = { png: button('PNG', 'Save as PNG'), svg: button('SVG', 'Save as SVG'), csv: button('CSV', 'Save the numbers as CSV') };
  save.append(element('span', 'figure-save-label', 'Save as'), ...Object.values(formats));
  const bar = element('div', 'figure-tools-bar');
  bar.append(toggle, save);
  const numbers = element('div', 'figure-numbers');
  numbers.id = numbersId;
  numbers.hidden = true;
  numbers.tabIndex = 0; // a wide table scrolls sideways: the keyboard must reach it
  numbers.setAttribute('role', 'region');
  numbers.setAttribute('aria-labelledby', `${numbersId}-caption`); // renderTable's caption, the figure's title
  const fallback = element('div', 'figure-copy');
  fallback.hidden = true;
  const problem = element('p', 'figure-tools-problem');
  problem.setAttribute('role', 'status');
  problem.hidden = true;
  tools.append(bar, problem, numbers, fallback);
  tools.hidden = true;

  let table = null;
  const title = () => parts.heading.textContent;
  const picture = () => ({ figure: parts.figure, body: parts.body, title: title(), legend: parts.legendItems() });
  const drawings = () => [...parts.body.querySelectorAll('svg, canvas')].filter((node) => !node.parentNode.closest('svg'));

  function refreshNumbers() {
    if (!numbers.hidden && table) numbers.replaceChildren(...renderTable(table(SHOWN.rows), title(), `${numbersId}-caption`));
  }

  toggle.addEventListener('click', () => {
    numbers.hidden = !numbers.hidden;
    toggle.textContent = numbers.hidden ? 'Show the numbers' : 'Hide the numbers';
    toggle.setAttribute('aria-expanded', String(!numbers.hidden));
    refreshNumbers();
  });

  async function saveAs(format) {
    const described = table(Infinity);
    const name = figureFileName(described, format);
    let blob;
    problem.hidden = true;
    if (format === 'csv') blob = new Blob([tableCsv(described)], { type: 'text/csv' });
    else if (format === 'svg') blob = new Blob([figureSvg(picture())], { type: 'image/svg+xml' });
    else {
      try {
        blob = await figurePng(picture());
      } catch (error) {
        // For example a page whose Content-Security-Policy forbids blob: images.
        problem.textContent = `The PNG could not be made here: ${error.message}. The SVG and CSV still can.`;
        problem.hidden = false;
        return;
      }
    }
    const blocked = downloadsBlockedBecause();
    if (blocked) await offerCopy({ fallback, button, title: title(), back: formats[format] }, { format, blob, name, reason: blocked });
    else download(blob, name);
  }
  for (const [format, control] of Object.entries(formats)) control.addEventListener('click', () => saveAs(format));

  return {
    element: tools,
    setData(next) {
      table = next;
      const drawn = drawings();
      tools.hidden = false;
      formats.png.hidden = drawn.length === 0;
      // An SVG file only where everything drawn is SVG: a canvas would be a picture inside it.
      formats.svg.hidden = drawn.length === 0 || drawn.some((node) => node instanceof HTMLCanvasElement);
      refreshNumbers();
    },
  };
}
