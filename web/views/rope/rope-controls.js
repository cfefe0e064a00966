// The RoPE view's control panel: dimensions, base, pairing, the offsets drawn, another random
// q and k, and the query position m (position-player.js). Reading it never throws: a base the
// core rejects becomes a sentence for the view's message line.
import { element } from '../../charts/figure.js';
import { formatWhole } from '../../lib/format.js';
import { choiceSelect, decimalInput, labelled, readDecimal } from '../shared/control-parts.js';
import { createPositionPlayer } from './position-player.js';
import { DIMS, POSITION_LIMITS, SPANS } from './rope-params.js';
import { PAIRINGS } from './rope-data.js';

const PAIRING_LABELS = { interleaved: 'interleaved: (x_2i, x_2i+1)', half: 'half: (x_i, x_i+d/2)' };

/**
 * state: the view's settings; onSettings() runs when dim, base, pairing or span change,
 * onReseed() when the reader asks for another q and k, onPosition(m) on a new position.
 * Returns { element, read(), player }: read() gives { values: { dim, base, pairing, span } } or
 * { problem } when the core rejects the base.
 */
export function createRopeControls({ pe, state, message, onSettings, onReseed, onPosition }) {
  const dim = choiceSelect(
    DIMS.map((value) => ({ value, label: String(value) })),
    state.dim,
    'dim',
  );
  const base = decimalInput(state.base);
  base.dataset.field = 'base';
  const pairing = choiceSelect(
    PAIRINGS.map((value) => ({ value, label: PAIRING_LABELS[value] })),
    state.pairing,
    'pairing',
  );
  const span = choiceSelect(
    SPANS.map((value) => ({ value, label: `0 to ${formatWhole(value)}` })),
    state.span,
    'span',
  );
  const reseed = Object.assign(element('button', '', 'Other random q, k'), { type: 'button' });
  const player = createPositionPlayer({ position: state.position, limits: POSITION_LIMITS, message, onPosition });
  const panel = element('div', 'controls');
  panel.append(
    labelled('Dimensions d', dim),
    labelled('Base', base),
    labelled('Pairing', pairing),
    labelled('Offsets', span),
    reseed,
    labelled('Query position m', player.row, 'control control-wide'),
    player.note,
  );
  for (const node of [dim, base, pairing, span]) node.addEventListener('input', onSettings);
  reseed.addEventListener('click', onReseed);

  return {
    element: panel,
    player,
    read() {
      const value = readDecimal(base);
      try {
        pe.ropeFrequencies({ dim: 2, base: value }); // the core's rule for a base
      } catch (error) {
        base.setAttribute('aria-invalid', 'true');
        return { problem: `This base does not work: ${error.message}.` };
      }
      base.setAttribute('aria-invalid', 'false');
      return { values: { dim: Number(dim.value), base: value, pairing: pairing.value, span: Number(span.value) } };
    },
  };
}
