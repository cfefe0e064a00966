// The binary grid: positions down, the lecture's indices across, each cell one bit, with the
// encoding's two limits computed for the range shown (codes repeat from 2^d on; neighbours are
// unevenly far apart). Scales to 65,536 rows by drawing only what is on screen.
import { createFigure, element } from '../../charts/figure.js';
import { BIT_COLORS } from '../../charts/palette.js';
import { trackWidth } from '../../charts/width-tracker.js';
import { encodingSnippet } from '../../lib/python-snippets.js';
import { createCopyCode } from '../shared/copy-code.js';
import { formatWhole } from '../../lib/format.js';
import { labelled } from '../shared/control-parts.js';
import { createRangeControls } from '../shared/range-controls.js';
import { loadLinkSettings, tryPanelSettings } from '../shared/range-settings.js';
import { createViewMessage } from '../shared/view-message.js';
import { FIELDS, GRID_PARAMS, LIMITS, PRESETS } from './grid-params.js';
import { createGridData } from './grid-data.js';
import { gridLayout, TEXT_ROW_HEIGHT, visibleRows } from './grid-layout.js';
import { createGridCanvas } from './grid-canvas.js';
import { JUMP_COLOR, REPEAT_COLOR } from './grid-painter.js';
import { describeFacts, gridFacts } from './grid-facts.js';
import { cellFacts, describeCell, READOUT_HINT } from './grid-readout.js';

const SNAPSHOT_ROWS = 40; // rows of the visible part that snapshot() lists
const RANGE_KEYS = ['start', 'count', 'dim'];

function zoomControl(value) {
  const input = element('input');
  input.type = 'range';
  input.min = String(LIMITS.zoom.min);
  input.max = String(LIMITS.zoom.max);
  input.step = '1';
  input.value = String(value);
  input.dataset.field = 'zoom';
  const shown = element('span', 'control-value');
  const row = element('span', 'zoom-row');
  row.append(input, shown);
  const control = labelled('Row height (zoom)', row, 'control zoom-control');
  const read = () => Number(input.value);
  const sync = () => {
    shown.textContent = `${read()} px`;
  };
  sync();
  input.addEventListener('input', sync);
  return { element: control, read };
}

function title(data) {
  if (data.dim === 1) return 'One bit: index 1 flips on every row, alternating 0 and 1';
  const slowest = formatWhole(data.flipPeriods[data.dim - 1]);
  return `Index 1 (LSB) flips on every row; index ${data.dim} (MSB) only every ${slowest} rows`;
}

// The repeat colour is listed only when this range has rows drawn in it.
function legend(data, facts) {
  const items = [
    { label: 'bit 0', color: BIT_COLORS[0] },
    { label: 'bit 1', color: BIT_COLORS[1] },
    { label: 'bits flipped to the next row (bar length)', color: JUMP_COLOR },
  ];
  if (facts.firstRepeatRow !== null) {
    items.push({ label: `code repeats a smaller position’s (from ${formatWhole(data.repeatsFrom)} on)`, color: REPEAT_COLOR });
  }
  return items;
}

// The view's state as plain JSON: the settings, the facts, and the rows in view.
function gridSnapshot({ settings, data, facts, layout, grid, pointed, readout, message }) {
  const { scrollTop, scrollLeft, viewport } = grid.scrollState();
  const rows = visibleRows(layout, scrollTop, viewport.height);
  const last = Math.min(rows.last, rows.first + SNAPSHOT_ROWS - 1);
  data.ensureRows(rows.first, last);
  const shown = [];
  for (let r = rows.first; r <= last; r += 1) {
    shown.push({ position: data.start + r, bits: data.binaryString(r), jump: data.jumpAfter(r), sameCodeAs: data.sameCodeAs(r) });
  }
  return {
    ...settings,
    repeatsFrom: data.repeatsFrom,
    facts,
    firstVisible: data.start + rows.first,
    lastVisible: data.start + rows.last,
    rows: shown,
    pointed: pointed ? cellFacts(data, pointed) : null,
    readout: readout.textContent,
    message: message.text(),
    // Cell column c shows index dim - c; a cell's top-left in the canvas is
    // (cellLeft + c * cellWidth - scrollLeft, headerHeight + row * rowHeight - scrollTop).
    geometry: {
      headerHeight: layout.headerHeight,
      rowHeight: layout.rowHeight,
      cellLeft: layout.cells.x,
      cellWidth: layout.cells.cellWidth,
      positionWidth: layout.position.width, // the frozen column: cells left of it are hidden
      width: layout.width,
      height: layout.height,
      scrollTop,
      scrollLeft,
      viewport,
    },
  };
}

/** @param {import('../registry.js').MountContext} context */
export function mount({ pe, root, state, onChange }) {
  const zoom = zoomControl(state.zoom);
  const controls = createRangeControls({ fields: FIELDS, state, presets: PRESETS, extras: [zoom.element], onInput: update });
  const message = createViewMessage();
  const figure = createFigure({ title: '' });
  const readout = element('p', 'readout', READOUT_HINT);
  readout.setAttribute('aria-live', 'polite');
  const grid = createGridCanvas({
    label:
      'Binary grid: one row per position, one column per index, most significant bit on the left. Use the arrow keys to read each cell.',
    onPoint(cell) {
      pointed = cell;
      readout.textContent = cell ? describeCell(data, cell) : READOUT_HINT;
    },
  });
  // Shown only when the grid is wider than its box; it opens scrolled to index 1 (LSB).
  const scrollHint = element('p', 'grid-scroll-hint', '← Scroll the grid sideways for higher indices (towards the MSB).');
  scrollHint.hidden = true;
  figure.body.append(scrollHint, grid.element, readout);
  // The table as loaded: settings keep the last range the core accepted.
  const copyCode = createCopyCode({
    what: 'this binary table',
    snippet: (library) => encodingSnippet(library, { kind: 'binary', start: settings.start, count: settings.count, dim: settings.dim }),
  });
  figure.figure.append(copyCode.element);
  root.replaceChildren(controls.element, message.element, figure.figure);

  let settings = { ...state };
  let data = null;
  let facts = null;
  let layout = null;
  let pointed = null;
  // The cells take the width they are given; re-lay them out when that width changes.
  const availableWidth = trackWidth(figure.body, () => show({ rangeChanged: false, widthChanged: true }));

  // A new range re-describes the figure; a zoom or width change only re-lays out the cells.
  function show({ rangeChanged, widthChanged = false }) {
    const firstRow = rangeChanged ? 0 : grid.firstRow();
    layout = gridLayout(data, { rowHeight: settings.zoom, available: availableWidth() - grid.chromeWidth(), formatPosition: formatWhole });
    if (rangeChanged) {
      figure.setTitle(title(data));
      figure.setLegend(legend(data, facts));
      figure.setData(data.table);
    }
    const zoomHint = layout.showText
      ? ''
      : ` Rows shorter than ${TEXT_ROW_HEIGHT} px label only the positions that are multiples of ${layout.labelEvery}; point at a row to read it.`;
    figure.setNote(describeFacts(facts, data) + zoomHint);
    grid.show({ layout, data, formatPosition: formatWhole }, { firstRow, lsbFirst: rangeChanged || widthChanged });
    scrollHint.hidden = !grid.overflows();
  }

  // Throws the core's error when the range is not allowed; nothing changes then.
  function load(range) {
    data = createGridData(pe, range);
    facts = gridFacts(data);
  }

  const changesRange = (next) => RANGE_KEYS.some((key) => next[key] !== settings[key]);

  // A zoom alone keeps the loaded range: only the layout changes.
  function update() {
    const next = tryPanelSettings({
      controls,
      message,
      extras: () => ({ zoom: zoom.read() }),
      load: (candidate) => {
        if (changesRange(candidate)) load(candidate);
      },
    });
    if (!next) return;
    const rangeChanged = changesRange(next);
    settings = next;
    if (rangeChanged) copyCode.clear();
    show({ rangeChanged });
    onChange(settings);
  }

  settings = loadLinkSettings({ settings, params: GRID_PARAMS, reset: RANGE_KEYS, controls, message, load });
  show({ rangeChanged: true });

  return {
    snapshot: () => gridSnapshot({ settings, data, facts, layout, grid, pointed, readout, message }),
  };
}
