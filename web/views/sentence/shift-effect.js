// Moving the whole sentence: how much the attention weights change when every position grows by
// the same amount. Relative schemes (RoPE, ALiBi) see only distances between tokens and change
// nothing; absolute ones (integer, binary, sinusoidal, learned) see the new positions. The sentence is read
// from pe.compareShift's numbers.
import { createFigure, element, setText } from '../../charts/figure.js';
import { labelled, readWhole, wholeNumberInput } from '../shared/control-parts.js';
import { formatShort, formatWhole } from '../../lib/format.js';
import { SHIFT_LIMITS } from './sentence-params.js';

// Why the weights of an absolute scheme (one that adds a vector to the input) did not move, from
// the numbers: binary codes that repeat after the shift, or rows already all on one token.
function whyUnmoved({ shift, scheme, dim, weights, n }) {
  if (scheme.name === 'binary' && dim < 53 && shift.by % 2 ** dim === 0)
    return `binary codes repeat every ${formatWhole(2 ** dim)} positions, so every token keeps its code`;
  const rows = Array.from({ length: n }, (_, row) => weights.subarray(row * n, (row + 1) * n));
  if (rows.every((row) => Math.max(...row) === 1)) return 'every row already puts all its weight on one token (a weight of 1 in float32)';
  return 'the change falls below float32’s resolution of these weights';
}

// run: { runName, scheme, dim, weights (n x n, the run with positions), n }.
function sentenceFor(shift, run) {
  const { runName, scheme } = run;
  if (shift.by === 0) return 'Moved by 0 positions, nothing moves: type a distance above 0 to compare.';
  const by = `${formatWhole(shift.by)} position${shift.by === 1 ? '' : 's'}`;
  if (shift.maxWeightChange === 0) {
    const unmoved = `Moved by ${by}, not one attention weight ${runName} changes`;
    return scheme.actsOn === 'input' ? `${unmoved}, although its positions are absolute: ${whyUnmoved({ shift, ...run })}.` : `${unmoved}.`;
  }
  if (shift.weightsUnchanged) {
    return (
      `Moved by ${by}, every attention weight ${runName} stays as it was: the largest change is ` +
      `${formatShort(shift.maxWeightChange)}, float32 rounding.`
    );
  }
  return (
    `Moved by ${by}, the attention weights ${runName} change, by up to ${formatShort(shift.maxWeightChange)} ` +
    `(the outputs by up to ${formatShort(shift.maxContextChange)}).`
  );
}

/** state.shift: the first distance. Returns { figure, by(), update({ shift, message, run }) }
 *  where shift is pe.compareShift's result (or null with a message saying why there is none), run
 *  { runName, scheme, dim, weights, n } the run with positions it moved (weights n x n, as
 *  pe.analyze gives them); by() is the distance typed, or null while the box holds no usable
 *  number. */
export function createShiftEffect({ state, onInput }) {
  const frame = createFigure({
    title: 'Move the whole sentence: do the attention weights notice?',
    note: 'RoPE and ALiBi depend only on how far apart two tokens are; integer, binary, sinusoidal and learned positions are absolute.',
  });
  frame.figure.dataset.testid = 'shift';
  const box = wholeNumberInput(SHIFT_LIMITS, state.shift);
  box.addEventListener('input', onInput);
  const line = element('p', 'shift-result');
  line.setAttribute('aria-live', 'polite');
  frame.body.append(labelled('Add this to every position', box, 'control shift-control'), line);

  return {
    figure: frame.figure,
    by() {
      const value = readWhole(box, SHIFT_LIMITS);
      box.setAttribute('aria-invalid', String(value === null));
      return value;
    },
    update({ shift, message, run }) {
      setText(line, shift ? sentenceFor(shift, run) : message);
      line.classList.toggle('error', !shift);
    },
  };
}
