// The RoPE view's numbers, every one from the core: per setting (the query and key, each
// pairing's channels, the frequencies, the scores at m = 0) and per query position m (the scores
// of both pairings, the query turned, and how far the curves move and differ).

/** @type {import('../../pe.js').Pairing[]} */
export const PAIRINGS = ['interleaved', 'half'];
export const OTHER = { interleaved: 'half', half: 'interleaved' };

// The largest |a[j] - b[j]|.
function largestGap(a, b) {
  let gap = 0;
  for (let j = 0; j < a.length; j += 1) gap = Math.max(gap, Math.abs(a[j] - b[j]));
  return gap;
}

// partner[c]: the channel paired with channel c, given each pair's channels c[2i], c[2i + 1].
function partnersOf(channels, dim) {
  const partner = new Int32Array(dim);
  for (let i = 0; i < dim; i += 2) [partner[channels[i]], partner[channels[i + 1]]] = [channels[i + 1], channels[i]];
  return partner;
}

/** What the settings { dim, base, pairing, span, seed } give, for every position.
 *  @param {import('../../pe.js').PE} pe @param {Record<string, any>} settings */
export function loadRope(pe, settings) {
  const { dim, base, pairing, span, seed } = settings;
  const rope = { dim, base };
  // q and k: row seed mod dim of the sentence head's W_q and W_k, random from fixed seeds.
  const row = seed % dim;
  const head = pe.attentionWeights({ dim });
  const [q, k] = [head.query, head.key].map((weights) => weights.subarray(row * dim, (row + 1) * dim));
  // Each pairing's pairs: channels (c[2i], c[2i + 1]).
  const channels = Object.fromEntries(PAIRINGS.map((p) => [p, pe.ropePairingPermutation({ dim, from: p, to: 'interleaved' })]));
  const partners = Object.fromEntries(PAIRINGS.map((p) => [p, partnersOf(channels[p], dim)]));
  const permutation = pe.ropePairingPermutation({ dim, from: pairing, to: OTHER[pairing] });
  const convert = (v) => Float32Array.from(permutation, (c) => v[c]);
  const scores = (query, key, options) => pe.ropeScores({ ...rope, pairing, query, key, count: span + 1, ...options });
  return {
    rope,
    q,
    k,
    channels,
    partners,
    permutation,
    scores,
    converted: [convert(q), convert(k)],
    theta: pe.ropeFrequencies(rope),
    wavelengths: pe.ropeBands(rope).originalWavelengths,
    atZero: [scores(q, k).scores, scores(q, q).scores],
  };
}

/** What the query position m adds to data (loadRope's) under pairing.
 *  @param {import('../../pe.js').PE} pe @param {any} data @param {Record<string, any>} settings */
export function ropeAt(pe, data, settings) {
  const { position, pairing } = settings;
  const { rope, q, k, scores, converted, atZero } = data;
  const other = OTHER[pairing];
  const random = scores(q, k, { position });
  const aligned = scores(q, q, { position });
  const wrong = scores(q, k, { position, pairing: other }).scores;
  const fixed = scores(...converted, { position, pairing: other }).scores;
  return {
    random,
    aligned,
    wrong,
    fixed,
    rotated: Object.fromEntries(PAIRINGS.map((p) => [p, pe.rotate({ ...rope, data: q, start: position, pairing: p })])),
    drift: Math.max(largestGap(random.scores, atZero[0]), largestGap(aligned.scores, atZero[1])),
    largestWrong: largestGap(random.scores, wrong),
    largestFixed: largestGap(random.scores, fixed),
  };
}
