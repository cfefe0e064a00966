// The numbers behind a figure as one table, and what is made from it: CSV text, the file name
// that says which figure and settings it came from, and how much of it an on-page table shows.
// A table is { name, settings, columns, rows }: name says what the figure is ('binary-grid'),
// settings what it was drawn for ({ start: 64, count: 12 }), columns the header names (with
// units and conventions: 'index 1 (bit 0, LSB)'), rows arrays of numbers or strings.

/** One CSV field: numbers at full precision, null/undefined empty, text quoted when it holds a
 *  separator, a quote, a line break or edge spaces (RFC 4180; quotes doubled). Text that a
 *  spreadsheet would run as a formula (it starts with = + - @, a tab or a carriage return; a
 *  token such as '=' or '-ing' can) gets a leading apostrophe, which spreadsheets show as text. */
export function csvField(value) {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : String(value).toLowerCase();
  const text = /^[=+\-@\t\r]/.test(String(value)) ? `'${value}` : String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The table as CSV: a header line, then one line per row, CRLF line ends (RFC 4180). */
export function tableCsv({ columns, rows }) {
  const line = (fields) => fields.map(csvField).join(',');
  return [line(columns), ...rows.map(line)].join('\r\n') + '\r\n';
}

// Lower-case words and digits joined by '-' (accents dropped, dots kept inside as in 'llama3.1'):
// safe in a file name on every system.
function slug(text) {
  return String(text)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
}

/** 'pe-lab-binary-grid-start-64-count-12.csv': the figure's name, then each setting. */
export function figureFileName({ name, settings = {} }, extension) {
  const parts = ['pe-lab', name, ...Object.entries(settings).flatMap(([key, value]) => [key, value])];
  return `${parts.map(slug).filter(Boolean).join('-')}.${extension}`;
}

/** The most rows and columns a page shows of a table: enough to read, few enough to stay quick
 *  (the grid has up to 65,536 rows). */
export const SHOWN = { rows: 100, cols: 40 };

/** How much of a rows x cols table a page shows: at most maxRows rows and maxCols columns (the
 *  first ones), with a note saying what was left out, or '' when all of it is shown. */
export function shownPart(rows, cols, { maxRows = SHOWN.rows, maxCols = SHOWN.cols } = {}) {
  const shownRows = Math.min(rows, maxRows);
  const shownCols = Math.min(cols, maxCols);
  const cut = [];
  if (shownRows < rows) cut.push(`the first ${shownRows.toLocaleString('en-US')} of ${rows.toLocaleString('en-US')} rows`);
  if (shownCols < cols) cut.push(`the first ${shownCols.toLocaleString('en-US')} of ${cols.toLocaleString('en-US')} columns`);
  const note = cut.length ? `Showing ${cut.join(' and ')}; save the CSV for all of them.` : '';
  return { rows: shownRows, cols: shownCols, note };
}

/** A table of a matrix as drawn: one row per rowLabels entry (named in the first column, headed
 *  corner), one column per columns entry, value(row, col) in the cells. */
export function matrixTable({ name, settings, corner, rowLabels, columns, value }) {
  return {
    name,
    settings,
    columns: [corner, ...columns],
    rows: rowLabels.map((label, row) => [label, ...columns.map((_, col) => value(row, col))]),
  };
}
