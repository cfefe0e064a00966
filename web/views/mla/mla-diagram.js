// Multi-head latent attention with decoupled RoPE, drawn for one DeepSeek model with its own
// dimensions on every arrow: the key-and-value path (h_t -> latent c^KV -> each head's k^C and
// v^C; h_t -> the shared, rotated k^R) and the query path (h_t -> c^Q -> each head's q^C and the
// rotated q^R), then the score and what is cached. Each path is an indented tree, the two side by
// side on a wide screen and one under the other on a narrow one. Every box reads out by pointer
// and keyboard.
import { clearSvg, svgElement } from '../../charts/svg.js';
import { createSvgFigure } from '../../charts/svg-figure.js';
import { ACCENT_INK, ALERT_INK, CACHED_TINT, CATEGORY_COLORS, GRID_LINE, MUTED_INK, PAPER } from '../../charts/palette.js';
import { formatWhole as n } from '../../lib/format.js';
import { appendMathSvg, plainMath, setMathNote } from './math-text.js';

const CACHED = CATEGORY_COLORS[0]; // blue
const ROPE = CATEGORY_COLORS[4]; // vermillion
const BOX = 42;
const ROW = 50;
const INDENT = 22;
const TITLE = 24;
const GAP = 24;
const WIDE = 700; // px from which the two paths sit side by side

// [name, the matrix that makes it, depth, cached, rotated] for each box of the two paths of
// preset p, each box below its parent (the nearest box above it, one level up).
/** @returns {[string, any[][]][]} the diagram's lanes: [title, boxes], each box [name, edge label, depth, cached, rotated] */
function paths(p, cache) {
  const q = p.queryLatentDim;
  const [from, up] = q ? [q, 'W^{UQ}'] : [p.dModel, 'W^{Q}'];
  const perHead = `per head, ${n(p.heads)} heads`;
  const hidden = [`h_{t} · ${n(p.dModel)}, hidden state`, '', 0];
  return [
    [
      'Keys and values, per token',
      [
        hidden,
        [`c^{KV} · ${n(p.latentDim)}, latent`, `W^{DKV}: ${n(p.dModel)} → ${n(p.latentDim)}`, 1, true],
        [`k^{C} · ${n(p.headDim)}, ${perHead}`, `W^{UK}: ${n(p.latentDim)} → ${n(p.headDim)}`, 2],
        [`v^{C} · ${n(p.valueHeadDim)}, ${perHead}`, `W^{UV}: ${n(p.latentDim)} → ${n(p.valueHeadDim)}`, 2],
        [`k^{R} · ${n(p.ropeDim)}, shared by the heads`, `W^{KR}, RoPE: ${n(p.dModel)} → ${n(p.ropeDim)}`, 1, true, true],
      ],
    ],
    [
      'Query, per token',
      [
        hidden,
        ...(q ? [[`c^{Q} · ${n(q)}, query latent`, `W^{DQ}: ${n(p.dModel)} → ${n(q)}`, 1]] : []),
        [`q^{C} · ${n(p.headDim)}, ${perHead}`, `${up}: ${n(from)} → ${n(p.headDim)}`, q ? 2 : 1],
        [`q^{R} · ${n(p.ropeDim)}, ${perHead}`, `W^{QR}, RoPE: ${n(from)} → ${n(p.ropeDim)}`, q ? 2 : 1, false, true],
      ],
    ],
    [
      '',
      [
        [
          `score = [q^{C}; q^{R}] · [k^{C}; k^{R}] / √${p.queryKeyHeadDim}`,
          `${n(p.queryKeyHeadDim)} = ${n(p.headDim)} + ${n(p.ropeDim)} numbers per query and key`,
          0,
        ],
        [`cached: ${n(cache.mla)} per token per layer`, `c^{KV} ${n(p.latentDim)} + k^{R} ${n(p.ropeDim)} (MHA: ${n(cache.mha)})`, 0, true],
      ],
    ],
  ];
}

// Where each lane starts ([x, y, width]): the two paths side by side or stacked, the score and
// cache under both; and the diagram's height.
function laneOrigins(lanes, full) {
  const wide = full >= WIDE;
  const laneWidth = wide ? (full - GAP) / 2 : full;
  const height = (lane) => TITLE + lane[1].length * ROW;
  const second = wide ? [laneWidth + GAP, 0] : [0, height(lanes[0]) + 8];
  const bottom = (wide ? Math.max(height(lanes[0]), height(lanes[1])) : second[1] + height(lanes[1])) + 8 - TITLE;
  return {
    origins: [
      [0, 0, laneWidth],
      [...second, laneWidth],
      [0, bottom, full],
    ],
    height: bottom + height(lanes[2]),
  };
}

function arrowHead() {
  const defs = svgElement('defs');
  const marker = svgElement('marker', {
    id: 'mla-arrow',
    viewBox: '0 0 8 8',
    refX: 8,
    refY: 4,
    markerWidth: 7,
    markerHeight: 7,
    orient: 'auto',
  });
  marker.append(svgElement('path', { d: 'M0,0L8,4L0,8z', fill: MUTED_INK }));
  defs.append(marker);
  return defs;
}

// Box i of a lane at [x, y, w] (lane l), with the arrow from its parent's spine; returns what the
// readout says of it.
function drawBox(svg, { nodes, i, x, y, w, l }) {
  const [name, edge, depth, cached, rotated] = nodes[i];
  const left = x + depth * INDENT;
  const top = y + TITLE + i * ROW;
  const parent = nodes
    .slice(0, i)
    .map((node) => node[2])
    .lastIndexOf(depth - 1);
  if (depth > 0) {
    svg.append(
      svgElement('path', {
        d: `M${x + (depth - 1) * INDENT + 10},${y + TITLE + parent * ROW + BOX}V${top + BOX / 2}H${left - 1}`,
        fill: 'none',
        stroke: MUTED_INK,
        'stroke-width': 1.5,
        'marker-end': 'url(#mla-arrow)',
      }),
    );
  }
  const box = { x: left, y: top, width: w - depth * INDENT, height: BOX };
  svg.append(
    svgElement('rect', {
      ...box,
      rx: 6,
      fill: cached ? CACHED_TINT : PAPER,
      stroke: cached ? CACHED : GRID_LINE,
      'stroke-width': cached ? 2 : 1,
    }),
    appendMathSvg(svgElement('text', { x: left + 8, y: top + 17, class: 'diagram-name' }), name),
    appendMathSvg(svgElement('text', { x: left + 8, y: top + 34, class: 'diagram-edge' }), edge),
  );
  const right = left + box.width - 6;
  if (rotated)
    svg.append(svgElement('text', { x: right, y: top + 17, 'text-anchor': 'end', fill: ALERT_INK, class: 'diagram-tag' }, 'RoPE'));
  if (cached && l < 2)
    svg.append(svgElement('text', { x: right, y: top + 34, 'text-anchor': 'end', fill: ACCENT_INK, class: 'diagram-tag' }, 'cached'));
  const said = [
    plainMath(name),
    edge && (l < 2 ? `made by ${plainMath(edge)}` : plainMath(edge)),
    rotated && 'rotated by the token’s position',
    cached && l < 2 && 'cached',
  ];
  return { box, says: said.filter(Boolean).join('; ') };
}

function noteFor(preset) {
  const [source, up] = preset.queryLatentDim ? ['c^{Q}', 'W^{UQ}'] : ['h_{t}', 'W^{Q}'];
  return (
    `Why decoupled: without positions, q^{C} · k^{C} links ${source} to c^{KV} by the product of ${up} and W^{UK}, one fixed matrix per head, folded into the query once, so no key is built. ` +
    `RoPE on q^{C} and k^{C} would put a rotation that depends on both positions between ${up} and W^{UK}: no single matrix could be folded.`
  );
}

/** Returns { figure, update(chosen) }: draws the model chosen (a preset of pe.modelPresets, or
 *  null for custom dimensions), or DeepSeek-V3 (deepseek) with the reason when it has no latent;
 *  onResize redraws. */
export function createMlaDiagram({ pe, deepseek, onResize }) {
  const { frame, svg, reading, width } = createSvgFigure({ className: 'mla-diagram', onResize });
  frame.setLegend([
    { label: 'cached for every token', color: CACHED },
    { label: 'rotated by RoPE', color: ROPE },
  ]);

  return {
    figure: frame.figure,
    update(chosen) {
      const preset = chosen?.latentDim ? chosen : deepseek;
      const instead = preset !== chosen && (chosen ? `${chosen.name} has no latent` : 'custom dimensions are not drawn');
      const { latentDim, ropeDim, heads, headDim } = preset;
      const cache = {
        mla: pe.kvCache({ attention: 'mla', latentDim, ropeDim }).perTokenPerLayer,
        mha: pe.kvCache({ attention: 'mha', heads, headDim }).perTokenPerLayer,
      };
      frame.setTitle(
        `${preset.name}${instead ? ` (${instead})` : ''}: ${n(cache.mla)} numbers cached per token per layer, the latent and one rotated key`,
      );
      const full = Math.max(300, width());
      const lanes = paths(preset, cache);
      const { origins, height } = laneOrigins(lanes, full);
      clearSvg(svg, full, height, `Multi-head latent attention of ${preset.name}. Use the arrow keys to read each box.`);
      svg.append(arrowHead());
      const boxes = []; // every box in reading order, for the readout
      lanes.forEach(([title, nodes], l) => {
        const [x, y, w] = origins[l];
        svg.append(svgElement('text', { x, y: y + 15, class: 'diagram-lane' }, title));
        nodes.forEach((_, i) => boxes.push(drawBox(svg, { nodes, i, x, y, w, l })));
      });
      frame.setData(() => ({
        name: 'mla-diagram',
        settings: { model: preset.id ?? preset.name },
        columns: ['box', 'what it holds'],
        rows: boxes.map(({ says }, i) => [i + 1, says]),
      }));
      reading.draw({
        rows: boxes.length,
        cols: 1,
        itemAt: (px, py) => {
          const row = boxes.findIndex(({ box }) => px >= box.x && px <= box.x + box.width && py >= box.y && py <= box.y + box.height);
          return row < 0 ? null : { row, col: 0 };
        },
        box: (row) => boxes[row].box,
        describe: (row) => boxes[row].says,
      });
      setMathNote(frame, noteFor(preset));
    },
  };
}
