// The absorption experiment against an independent double-precision reference written from the
// DeepSeek-V2 paper (section 2.1.3): the explicit scores are what MLA computes, W_UK folds into
// the query exactly without positions and with decoupled RoPE, and RoPE on the full keys breaks
// the fold unless there is one folded matrix per offset.
#include "mla/mla_absorption.hpp"

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <cstdint>
#include <set>
#include <vector>

namespace {

using pe::MlaAbsorptionRequest;
using pe::MlaRope;

constexpr std::int64_t kStarts[] = {0, 1, 1000, 1 << 20};
constexpr std::uint64_t kSeeds[] = {1, 2, 3, 17, 12345, 9007199254740991ull};

// Layer sizes: tokens, dModel, heads, headDim, ropeDim, latentDim.
struct Size {
  int tokens, d_model, heads, head_dim, rope_dim, latent_dim;
};
constexpr Size kSizes[] = {
    {8, 64, 4, 16, 8, 16},  // the defaults
    {2, 8, 1, 2, 2, 1},     // the smallest layer with an offset
    {16, 96, 3, 32, 16, 48}, {5, 40, 2, 8, 4, 64}, {64, 128, 2, 64, 32, 32},
};

MlaAbsorptionRequest request(MlaRope rope, const Size& s, std::int64_t start, std::uint64_t seed) {
  MlaAbsorptionRequest r;
  r.rope = rope;
  r.tokens = s.tokens;
  r.d_model = s.d_model;
  r.heads = s.heads;
  r.head_dim = s.head_dim;
  r.rope_dim = s.rope_dim;
  r.latent_dim = s.latent_dim;
  r.start = start;
  r.seed = seed;
  return r;
}

using Rows = std::vector<double>;

// Head h's (rows, cols) matrix of a per-head stack (heads, rows, cols).
std::vector<float> head_matrix(const std::vector<float>& stack, int head, int rows, int cols) {
  const auto first = stack.begin() + static_cast<std::ptrdiff_t>(head) * rows * cols;
  return std::vector<float>(first, first + rows * cols);
}

// a (rows, inner) times b (inner, cols), in double.
Rows times(const Rows& a, const std::vector<float>& b, int rows, int inner, int cols) {
  Rows c(static_cast<std::size_t>(rows) * cols, 0.0);
  for (int r = 0; r < rows; ++r)
    for (int k = 0; k < inner; ++k)
      for (int j = 0; j < cols; ++j) c[r * cols + j] += a[r * inner + k] * b[k * cols + j];
  return c;
}

// The textbook RoPE loop (RoFormer; interleaved pairs as DeepSeek), in double: pair k of the row
// at position p turns by p * 10000^(-2k/dim).
void rotate(double* row, int dim, double position) {
  for (int k = 0; k < dim / 2; ++k) {
    const double angle = position * std::pow(10000.0, -2.0 * k / dim);
    const double x = row[2 * k], y = row[2 * k + 1];
    row[2 * k] = x * std::cos(angle) - y * std::sin(angle);
    row[2 * k + 1] = x * std::sin(angle) + y * std::cos(angle);
  }
}

double dot(const double* a, const double* b, int n) {
  double sum = 0;
  for (int k = 0; k < n; ++k) sum += a[k] * b[k];
  return sum;
}

// The explicit scores of the paper's equations, from the layer's own weights.
std::vector<double> reference_scores(const MlaAbsorptionRequest& r) {
  const pe::MlaLayer layer = pe::make_mla_layer(r);
  const int n = r.tokens, dh = r.head_dim, dr = r.rope_dim;
  const Rows hidden(layer.hidden.begin(), layer.hidden.end());
  const Rows latent = times(hidden, layer.down_kv, n, r.d_model, r.latent_dim);
  Rows rope_key = times(hidden, layer.rope_key, n, r.d_model, dr);
  for (int t = 0; t < n; ++t) rotate(&rope_key[t * dr], dr, static_cast<double>(r.start + t));
  const bool decoupled = r.rope == MlaRope::decoupled;
  const double scale = 1 / std::sqrt(static_cast<double>(dh + (decoupled ? dr : 0)));
  std::vector<double> scores;
  for (int head = 0; head < r.heads; ++head) {
    Rows q = times(hidden, head_matrix(layer.query, head, r.d_model, dh), n, r.d_model, dh);
    Rows k = times(latent, head_matrix(layer.up_key, head, r.latent_dim, dh), n, r.latent_dim, dh);
    Rows q_rope =
        times(hidden, head_matrix(layer.rope_query, head, r.d_model, dr), n, r.d_model, dr);
    for (int t = 0; t < n; ++t) {
      const double position = static_cast<double>(r.start + t);
      if (r.rope == MlaRope::naive) {
        rotate(&q[t * dh], dh, position);
        rotate(&k[t * dh], dh, position);
      }
      rotate(&q_rope[t * dr], dr, position);
    }
    for (int m = 0; m < n; ++m)
      for (int t = 0; t < n; ++t) {
        double score = dot(&q[m * dh], &k[t * dh], dh);
        if (decoupled) score += dot(&q_rope[m * dr], &rope_key[t * dr], dr);
        scores.push_back(scale * score);
      }
  }
  return scores;
}

double max_abs(const std::vector<float>& values) {
  double most = 0;
  for (float v : values) most = std::max(most, std::fabs(static_cast<double>(v)));
  return most;
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_explicit_scores_are_the_papers_equations) {
  for (MlaRope rope : {MlaRope::none, MlaRope::naive, MlaRope::decoupled})
    for (const Size& size : kSizes)
      for (std::int64_t start : kStarts) {
        const auto r = request(rope, size, start, 7);
        const auto result = pe::run_mla_absorption(r);
        const auto expected = reference_scores(r);
        BOOST_TEST_REQUIRE(result.explicit_scores.size() == expected.size());
        double worst = 0;
        for (std::size_t i = 0; i < expected.size(); ++i)
          worst = std::max(worst, std::fabs(result.explicit_scores[i] - expected[i]));
        BOOST_TEST(worst <= 1e-5 * result.max_abs_score);
        BOOST_TEST(result.max_abs_score == max_abs(result.explicit_scores));
      }
}

BOOST_AUTO_TEST_CASE(without_positions_and_with_decoupled_rope_the_absorbed_scores_agree) {
  double worst = 0;
  for (MlaRope rope : {MlaRope::none, MlaRope::decoupled})
    for (const Size& size : kSizes)
      for (std::int64_t start : kStarts)
        for (std::uint64_t seed : kSeeds) {
          const auto result = pe::run_mla_absorption(request(rope, size, start, seed));
          BOOST_TEST(result.max_abs_score > 0);
          BOOST_TEST(result.max_abs_difference <= 1e-4 * result.max_abs_score);
          worst = std::max(worst, result.max_abs_difference / result.max_abs_score);
          BOOST_TEST(result.absorbed_matrices == 1);
        }
  BOOST_TEST_MESSAGE("none and decoupled: largest difference " << worst << " of the largest score");
}

BOOST_AUTO_TEST_CASE(with_rope_on_the_full_keys_the_absorbed_scores_do_not_agree) {
  double least = 1;
  for (const Size& size : kSizes)
    for (std::int64_t start : kStarts)
      for (std::uint64_t seed : kSeeds) {
        const auto result = pe::run_mla_absorption(request(MlaRope::naive, size, start, seed));
        BOOST_TEST(result.max_abs_difference >= 1e-2 * result.max_abs_score);
        least = std::min(least, result.max_abs_difference / result.max_abs_score);
        BOOST_TEST(result.absorbed_matrices == 2 * size.tokens - 1);
      }
  BOOST_TEST_MESSAGE("naive: smallest difference " << least << " of the largest score");
}

BOOST_AUTO_TEST_CASE(naive_rope_absorbs_exactly_only_with_one_matrix_per_offset) {
  // score(m, t) = q_m^T R_(t-m) W_UK^T c_t: fold A_d = W_UK R_d^T (latentDim, headDim) per
  // offset d = t - m, then score = (A_d q_m) . c_t. Every offset of the tokens needs its own A_d.
  const auto r = request(MlaRope::naive, kSizes[0], 1000, 3);
  const auto result = pe::run_mla_absorption(r);
  const pe::MlaLayer layer = pe::make_mla_layer(r);
  const int n = r.tokens, dh = r.head_dim, dc = r.latent_dim;
  const Rows hidden(layer.hidden.begin(), layer.hidden.end());
  const Rows latent = times(hidden, layer.down_kv, n, r.d_model, dc);
  std::set<int> offsets;
  double worst = 0;
  for (int head = 0; head < r.heads; ++head) {
    const auto up_key = head_matrix(layer.up_key, head, dc, dh);
    const Rows q = times(hidden, head_matrix(layer.query, head, r.d_model, dh), n, r.d_model, dh);
    for (int m = 0; m < n; ++m)
      for (int t = 0; t < n; ++t) {
        offsets.insert(t - m);
        // Row j of A_d: row j of W_UK (dh values) turned by -d, so that A_d q = W_UK R_d^T q.
        Rows turned_query(q.begin() + m * dh, q.begin() + (m + 1) * dh);
        rotate(turned_query.data(), dh, -static_cast<double>(t - m));  // R_d^T q = R_(-d) q
        double score = 0;
        for (int c = 0; c < dc; ++c)
          for (int j = 0; j < dh; ++j)
            score += up_key[c * dh + j] * turned_query[j] * latent[t * dc + c];
        score /= std::sqrt(static_cast<double>(dh));
        const std::size_t at = (static_cast<std::size_t>(head) * n + m) * n + t;
        worst = std::max(worst, std::fabs(score - result.explicit_scores[at]));
      }
  }
  BOOST_TEST(worst <= 1e-5 * result.max_abs_score);
  BOOST_TEST(static_cast<std::int64_t>(offsets.size()) == result.absorbed_matrices);
  BOOST_TEST(result.absorbed_matrices == 15);
}

BOOST_AUTO_TEST_CASE(moving_every_token_2_to_the_20_positions_on_changes_no_score) {
  // Only offsets matter: RoPE scores depend on t - m, and without positions nothing moves at all.
  for (MlaRope rope : {MlaRope::none, MlaRope::naive, MlaRope::decoupled}) {
    const auto at_zero = pe::run_mla_absorption(request(rope, kSizes[0], 0, 5));
    const auto moved = pe::run_mla_absorption(request(rope, kSizes[0], 1 << 20, 5));
    double worst = 0;
    for (std::size_t i = 0; i < at_zero.explicit_scores.size(); ++i)
      worst = std::max(worst, std::fabs(static_cast<double>(at_zero.explicit_scores[i]) -
                                        moved.explicit_scores[i]));
    BOOST_TEST(worst <= 1e-5 * at_zero.max_abs_score);
    if (rope == MlaRope::none) BOOST_TEST(at_zero.explicit_scores == moved.explicit_scores);
  }
}

BOOST_AUTO_TEST_CASE(the_cache_is_every_heads_key_and_value_or_the_latent_and_the_rope_key) {
  const auto none = pe::run_mla_absorption(request(MlaRope::none, kSizes[0], 0, 1));
  const auto naive = pe::run_mla_absorption(request(MlaRope::naive, kSizes[0], 0, 1));
  const auto decoupled = pe::run_mla_absorption(request(MlaRope::decoupled, kSizes[0], 0, 1));
  // 4 heads of 16: keys and values 4 * (16 + 16) = 128; latent 16. Decoupled keys are 16 + 8.
  BOOST_TEST(none.explicit_cache == 128);
  BOOST_TEST(none.absorbed_cache == 16);
  BOOST_TEST(naive.explicit_cache == 128);
  BOOST_TEST(naive.absorbed_cache == 16);
  BOOST_TEST(decoupled.explicit_cache == 4 * (24 + 16));
  BOOST_TEST(decoupled.absorbed_cache == 16 + 8);
}

BOOST_AUTO_TEST_CASE(a_seed_gives_the_same_layer_every_time_and_another_seed_another) {
  const auto r = request(MlaRope::decoupled, kSizes[0], 0, 42);
  BOOST_TEST(pe::run_mla_absorption(r).explicit_scores ==
             pe::run_mla_absorption(r).explicit_scores);
  auto other = r;
  other.seed = 43;
  BOOST_TEST(pe::run_mla_absorption(r).explicit_scores !=
             pe::run_mla_absorption(other).explicit_scores);
  // The weights do not depend on the variant or on the number of tokens.
  auto longer = r;
  longer.tokens = 16;
  longer.rope = MlaRope::none;
  BOOST_TEST(pe::make_mla_layer(r).up_key == pe::make_mla_layer(longer).up_key);
}
