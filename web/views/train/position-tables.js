// The position table each run's model adds to its input, side by side: learned positions as
// trained so far, the rows that no training sequence reached marked as never trained (they are
// still the random values the run started with), next to the fixed tables (integer, binary,
// sinusoidal). Schemes that act on queries and keys or on the scores have no table: a line says
// where they act instead. Read only when the view asks (after training, or paused).
import { createFigure, element } from '../../charts/figure.js';
import { createColorLegend } from '../../charts/color-legend.js';
import { createHeatMap, everyNth } from '../../charts/heat-map.js';
import { CHART_FONT, textWidth } from '../../charts/cell-canvas.js';
import { trackWidth } from '../../charts/width-tracker.js';
import { ON_CELLS_INK, ON_CELLS_PAPER } from '../../charts/palette.js';
import { formatExact, formatShort, formatWhole } from '../../lib/format.js';

const HINT = 'Point at a cell, or Tab to a table and use the arrow keys, to read one position’s value in one dimension.';
export const NEVER_TRAINED = 'never trained: no sequence reached these positions';
const MAP_WIDTH = 300; // px a table needs to be read; narrower pages stack them
const GAP = 20;
const MAX_CELL = 12;
const MAP_HEIGHT = 256;
const HATCH = 7; // px between the hatching's lines over untrained rows

// The runs of untrained rows ([{ from, to }], to exclusive).
function untrainedBands(trained) {
  const bands = [];
  trained.forEach((isTrained, row) => {
    if (isTrained) return;
    const last = bands[bands.length - 1];
    if (last && last.to === row) last.to = row + 1;
    else bands.push({ from: row, to: row + 1 });
  });
  return bands;
}

// Hatching over each untrained band, a line where it starts and the label in the first.
function markUntrained(bands) {
  return (context, { x, y, cellHeight, plotWidth }) => {
    context.save();
    context.strokeStyle = ON_CELLS_INK;
    for (const { from, to } of bands) {
      const top = y + from * cellHeight;
      const height = (to - from) * cellHeight;
      context.save();
      context.beginPath();
      context.rect(x, top, plotWidth, height);
      context.clip();
      context.globalAlpha = 0.45;
      context.lineWidth = 1;
      context.beginPath();
      for (let k = -height; k < plotWidth; k += HATCH) {
        context.moveTo(x + k, top + height);
        context.lineTo(x + k + height, top);
      }
      context.stroke();
      context.restore();
      context.lineWidth = 2;
      context.beginPath();
      context.moveTo(x, top);
      context.lineTo(x + plotWidth, top);
      context.stroke();
    }
    if (bands.length) writeLabel(context, { x: x + 4, y: y + bands[0].from * cellHeight + 6, width: plotWidth - 8 });
    context.restore();
  };
}

// Words of text in lines no wider than width (a word longer than that on a line of its own).
function wrapped(text, width) {
  const lines = [];
  for (const word of text.split(' ')) {
    const last = lines[lines.length - 1];
    if (last !== undefined && textWidth(`${last} ${word}`) <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

// NEVER_TRAINED on a paper-coloured box, in as many lines as the map's width takes.
function writeLabel(context, { x, y, width }) {
  const lines = wrapped(NEVER_TRAINED, width - 8);
  const boxWidth = Math.min(width, Math.max(...lines.map(textWidth)) + 8);
  context.font = CHART_FONT;
  context.globalAlpha = 0.9;
  context.fillStyle = ON_CELLS_PAPER;
  context.fillRect(x, y, boxWidth, 16 * lines.length + 4);
  context.globalAlpha = 1;
  context.fillStyle = ON_CELLS_INK;
  context.textAlign = 'left';
  context.textBaseline = 'top';
  lines.forEach((line, i) => context.fillText(line, x + 4, y + 3 + 16 * i));
}

// One scheme's table as a heat map under its heading, with its own colour scale.
function createTableBlock() {
  const block = element('div', 'train-table');
  const heading = element('h4', 'train-map-heading');
  const map = createHeatMap({ label: 'Position table', hint: HINT });
  const legend = createColorLegend('value');
  block.append(heading, map.element, legend.element);
  return { block, heading, map, legend };
}

function drawTable(parts, { name, step, table, width }) {
  const { firstPosition, rows, dim, learned, values, trained } = table;
  const bands = learned ? untrainedBands(trained) : [];
  let limit = 0;
  for (const value of values) limit = Math.max(limit, Math.abs(value));
  parts.heading.textContent = `${name}: ${learned ? `as trained to step ${formatWhole(step)}` : 'fixed table'}`;
  parts.legend.update(limit || 1, formatShort);
  const position = (row) => formatWhole(firstPosition + row);
  const widest = textWidth(position(rows - 1));
  const cellWidth = Math.max(1, Math.min(MAX_CELL, (width - widest - 30) / dim));
  const cellHeight = Math.max(1, Math.min(MAX_CELL, MAP_HEIGHT / rows));
  parts.map.draw({
    rows,
    cols: dim,
    cellWidth,
    cellHeight,
    value: (row, col) => values[row * dim + col],
    limit: limit || 1,
    key: `${name} ${step} ${cellWidth} ${cellHeight} ${limit}`,
    describe: (row, col) =>
      `${name}: position ${position(row)}, dimension ${col}: ${formatExact(values[row * dim + col])}${learned && !trained[row] ? ` (${NEVER_TRAINED})` : ''}`,
    rowTicks: everyNth(rows, cellHeight, 16, position),
    colTicks: everyNth(dim, cellWidth, textWidth(String(dim)) + 8, String),
    rowName: 'position',
    colName: 'dimension',
    overlay: markUntrained(bands),
  });
}

// What the hatching covers, from the learned tables' own marks: every row before the first step,
// the rows past the training length once training has reached every row before it.
function untrainedNote(tables, length) {
  const learned = tables.filter(({ table }) => table.learned);
  if (!learned.length) return '';
  const keep = 'so they still hold the run’s initial random values.';
  if (learned.every(({ table }) => table.trained.every((trained) => !trained)))
    return `Hatched: every learned row, since no training step has run yet; ${keep}`;
  const pastLength = learned.every(({ table }) => table.trained.every((trained, row) => trained === row < length));
  return pastLength
    ? `Hatched: the learned rows past the training length ${length}; no training sequence reached them, ${keep}`
    : `Hatched: the learned rows no training sequence has reached yet; ${keep}`;
}

/** Returns { figure, refresh({ runs, schemes, label, settings, tableOf }), snapshot() }: schemes
 *  are pe.schemes, tableOf(scheme) the trainer's positionTable() for that scheme's run. */
export function createPositionTables() {
  const frame = createFigure({ title: 'The position table each model used' });
  frame.figure.dataset.control = 'positions';
  const grid = element('div', 'train-tables');
  const elsewhere = element('ul', 'train-tables-elsewhere');
  frame.body.append(grid, elsewhere);
  const blocks = new Map(); // scheme -> its block's parts
  let shown = null; // { tables: [{ scheme, name, step, run, table }], input }
  const availableWidth = trackWidth(frame.body, () => shown && draw());

  function draw() {
    const available = availableWidth();
    const columns = Math.max(1, Math.min(shown.tables.length, Math.floor((available + GAP) / (MAP_WIDTH + GAP))));
    const width = (available - GAP * (columns - 1)) / columns;
    grid.replaceChildren(...shown.tables.map(({ scheme }) => blocks.get(scheme).block));
    for (const entry of shown.tables) {
      blocks.get(entry.scheme).block.style.width = `${Math.floor(width)}px`;
      drawTable(blocks.get(entry.scheme), { ...entry, width });
    }
    frame.setData((maxRows) => {
      const dims = Math.max(0, ...shown.tables.map(({ table }) => table.dim));
      const rows = shown.tables.flatMap(({ name, table }) =>
        Array.from({ length: table.rows }, (_, r) => [
          name,
          table.firstPosition + r,
          table.learned ? (table.trained[r] ? 'yes' : 'no') : 'fixed',
          ...table.values.subarray(r * table.dim, (r + 1) * table.dim),
        ]),
      );
      return {
        name: 'position-tables',
        settings: shown.settings,
        columns: ['scheme', 'position', 'trained', ...Array.from({ length: dims }, (_, d) => `dimension ${d}`)],
        rowCount: rows.length,
        rows: rows.slice(0, maxRows),
      };
    });
  }

  return {
    figure: frame.figure,
    /** Reads the tables again where a run moved: call it only between frames' training. */
    refresh({ runs, schemes, label, settings, tableOf }) {
      const input = runs.filter((run) => schemes.find(({ name }) => name === run.scheme).actsOn === 'input' && !run.divergedAt);
      const old = new Map((shown?.tables ?? []).map((entry) => [entry.scheme, entry]));
      const tables = input.map((run) => {
        const kept = old.get(run.scheme);
        if (kept && kept.run === run && kept.step === run.step) return kept;
        if (!blocks.has(run.scheme)) blocks.set(run.scheme, createTableBlock());
        return { scheme: run.scheme, name: label(run.scheme), step: run.step, run, table: tableOf(run.scheme) };
      });
      const changed = !shown || tables.length !== shown.tables.length || tables.some((entry, i) => entry !== shown.tables[i]);
      elsewhere.replaceChildren(
        ...runs
          .filter((run) => !input.includes(run))
          .map((run) => {
            const { whereItActs } = schemes.find(({ name }) => name === run.scheme);
            const why = run.divergedAt
              ? `diverged at step ${formatWhole(run.divergedAt)}: its table is no longer finite`
              : `no table to show; it ${whereItActs}`;
            return element('li', '', `${label(run.scheme)}: ${why}.`);
          }),
      );
      shown = { tables, settings: { ...settings } };
      frame.setNote(untrainedNote(tables, settings.length));
      if (changed) draw();
    },
    snapshot: () => shown && shown.tables.map(({ scheme, step, table }) => ({ scheme, step, ...table, values: Array.from(table.values) })),
  };
}
