// What the attention maps show, in words from their numbers: the diagonal (key i - offset for
// query i) that holds the most weight within the trained length, and how much of each row's
// weight stays on it past that length, scheme by scheme. A task that reads a fixed offset (kback)
// draws such a diagonal; whether it survives past the trained length is where schemes differ.
// Pure: the maps are given, so node tests drive it.

// A diagonal with less than this mean weight in the trained rows is not called a pattern.
export const CLAIM_SHARE = 0.25;
// Beyond the trained length, a diagonal "holds" at this fraction of its weight within, and is
// "lost" below the second.
const HOLDS = 0.75;
const LOST = 0.5;

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
  return { within: sums.within / rows.within, beyond: sums.beyond / rows.beyond };
}

/** The offset whose diagonal holds the most weight within the trained length in any of the
 *  maps ([{ weights }]), and that weight; null if no diagonal has a trained row. */
export function strongestOffset(maps, n, trainedLength) {
  let best = null;
  for (let offset = 1 - n; offset < n; offset += 1) {
    for (const { weights } of maps) {
      const { within } = diagonalShare(weights, n, trainedLength, offset);
      if (Number.isFinite(within) && (!best || within > best.within)) best = { offset, within };
    }
  }
  return best;
}

function offsetWords(offset) {
  if (offset === 0) return 'on the query itself';
  const places = Math.abs(offset) === 1 ? 'place' : 'places';
  return `${Math.abs(offset)} ${places} ${offset > 0 ? 'back' : 'ahead'}`;
}

// "RoPE holds it past the trained length; learned loses it", for the maps whose numbers say so.
function verdict(shares, label) {
  const holding = shares.filter(({ within, beyond }) => beyond >= HOLDS * within).map(({ scheme }) => label(scheme));
  const losing = shares.filter(({ within, beyond }) => beyond < LOST * within).map(({ scheme }) => label(scheme));
  const parts = [];
  if (holding.length) parts.push(`${holding.join(' and ')} ${holding.length === 1 ? 'holds' : 'hold'} it past the trained length`);
  if (losing.length) parts.push(`${losing.join(' and ')} ${losing.length === 1 ? 'loses' : 'lose'} it`);
  return parts.join('; ');
}

/**
 * The panel's title. maps: [{ scheme, weights }] (n x n each, finite), trainedLength: the
 * queries before it were trained on, where: 'layer 1, head 2', label(scheme): its name.
 * Returns { title, offset (null when no claim is made), shares: [{ scheme, within, beyond }] }.
 */
export function attentionClaim({ maps, n, trainedLength, where, label }) {
  if (!maps.length) return { title: 'Attention: no run to show', offset: null, shares: [] };
  const best = strongestOffset(maps, n, trainedLength);
  if (!best || best.within < CLAIM_SHARE || n <= trainedLength) {
    return {
      title: `Attention of ${where}: no diagonal holds a quarter of each row’s weight within the trained length; try another layer or head`,
      offset: null,
      shares: [],
    };
  }
  const shares = maps.map(({ scheme, weights }) => ({ scheme, ...diagonalShare(weights, n, trainedLength, best.offset) }));
  const each = shares.map(({ scheme, within, beyond }) => `${label(scheme)} ${percent(within)} and ${percent(beyond)}`);
  const said = verdict(shares, label);
  return {
    title: `Attention of ${where}: each row’s weight ${offsetWords(best.offset)}, within the trained ${trainedLength} positions and beyond: ${each.join('; ')}${said ? ` (${said})` : ''}`,
    offset: best.offset,
    shares,
  };
}
