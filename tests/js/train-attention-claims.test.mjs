// The attention panel's title (web/views/train/attention-claims.js): a diagonal is called a
// pattern only when it stands out from attending evenly (under the causal mask, even attention
// already puts 1/(i + 1) of row i on the query itself, more in the first rows), and whether a
// scheme holds it past the trained length is judged on its weight above even attention's.
// Run: node --test tests/js/train-attention-claims.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attentionClaim } from '../../web/views/train/attention-claims.js';

const N = 12;
const TRAINED = 6;
const label = (scheme) => scheme;
const claim = (maps, causal = true) => attentionClaim({ maps, n: N, trainedLength: TRAINED, causal, where: 'layer 1, head 1', label });

// Row q spreads its weight evenly over the keys it sees (0 .. q under the causal mask).
function even(causal) {
  const weights = new Float32Array(N * N);
  for (let q = 0; q < N; q += 1) {
    const seen = causal ? q + 1 : N;
    for (let k = 0; k < seen; k += 1) weights[q * N + k] = 1 / seen;
  }
  return weights;
}

// Row q puts share(q) on key q - offset and spreads the rest evenly over the other keys it sees.
function diagonal(offset, share) {
  const weights = new Float32Array(N * N);
  for (let q = 0; q < N; q += 1) {
    const key = q - offset;
    const others = q + 1 - (key >= 0 ? 1 : 0);
    for (let k = 0; k <= q; k += 1) weights[q * N + k] = k === key ? share(q) : (1 - (key >= 0 ? share(q) : 0)) / Math.max(1, others);
  }
  return weights;
}

test('even attention under the causal mask is no pattern, though the first rows weigh the query itself most', () => {
  // Rows 0 .. 5 give themselves 1/(q + 1): 41% on average, above the quarter a pattern needs.
  const result = claim([
    { scheme: 'rope', weights: even(true) },
    { scheme: 'learned', weights: even(true) },
  ]);
  assert.equal(result.offset, null);
  assert.equal(
    result.title,
    'Attention of layer 1, head 1: no diagonal stands out within the trained length (over half its rows or more, a quarter of each row’s weight and twice what attending evenly gives); try another layer or head',
  );
  assert.equal(claim([{ scheme: 'rope', weights: even(false) }], false).offset, null);
});

test('a diagonal kept past the trained length holds; one that falls back to even attention is lost', () => {
  const kept = diagonal(3, () => 0.9);
  const lost = diagonal(3, (q) => (q < TRAINED ? 0.9 : 1 / (q + 1)));
  const result = claim([
    { scheme: 'rope', weights: kept },
    { scheme: 'learned', weights: lost },
  ]);
  assert.equal(result.offset, 3);
  // Even attention gives rows 3 .. 5 1/4, 1/5, 1/6 (21%) and rows 6 .. 11 1/7 .. 1/12 (11%).
  assert.equal(
    result.title,
    'Attention of layer 1, head 1: each row’s weight 3 places back, within the trained 6 positions and beyond: rope 90% and 90%, learned 90% and 11%, where attending evenly gives 21% and 11% (rope holds it past the trained length; learned loses it)',
  );
});

test('a map without the pattern within the trained length neither holds nor loses it', () => {
  const result = claim([
    { scheme: 'rope', weights: diagonal(3, () => 0.9) },
    { scheme: 'none', weights: even(true) },
  ]);
  assert.match(
    result.title,
    /rope 90% and 90%, none 21% and 11%, where attending evenly gives 21% and 11% \(rope holds it past the trained length\)$/,
  );
});

test('all weight on the first key is no diagonal, though it crosses one in a single trained row', () => {
  const first = new Float32Array(N * N);
  for (let q = 0; q < N; q += 1) first[q * N] = 1;
  // Row 5 gives key 0 (5 places back) all its weight: one trained row, not a pattern.
  assert.equal(claim([{ scheme: 'integer', weights: first }]).offset, null);
});
