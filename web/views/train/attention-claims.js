// What the attention maps show, in words from their numbers: the diagonal (key i - offset for
// query i) that stands out most from attending evenly within the trained length, and how much of
// each row's weight stays on it past that length, scheme by scheme. A task that reads a fixed
// offset (kback) draws such a diagonal; whether it survives past the trained length is where
// schemes differ. Even attention is the yardstick because the causal mask alone makes diagonals:
// row i that attends evenly gives the query itself 1/(i + 1), all of it in row 0, and less in
// every later row, so an untrained model would seem to "lose" a pattern it never had.
// Pure: the maps are given, so node tests drive it.

// A diagonal is called a pattern when its mean weight in the trained rows is at least this, and
// STANDS_OUT times what attending evenly gives it.
export const CLAIM_SHARE = 0.25;
const STANDS_OUT = 2;
// Beyond the trained length, a diagonal "holds" when this fraction of its weight above even
// attention's within is still there, and is "lost" below the second.
const HOLDS = 0.75;
const LOST = 0.5;

const standsOut = (share, evenShare) => share >= CLAIM_SHARE && share >= STANDS_OUT * evenShare;
const percent = (share) => `${Math.round(100 * share)}%`;

/** Mean weight that query i gives key i - offset, over the queries within the trained length
 *  (i < trainedLength) and beyond, counting only queries whose key i - offset exists; NaN where
 *  no query counts. weights: n x n, row-major. */
export function diagonalShare(weights, n, trainedLength, offset) {
  const sums = { within: 0, beyond: 0 };
  const rows = { within: 0, beyond: 0 };
  for (let query = Math.max(0, offset); query < Math.min(n, n + offset); query += 1) {
    const side = query < trainedLength ? 'within' : 'beyond';
    sums[side] += weights[query * n + query - offset];
    rows[side] += 1;
  }
  return { within: sums.within / rows.within, beyond: sums.beyond / rows.beyond, rowsWithin: rows.within };
}

/** Weights of attending evenly: row i spreads 1 over the keys it sees, 0 .. i under the causal
 *  mask, every key without it. n x n, row-major. */
export function evenWeights(n, causal) {
  const weights = new Float64Array(n * n);
  for (let query = 0; query < n; query += 1) {
    const seen = causal ? query + 1 : n;
    weights.fill(1 / seen, query * n, query * n + seen);
  }
  return weights;
}

/** The offset whose diagonal stands out most above even attention (even: evenWeights) within
 *  the trained length in any of the maps ([{ weights }]), its weight and even attention's; null
 *  if no diagonal crosses half the trained rows (a diagonal met in one row is a single cell:
 *  all weight on the first key meets every diagonal once). */
export function strongestOffset(maps, n, trainedLength, even) {
  let best = null;
  for (let offset = 1 - n; offset < n; offset += 1) {
    const evenShare = diagonalShare(even, n, trainedLength, offset);
    if (evenShare.rowsWithin < Math.ceil(trainedLength / 2)) continue;
    for (const { weights } of maps) {
      const { within } = diagonalShare(weights, n, trainedLength, offset);
      const above = within - evenShare.within;
      if (Number.isFinite(above) && (!best || above > best.above)) best = { offset, within, above, even: evenShare };
    }
  }
  return best;
}

function offsetWords(offset) {
  if (offset === 0) return 'on the query itself';
  const places = Math.abs(offset) === 1 ? 'place' : 'places';
  return `${Math.abs(offset)} ${places} ${offset > 0 ? 'back' : 'ahead'}`;
}

// "RoPE holds it past the trained length; learned loses it", for the maps whose numbers say so,
// judged on the weight above even attention's on each side of the trained length.
function verdict(shares, even, label) {
  // A map without the pattern within the trained length neither holds nor loses it.
  const had = shares.filter(({ within }) => standsOut(within, even.within));
  const kept = ({ within, beyond }) => (beyond - even.beyond) / (within - even.within);
  const holding = had.filter((share) => kept(share) >= HOLDS).map(({ scheme }) => label(scheme));
  const losing = had.filter((share) => kept(share) < LOST).map(({ scheme }) => label(scheme));
  const parts = [];
  if (holding.length) parts.push(`${holding.join(' and ')} ${holding.length === 1 ? 'holds' : 'hold'} it past the trained length`);
  if (losing.length) parts.push(`${losing.join(' and ')} ${losing.length === 1 ? 'loses' : 'lose'} it`);
  return parts.join('; ');
}

/**
 * The panel's title. maps: [{ scheme, weights }] (n x n each, finite), trainedLength: the
 * queries before it were trained on, causal: whether the model used the causal mask, where:
 * 'layer 1, head 2', label(scheme): its name. Returns { title, offset (null when no claim is
 * made), shares: [{ scheme, within, beyond }], even: { within, beyond } (null without a claim) }.
 */
export function attentionClaim({ maps, n, trainedLength, causal, where, label }) {
  if (!maps.length) return { title: 'Attention: no run to show', offset: null, shares: [], even: null };
  const best = strongestOffset(maps, n, trainedLength, evenWeights(n, causal));
  if (!best || !standsOut(best.within, best.even.within) || n <= trainedLength) {
    return {
      title: `Attention of ${where}: no diagonal stands out within the trained length (over half its rows or more, a quarter of each row’s weight and twice what attending evenly gives); try another layer or head`,
      offset: null,
      shares: [],
      even: null,
    };
  }
  const { even } = best;
  const shares = maps.map(({ scheme, weights }) => ({ scheme, ...diagonalShare(weights, n, trainedLength, best.offset) }));
  const each = shares.map(({ scheme, within, beyond }) => `${label(scheme)} ${percent(within)} and ${percent(beyond)}`);
  const said = verdict(shares, even, label);
  return {
    title:
      `Attention of ${where}: each row’s weight ${offsetWords(best.offset)}, within the trained ${trainedLength} positions and beyond: ` +
      `${each.join(', ')}, where attending evenly gives ${percent(even.within)} and ${percent(even.beyond)}${said ? ` (${said})` : ''}`,
    offset: best.offset,
    shares,
    even,
  };
}
