// The binary encoding's limits for the range on screen, as numbers and as sentences: where
// codes start repeating and how unevenly far apart neighbouring rows are. Every number is read
// off the core's results (grid-data.js), never assumed.
import { formatWhole } from '../../lib/format.js';
import { LIMITS } from './grid-params.js';

/** { repeatsFrom, firstRepeatRow, steps, oneBitSteps, smallestJump, largestJump: { from, to,
 *  bits, times } | null }: times counts the steps that flip that many bits, from the first one. */
export function gridFacts(data) {
  const { start, count, repeatsFrom, hamming } = data;
  let largest = -1;
  let at = -1;
  let times = 0;
  let smallest = Infinity;
  let oneBitSteps = 0;
  for (let r = 0; r < hamming.length; r += 1) {
    if (hamming[r] > largest) {
      largest = hamming[r];
      at = r;
      times = 0;
    }
    if (hamming[r] === largest) times += 1;
    smallest = Math.min(smallest, hamming[r]);
    if (hamming[r] === 1) oneBitSteps += 1;
  }
  const firstRepeatRow = repeatsFrom !== null && repeatsFrom < start + count ? Math.max(0, repeatsFrom - start) : null;
  return {
    repeatsFrom,
    firstRepeatRow,
    steps: hamming.length,
    oneBitSteps,
    smallestJump: at < 0 ? null : smallest,
    largestJump: at < 0 ? null : { from: start + at, to: start + at + 1, bits: largest, times },
  };
}

function repeatSentence(facts, data) {
  const { start, count, dim } = data;
  const last = start + count - 1;
  if (facts.repeatsFrom === null) {
    return `${dim} bits give every position up to ${formatWhole(LIMITS.start.max)} a code of its own.`;
  }
  const limit = facts.repeatsFrom;
  const general =
    `${dim} ${dim === 1 ? 'bit gives' : 'bits give'} ${formatWhole(limit)} codes, one each for positions 0–${formatWhole(limit - 1)}; ` +
    `from ${formatWhole(limit)} on the codes repeat (${formatWhole(limit)} looks like 0, ${formatWhole(limit + 1)} like 1, …).`;
  if (facts.firstRepeatRow === null) {
    return `${general} This range stays below ${formatWhole(limit)}, so every row here has its own code.`;
  }
  const from = start + facts.firstRepeatRow;
  const sample = formatWhole(data.sameCodeAs(facts.firstRepeatRow));
  if (from === last) return `${general} Here row ${formatWhole(from)} (tinted) repeats an earlier code: it looks exactly like ${sample}.`;
  return (
    `${general} Here every row from ${formatWhole(from)} to ${formatWhole(last)} (tinted) repeats an earlier code: ` +
    `${formatWhole(from)} looks exactly like ${sample}.`
  );
}

const bitCount = (bits, dim) => (bits === 1 ? 'a single bit' : bits === dim ? `all ${bits} bits` : `${bits} bits`);

function jumpSentence(facts, data) {
  if (!facts.largestJump) return 'With a single row there is no step to the next position.';
  const { from, to, bits, times } = facts.largestJump;
  if (facts.steps === 1) return `The one step here, ${formatWhole(from)} → ${formatWhole(to)}, flips ${bitCount(bits, data.dim)}.`;
  if (facts.smallestJump === bits) return `Every step between neighbouring rows here flips ${bitCount(bits, data.dim)}.`;
  const share = `${formatWhole(facts.oneBitSteps)} of ${formatWhole(facts.steps)} steps between neighbours ${facts.oneBitSteps === 1 ? 'flips' : 'flip'} a single bit`;
  const most =
    times === 1
      ? `the largest jump, ${formatWhole(from)} → ${formatWhole(to)}, flips ${bitCount(bits, data.dim)}`
      : `${formatWhole(times)} steps flip ${bitCount(bits, data.dim)}, the most here, the first at ${formatWhole(from)} → ${formatWhole(to)}`;
  return `${share}, but ${most}: neighbouring positions are not equally far apart.`;
}

/** Two sentences for the figure's note: repeats, then uneven jumps. */
export function describeFacts(facts, data) {
  return `${repeatSentence(facts, data)} ${jumpSentence(facts, data)}`;
}
