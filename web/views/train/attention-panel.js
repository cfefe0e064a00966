// Attention of a chosen layer and head on one held-out example twice the training length (longer
// than any trained), for two schemes side by side: RoPE's diagonal holding where learned positions
// break. Read from the trainers only when the view asks (after training, or paused) and when the
// choice changes, never inside a frame's training slice; the title says what the numbers show
// (attention-claims.js). The choice is the view's settings (pair, layer, head: attention-choice.js),
// so it lives in the link: the choosers show it, and report a new one to the view.
import { createFigure, element } from '../../charts/figure.js';
import { createColorLegend } from '../../charts/color-legend.js';
import { createHeatMap, everyNth } from '../../charts/heat-map.js';
import { textWidth } from '../../charts/cell-canvas.js';
import { trackWidth } from '../../charts/width-tracker.js';
import { INK, ON_CELLS_INK } from '../../charts/palette.js';
import { formatExact, formatShort, formatWhole } from '../../lib/format.js';
import { choiceSelect, labelled } from '../shared/control-parts.js';
import { attentionClaim } from './attention-claims.js';
import { SIZES } from './trainer-runs.js';

const HINT = 'Point at a cell, or Tab to a map and use the arrow keys, to read how much one position attends to another.';
const SIDE_BY_SIDE_FROM = 640;
const GAP = 24;
const MAX_CELL = 24;

// Layers and heads counted from 1, as in the link.
const numberChoices = (count, noun) => Array.from({ length: count }, (_, i) => ({ value: i + 1, label: `${noun} ${i + 1}` }));

function replaceOptions(select, choices, value) {
  select.replaceChildren(...choices.map(({ value: v, label }) => Object.assign(element('option', '', label), { value: String(v) })));
  select.value = String(value);
}

// The trained queries and keys, 0 .. trainedLength - 1: a dashed box over the cells.
function trainedBox(trainedLength) {
  return (context, { x, y, cellWidth, cellHeight }) => {
    context.save();
    context.strokeStyle = ON_CELLS_INK;
    context.lineWidth = 1.5;
    context.setLineDash([4, 3]);
    context.strokeRect(x, y, trainedLength * cellWidth, trainedLength * cellHeight);
    context.restore();
  };
}

// The choosers, each named by its link parameter (data-control) for hide=: pair (both schemes),
// layer, head.
function choosers() {
  const make = (field) => choiceSelect([], '', field);
  const selects = {
    first: make('attention-first'),
    second: make('attention-second'),
    layer: make('attention-layer'),
    head: make('attention-head'),
  };
  const tagged = (name, select, control) => {
    const label = labelled(name, select);
    label.dataset.control = control;
    return label;
  };
  const box = element('div', 'controls train-attention-choice');
  box.append(
    tagged('Scheme', selects.first, 'pair'),
    tagged('beside', selects.second, 'pair'),
    tagged('Layer', selects.layer, 'layer'),
    tagged('Head', selects.head, 'head'),
  );
  return { box, selects };
}

// The two maps, each under its heading; the second hidden when one scheme runs.
function createMapPair() {
  const row = element('div', 'train-map-pair');
  const parts = ['first', 'second'].map((which) => {
    const cell = element('div', 'train-map');
    const heading = element('h4', 'train-map-heading');
    const map = createHeatMap({ label: `Attention weights of the ${which} scheme chosen`, hint: HINT });
    cell.append(heading, map.element);
    row.append(cell);
    return { cell, heading, map };
  });
  return { element: row, parts };
}

// Draws the maps read last (shown) and declares their numbers; the title from attentionClaim.
function drawShown({ frame, pair, shown, label, available, settings }) {
  const { request, maps: drawn, trainedLength, start } = shown;
  const n = request.length;
  const finite = drawn.filter((map) => map.weights);
  // In the title, the schemes' short names: 'RoPE', not 'RoPE (rotary)'.
  const short = (scheme) => label(scheme).replace(/ \(.*\)$/, '');
  const claim = attentionClaim({
    maps: finite,
    n,
    trainedLength,
    causal: settings.causal,
    where: `layer ${request.layer + 1}, head ${request.head + 1}`,
    label: short,
  });
  frame.setTitle(claim.title);
  frame.setNote(
    `One held-out sequence of length ${n}, twice the training length. Each row is a query’s weights over the keys (a row sums to 1). Dashed box: positions ${formatWhole(start)} to ${formatWhole(start + trainedLength - 1)}, the only ones training reached.`,
  );
  const width = drawn.length > 1 && available >= SIDE_BY_SIDE_FROM ? (available - GAP) / 2 : available;
  const position = (index) => formatWhole(start + index);
  const widest = textWidth(position(n - 1));
  const cell = Math.max(2, Math.min(MAX_CELL, (width - widest - 30) / n));
  const ticks = everyNth(n, cell, widest + 8, position);
  pair.parts.forEach(({ cell: node }, i) => {
    node.hidden = i >= drawn.length;
    node.style.width = `${Math.floor(width)}px`;
  });
  drawn.forEach((map, i) => {
    const { heading, map: heatMap } = pair.parts[i];
    const name = label(map.scheme);
    heading.textContent = map.weights
      ? `${name}, step ${formatWhole(map.step)}`
      : `${name}: diverged at step ${formatWhole(map.divergedAt)}, no weights to show`;
    heatMap.element.hidden = !map.weights;
    if (!map.weights) return;
    heatMap.draw({
      rows: n,
      cols: n,
      cellWidth: cell,
      cellHeight: cell,
      value: (row, col) => map.weights[row * n + col],
      limit: 1,
      key: `${map.scheme} ${map.step} ${JSON.stringify(request)} ${cell} ${start}`,
      describe: (row, col) =>
        `${name}: the query at ${position(row)}${row >= trainedLength ? ' (past the trained length)' : ''} gives the key at ${position(col)} weight ${formatExact(map.weights[row * n + col])}`,
      rowTicks: ticks,
      colTicks: ticks,
      rowName: 'query position',
      colName: 'key position',
      overlay: trainedBox(trainedLength),
    });
  });
  frame.setData((maxRows) => ({
    name: 'attention',
    settings,
    columns: ['query position', 'key position', ...finite.map((map) => `${label(map.scheme)} weight (step ${map.step})`)],
    rowCount: n * n,
    rows: Array.from({ length: Math.min(n * n, maxRows) }, (_, e) => [
      start + Math.floor(e / n),
      start + (e % n),
      ...finite.map((map) => map.weights[e]),
    ]),
  }));
}

/** Returns { figure, refresh({ runs, settings, label, attentionOf }), snapshot() }: settings'
 *  pair, layer and head are the choice shown (fitted to the runs: fitChoice), attentionOf(scheme,
 *  request) the trainer's attention(request) for that scheme's run; onChoose({ pair, layer, head })
 *  hears a choice made in the panel, which the view then refreshes it with. */
export function createAttentionPanel({ onChoose }) {
  const frame = createFigure({ title: 'Attention: no run to show' });
  frame.figure.dataset.control = 'attention';
  const { box, selects } = choosers();
  const pair = createMapPair();
  const legend = createColorLegend('attention weight', { signed: false });
  legend.update(1, formatShort);
  frame.body.append(box, pair.element, legend.element);
  frame.setLegend([{ label: 'trained positions (queries and keys)', color: INK, shape: 'dashed' }]);

  let input = null; // the last refresh's arguments
  let shown = null; // { request, trainedLength, start, maps: [{ scheme, run, step, divergedAt, weights | null }] }
  const draw = () => drawShown({ frame, pair, shown, label: input.label, available: availableWidth(), settings: input.settings });
  const availableWidth = trackWidth(frame.body, () => shown && draw());

  function syncChoosers({ runs, settings, label }) {
    const { layers, heads } = SIZES[settings.size];
    const schemeChoices = runs.map((run) => ({ value: run.scheme, label: label(run.scheme) }));
    replaceOptions(selects.first, schemeChoices, settings.pair[0]);
    replaceOptions(selects.second, schemeChoices, settings.pair[1]);
    // Not the hidden attribute, which hide= owns.
    selects.second.closest('label').style.display = runs.length < 2 ? 'none' : '';
    replaceOptions(selects.layer, numberChoices(layers, 'layer'), settings.layer);
    replaceOptions(selects.head, numberChoices(heads, 'head'), settings.head);
  }

  // The maps of the schemes chosen, read again only where a run moved or the choice changed;
  // returns whether anything changed.
  function measure() {
    const { runs, settings, attentionOf } = input;
    const request = { length: 2 * settings.length, example: 0, layer: settings.layer - 1, head: settings.head - 1 };
    const schemes = runs.length < 2 ? [settings.pair[0]] : settings.pair;
    const sameRequest = shown && JSON.stringify(shown.request) === JSON.stringify(request);
    const maps = schemes.map((scheme, i) => {
      const run = runs.find((candidate) => candidate.scheme === scheme);
      const old = shown?.maps[i];
      if (sameRequest && old?.run === run && old.step === run.step) return old;
      const weights = run.divergedAt ? null : attentionOf(scheme, request).weights;
      return { scheme, run, step: run.step, divergedAt: run.divergedAt, weights };
    });
    const changed = !sameRequest || maps.length !== shown.maps.length || maps.some((map, i) => map !== shown.maps[i]);
    shown = { request, maps, trainedLength: settings.length, start: settings.start };
    return changed;
  }

  const chosen = () => ({
    pair: [selects.first.value, selects.second.value],
    layer: Number(selects.layer.value),
    head: Number(selects.head.value),
  });
  for (const select of Object.values(selects)) select.addEventListener('input', () => onChoose(chosen()));

  return {
    figure: frame.figure,
    /** Reads the maps again where the runs moved: call it only between frames' training. */
    refresh(next) {
      input = next;
      if (!next.runs.length) return;
      syncChoosers(next);
      if (measure()) draw();
    },
    snapshot: () =>
      shown && {
        ...shown.request,
        maps: shown.maps.map(({ scheme, step, weights }) => ({ scheme, step, weights: weights && Array.from(weights) })),
      },
  };
}
