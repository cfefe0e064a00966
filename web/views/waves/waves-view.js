// The oscillation view: each index of the binary encoding as a square wave over a range of
// positions, the flip frequency falling from index to index, and on request the smooth wave of
// the same period over each square wave, the step towards sinusoidal encodings.
import { labelledCheckbox } from '../shared/control-parts.js';
import { createRangeControls } from '../shared/range-controls.js';
import { loadLinkSettings, tryPanelSettings } from '../shared/range-settings.js';
import { createViewMessage } from '../shared/view-message.js';
import { FIELDS, PRESETS, WAVES_PARAMS } from './waves-params.js';
import { createSquareWaves, flipsInRange } from './square-waves.js';
import { createFlipFrequency } from './flip-frequency.js';

const SNAPSHOT_BITS = 32; // leading bits of each lane that snapshot() lists
const SAMPLES = { min: 4, max: 16 }; // smooth-wave samples per position

function smoothControl(checked) {
  const { element: control, input } = labelledCheckbox('Smooth counterpart: overlay the sinusoid of each index’s period', checked);
  input.dataset.field = 'smooth';
  return { element: control, read: () => input.checked };
}

// Enough samples per position for a round curve at this zoom, never fewer than 4; an even number,
// so the half-way points between positions, where the smooth wave crosses ½, are samples too.
function samplesPerPosition(plotWidth, count) {
  const wanted = Math.max(SAMPLES.min, Math.min(SAMPLES.max, Math.ceil(plotWidth / count / 2)));
  return 2 * Math.ceil(wanted / 2);
}

/** @param {import('../registry.js').MountContext} context */
export function mount({ pe, root, state, onChange }) {
  const smoothBox = smoothControl(state.smooth);
  const controls = createRangeControls({ fields: FIELDS, state, presets: PRESETS, extras: [smoothBox.element], onInput: update });
  const message = createViewMessage();
  // A new width also changes how finely the smooth waves are sampled: reload, then redraw.
  const waves = createSquareWaves({
    onResize: () => {
      load(settings);
      draw();
    },
  });
  const frequency = createFlipFrequency();
  root.replaceChildren(controls.element, message.element, waves.figure, frequency.figure);

  let settings = { ...state };
  let data = null; // { bits: (count, dim) row-major, flipPeriods, smooth: { data, samplesPerPosition } | null }

  // Throws the core's error when the range is not allowed; data keeps the last good range then.
  function load(next) {
    const { start, count, dim } = next;
    const bits = pe.encode({ kind: 'binary', start, count, dim }).data;
    const { flipPeriods } = pe.binaryStructure({ start, count: 1, dim }); // periods only: one row
    let smooth = null;
    if (next.smooth) {
      // The plot runs from start - 1/2 to start + count - 1/2: one position more on the left,
      // where there is one.
      const perPosition = samplesPerPosition(waves.plotWidth(chartWidth()), count);
      const first = Math.max(0, start - 1);
      const { data: samples } = pe.smoothBits({ start: first, count: start + count - first, dim, samplesPerPosition: perPosition });
      smooth = { data: samples, first, samplesPerPosition: perPosition };
    }
    data = { bits, flipPeriods, smooth };
  }

  // Narrower than 240 px the lanes have no room; the page itself never gets that narrow.
  function chartWidth() {
    return Math.max(240, waves.availableWidth());
  }

  function draw() {
    const width = chartWidth();
    const { start, count, dim } = settings;
    waves.update({ start, count, dim, bits: data.bits, flipPeriods: data.flipPeriods, smooth: data.smooth, width });
    frequency.update({ dim, flipPeriods: data.flipPeriods, width });
  }

  function update() {
    const next = tryPanelSettings({ controls, message, extras: () => ({ smooth: smoothBox.read() }), load });
    if (!next) return;
    settings = next;
    draw();
    onChange(settings);
  }

  settings = loadLinkSettings({ settings, params: WAVES_PARAMS, reset: ['start', 'count'], controls, message, load });
  draw();

  return {
    snapshot() {
      const { start, count, dim } = settings;
      return {
        ...settings,
        flipPeriods: Array.from(data.flipPeriods),
        flipsPerPosition: Array.from(data.flipPeriods, (period) => 1 / period),
        lanes: Array.from({ length: dim }, (_, i) => ({
          index: i + 1,
          flipPeriod: data.flipPeriods[i],
          flipsHere: flipsInRange(data.bits, dim, i, count),
          // Position start + r's bit at character r.
          bits: Array.from({ length: Math.min(count, SNAPSHOT_BITS) }, (_, r) => data.bits[r * dim + i]).join(''),
        })),
        samplesPerPosition: data.smooth?.samplesPerPosition ?? null,
        message: message.text(),
        range: { first: start, last: start + count - 1 },
      };
    },
  };
}
