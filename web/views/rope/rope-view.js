// The RoPE view: a query's frequency pairs as clock hands turning with its position m; the score
// of that query with a key against their offset, the same at every m; the two pairing conventions
// and the permutation of W_q / W_k rows between them; and the wavelengths of published long-context
// configurations. Every number comes from the core (rope-data.js: pe.rotate, pe.ropeScores, ...).
import { trackWidth } from '../../charts/width-tracker.js';
import { rotationSnippet } from '../../lib/python-snippets.js';
import { createCopyCode } from '../shared/copy-code.js';
import { createViewMessage } from '../shared/view-message.js';
import { MAX_SEED } from './rope-params.js';
import { loadRope, ropeAt } from './rope-data.js';
import { createRopeControls } from './rope-controls.js';
import { createClocks } from './clocks.js';
import { createOffsetScores } from './offset-scores.js';
import { createPairingCells } from './pairing-cells.js';
import { createPairingMismatch } from './pairing-mismatch.js';
import { createLongContext } from './long-context.js';
import { ropeSnapshot } from './rope-snapshot.js';

/** @param {import('../registry.js').MountContext} context */
export function mount({ pe, root, state, onChange }) {
  let settings = { ...state };
  let data; // per setting (rope-data.js)
  let now; // per position
  let differing; // channels where the two pairings' rotations differ

  const message = createViewMessage();
  const controls = createRopeControls({
    pe,
    state,
    message,
    onSettings: () => changed({}),
    onReseed: () => changed({ seed: (settings.seed + 1) % (MAX_SEED + 1) }),
    onPosition(position) {
      settings.position = position;
      rotationCode.clear();
      drawPosition();
      onChange(settings);
    },
  });
  const clocks = createClocks();
  // The rotation the clocks draw: R_m q.
  const rotationCode = createCopyCode({
    what: 'the rotated query R_m q',
    snippet(library) {
      const { dim, base, pairing, position, seed } = settings;
      return rotationSnippet(library, {
        rows: data.q,
        dim,
        base,
        pairing,
        start: position,
        what: `the query q: row ${seed % dim} of W_q of a random attention head drawn from fixed seeds`,
      });
    },
  });
  clocks.figure.append(rotationCode.element);
  const offsets = createOffsetScores();
  const cells = createPairingCells();
  const mismatch = createPairingMismatch();
  const long = createLongContext({
    pe,
    preset: settings.preset,
    onPreset(name) {
      settings.preset = name;
      drawLong();
      onChange(settings);
    },
  });
  root.replaceChildren(controls.element, message.element, clocks.figure, offsets.figure, cells.figure, mismatch.figure, long.figure);
  const availableWidth = trackWidth(offsets.body, () => {
    build();
    drawLong();
  });
  const width = () => Math.max(280, availableWidth());

  function drawPosition() {
    now = ropeAt(pe, data, settings);
    clocks.turn(now.rotated[settings.pairing], settings.position);
    offsets.update({ settings, now, width: width() });
    differing = cells.update({ q: data.q, rows: now.rotated, partners: data.partners, position: settings.position, width: width() });
    mismatch.update({ settings, data, now, width: width() });
  }

  function drawLong() {
    long.update({ name: settings.preset, width: width() });
  }

  function build() {
    const { q, channels, theta, wavelengths } = data;
    clocks.build({ q, channels: channels[settings.pairing], pairing: settings.pairing, theta, wavelengths, width: width() });
    drawPosition();
  }

  function changed(next) {
    const read = controls.read();
    message.show(read.problem ?? null);
    if (read.problem) return;
    settings = { ...settings, ...read.values, ...next };
    rotationCode.clear();
    data = loadRope(pe, settings);
    build();
    onChange(settings);
  }

  data = loadRope(pe, settings);
  build();
  drawLong();

  return {
    snapshot: () => ropeSnapshot({ settings, data, now, differing, long: long.shown(), player: controls.player, root, message }),
  };
}
