#pragma once
// What RoPE does to one query and one key, as the RoPE view draws it: the attention score of the
// query at position m with the key at every position n of a range, and RoFormer's bound on that
// score. Frequencies come from rope_frequencies (scaled or not); pairs are formed by the pairing
// (rotary.hpp).
#include <cstdint>
#include <tuple>
#include <vector>

#include "core/fields.hpp"
#include "core/rotary.hpp"

namespace pe {

// At most this many offsets per call: 65,536 keys.
constexpr std::int64_t kMaxScoreOffsets = 65536;

struct RopeScores {
  std::vector<double> scores;  // count values: score at offset first_offset + j
  std::vector<double> bounds;  // count values: RoFormer's bound on |score| there
};
constexpr auto fields_of(const RopeScores&) {
  return std::tuple{field<&RopeScores::scores>("scores"), field<&RopeScores::bounds>("bounds")};
}

// query, key: dim values each (dim even); frequencies: dim/2 values. For j = 0 .. count - 1, with
// offset o = first_offset + j and key position n = position + o (0 <= n <= 2^31 - 1):
//   scores[j] = <R_m q, R_n k> = sum_c (R_m q)_c (R_n k)_c,   m = position,
// where R_m q and R_n k are rotated as rotate_rows does it (float32 rows, as a model holds them)
// and the products are summed in double. In exact arithmetic this depends on n - m only:
// with complex pairs q_i = q_x + i q_y, k_i likewise, <R_m q, R_n k> = Re sum_i h_i e^{-i o
// theta_i}, h_i = q_i conj(k_i).
//   bounds[j] = max_i |h_{i+1} - h_i| * sum_{j'=1}^{dim/2} |S_j'(o)|,  S_j'(o) = sum_{i<j'} e^{i o
//   theta_i},
// with h_{dim/2} = 0: RoFormer's section 3.4.3 (Abel summation) bound on |score|, which shrinks on
// the whole as |o| grows while the score itself need not.
RopeScores rope_scores(const float* query, const float* key, int dim,
                       const std::vector<double>& frequencies, RopePairing pairing,
                       std::int64_t position, std::int64_t first_offset, std::int64_t count);

}  // namespace pe
