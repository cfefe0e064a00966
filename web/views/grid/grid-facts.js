// The binary encoding's limits for the range on screen, as numbers and as sentences: where
// codes start repeating and how unevenly far apart neighbouring rows are. Every number is read
// off the core's results (grid-data.js), never assumed.
import { formatWhole } from '../shared/format.js';
import { LIMITS } from './grid-params.js';

/** { repeatsFrom, firstRepeatRow, steps, oneBitSteps, largestJump: { from, to, bits } | null } */
export function gridFacts(data) {
  const { start, count, repeatsFrom, hamming } = data;
  let largest = -1;
  let at = -1;
  let oneBitSteps = 0;
  for (let r = 0; r < hamming.length; r += 1) {
    if (hamming[r] > largest) {
      largest = hamming[r];
      at = r;
    }
    if (hamming[r] === 1) oneBitSteps += 1;
  }
  const firstRepeatRow = repeatsFrom !== null && repeatsFrom < start + count ? Math.max(0, repeatsFrom - start) : null;
  return {
    repeatsFrom,
    firstRepeatRow,
    steps: hamming.length,
    oneBitSteps,
    largestJump: at < 0 ? null : { from: start + at, to: start + at + 1, bits: largest },
  };
}

function repeatSentence(facts, data) {
  const { start, count, dim } = data;
  const last = start + count - 1;
  if (facts.repeatsFrom === null) {
    return `${dim} bits give every position up to ${formatWhole(LIMITS.start.max)} a code of its own.`;
  }
  const limit = facts.repeatsFrom;
  const general = `${dim} ${dim === 1 ? 'bit gives' : 'bits give'} ${formatWhole(limit)} codes, one each for positions 0–${formatWhole(limit - 1)}; ` +
    `from ${formatWhole(limit)} on the codes repeat (${formatWhole(limit)} looks like 0, ${formatWhole(limit + 1)} like 1, …).`;
  if (facts.firstRepeatRow === null) {
    return `${general} This range stays below ${formatWhole(limit)}, so every row here has its own code.`;
  }
  const from = start + facts.firstRepeatRow;
  const sample = data.sameCodeAs(facts.firstRepeatRow);
  return `${general} Here every row from ${formatWhole(from)} to ${formatWhole(last)} (tinted) repeats an earlier code: ` +
    `${formatWhole(from)} looks exactly like ${formatWhole(sample)}.`;
}

function jumpSentence(facts, data) {
  if (!facts.largestJump) return 'With a single row there is no step to the next position.';
  const { from, to, bits } = facts.largestJump;
  if (bits === 1) return 'Every step between neighbouring rows here flips a single bit.';
  const share = `${formatWhole(facts.oneBitSteps)} of ${formatWhole(facts.steps)} steps between neighbours flip a single bit`;
  const most = `the largest jump, ${formatWhole(from)} → ${formatWhole(to)}, flips ${bits === data.dim ? `all ${bits}` : bits} bits`;
  return `${share}, but ${most}: neighbouring positions are not equally far apart.`;
}

/** Two sentences for the figure's note: repeats, then uneven jumps. */
export function describeFacts(facts, data) {
  return `${repeatSentence(facts, data)} ${jumpSentence(facts, data)}`;
}
