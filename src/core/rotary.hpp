#pragma once
// Rotary position embedding (RoFormer, arXiv 2104.09864): a query or key at position p has each of
// its dim/2 pairs rotated by the angle p * theta_k, so <R_m q, R_n k> depends only on n - m.
//
// The definition, one position and one pair at a time (llama2.c's loop, in float):
//   for (int k = 0; k < dim / 2; ++k) {
//     float a = p * theta[k], c = cosf(a), s = sinf(a);
//     float x = v[i(k)], y = v[j(k)];  // the pair, by the pairing below
//     v[i(k)] = x * c - y * s;
//     v[j(k)] = x * s + y * c;
//   }
// rotate_rows computes the same rotation for many positions, with the angle formed in double
// (in float32, p * theta is off by ~0.06 rad at p = 10^6) and sin/cos walked by PairAngles.
#include <cstdint>
#include <vector>

namespace pe {

// Which channels form pair k of a dim-value vector x:
//   interleaved: (x[2k], x[2k+1]), as in RoFormer, Meta's Llama code, DeepSeek's inference code;
//   half:        (x[k], x[k + dim/2]), as in GPT-NeoX and Hugging Face's rotate_half.
// Hugging Face permutes Meta's W_q and W_k rows so the two give the same scores; the same weights
// under the other pairing give wrong scores.
enum class RopePairing { interleaved, half };

// The channels (first, second) of pair k of a dim-value vector:
//   interleaved: (2k, 2k + 1);  half: (k, k + dim/2).
inline int first_channel(RopePairing pairing, int k) {
  return pairing == RopePairing::interleaved ? 2 * k : k;
}
inline int second_channel(RopePairing pairing, int k, int dim) {
  return pairing == RopePairing::interleaved ? 2 * k + 1 : k + dim / 2;
}

// The channel order that turns a vector laid out for pairing `from` into one laid out for `to`
// with the same pairs: out[j] = in[permutation[j]] (dim values). Applied to the rows of W_q and
// W_k (PyTorch's (out, in) layout), it makes weights trained with one pairing give the same
// scores under the other. interleaved -> half is Hugging Face's conversion of Meta's Llama
// checkpoints (w.view(heads, dim/2, 2, in).transpose(1, 2)): [0, 2, 4, ..., 1, 3, 5, ...], each
// interleaved pair (2i, 2i + 1) moved to (i, i + dim/2); half -> interleaved is its inverse;
// from == to is the identity.
std::vector<int> pairing_permutation(int dim, RopePairing from, RopePairing to);

// rows holds count rows of dim values, row r starting at rows + r * stride (stride >= dim);
// row r is rotated in place as position start + r: for each pair k with angle a = (start + r) *
// frequencies[k] (formed in double), x' = x cos a - y sin a, y' = x sin a + y cos a, computed in
// double and rounded once to float. frequencies.size() == dim / 2.
void rotate_rows(const std::vector<double>& frequencies, RopePairing pairing, std::int64_t start,
                 std::int64_t count, int dim, float* rows, std::int64_t stride);

}  // namespace pe
