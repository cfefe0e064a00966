// One head of self-attention: it matches a plain float64 reference, and it shows the lecture's
// point: without positions two identical tokens get identical context vectors, unless a causal
// mask leaks their order.
#include "analysis/attention.hpp"

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <cstring>
#include <limits>
#include <utility>
#include <variant>
#include <vector>

#include "analysis/softmax.hpp"
#include "core/random.hpp"
#include "positions/scheme_registry.hpp"

namespace tt = boost::test_tools;

namespace {

// x is (count, dim), row-major, N(0, scale^2) entries.
std::vector<float> random_rows(int count, int dim, double scale, std::uint64_t seed) {
  pe::NormalGenerator normal(seed);
  std::vector<float> x(static_cast<std::size_t>(count) * dim);
  for (float& v : x) v = static_cast<float>(scale * normal.next());
  return x;
}

void copy_row(std::vector<float>& x, int dim, int from, int to) {
  std::copy(x.begin() + from * dim, x.begin() + (from + 1) * dim, x.begin() + to * dim);
}

bool rows_bit_identical(const std::vector<float>& t, int dim, int a, int b) {
  return std::memcmp(&t[a * dim], &t[b * dim], dim * sizeof(float)) == 0;
}

pe::HeadStages run(const std::vector<float>& x, int dim, const pe::HeadSetup& setup) {
  const int count = static_cast<int>(x.size()) / dim;
  return pe::run_head(pe::make_attention_weights(dim), x.data(), count, setup);
}

// The head without positions: its context vectors.
std::vector<float> attend(const std::vector<float>& x, int dim, bool causal) {
  return run(x, dim, {&pe::no_positions(), {}, 0, causal}).context;
}

// What the reference head does with positions: nothing, RoPE on q and k, or ALiBi's bias.
struct ReferencePositions {
  enum { none, rope, alibi } kind = none;
  std::int64_t start = 0;
  double base = 10000;
  bool half_pairing = false;  // rope: pairs (i, i + dim/2) instead of (2i, 2i + 1)
  double slope = 0.5;         // alibi
};

struct ReferenceStages {
  std::vector<double> query, key, weights, context;
};

// The textbook formulas in float64, loop by loop: q = x W_q and k = x W_k (rotated by position
// for RoPE), scores q.k / sqrt(dim) (minus slope * |i - j| for ALiBi), causal mask, softmax,
// context = weights V.
ReferenceStages reference_head(const std::vector<float>& x, int dim, bool causal,
                               const ReferencePositions& positions = {}) {
  const int count = static_cast<int>(x.size()) / dim;
  const pe::AttentionWeights w = pe::make_attention_weights(dim);
  const auto project = [&](const std::vector<float>& m) {
    std::vector<double> out(x.size(), 0.0);
    for (int r = 0; r < count; ++r)
      for (int c = 0; c < dim; ++c)
        for (int k = 0; k < dim; ++k) out[r * dim + c] += double{x[r * dim + k]} * m[k * dim + c];
    return out;
  };
  const auto rotate = [&](std::vector<double>& rows) {
    for (int r = 0; r < count; ++r) {
      for (int k = 0; k < dim / 2; ++k) {
        const double angle =
            static_cast<double>(positions.start + r) * std::pow(positions.base, -2.0 * k / dim);
        double& x0 = rows[r * dim + (positions.half_pairing ? k : 2 * k)];
        double& x1 = rows[r * dim + (positions.half_pairing ? k + dim / 2 : 2 * k + 1)];
        const double turned0 = x0 * std::cos(angle) - x1 * std::sin(angle);
        x1 = x0 * std::sin(angle) + x1 * std::cos(angle);
        x0 = turned0;
      }
    }
  };
  ReferenceStages stages{project(w.query), project(w.key),
                         std::vector<double>(static_cast<std::size_t>(count) * count, 0.0),
                         std::vector<double>(x.size(), 0.0)};
  if (positions.kind == ReferencePositions::rope) {
    rotate(stages.query);
    rotate(stages.key);
  }
  const std::vector<double> v = project(w.value);
  for (int i = 0; i < count; ++i) {
    const int keys = causal ? i + 1 : count;
    std::vector<double> score(keys, 0.0);
    for (int j = 0; j < keys; ++j) {
      for (int c = 0; c < dim; ++c) score[j] += stages.query[i * dim + c] * stages.key[j * dim + c];
      score[j] /= std::sqrt(static_cast<double>(dim));
      if (positions.kind == ReferencePositions::alibi)
        score[j] -= positions.slope * std::abs(i - j);
    }
    const double max_score = *std::max_element(score.begin(), score.end());
    double sum = 0.0;
    for (double& s : score) sum += (s = std::exp(s - max_score));
    for (int j = 0; j < keys; ++j) {
      stages.weights[i * count + j] = score[j] / sum;
      for (int c = 0; c < dim; ++c) stages.context[i * dim + c] += score[j] / sum * v[j * dim + c];
    }
  }
  return stages;
}

std::vector<double> reference_attention(const std::vector<float>& x, int dim, bool causal) {
  return reference_head(x, dim, causal).context;
}

// Largest |a - b| relative to the largest |b|: the tensor checker of llm.c's test_gpt2.c.
double max_relative_difference(const std::vector<float>& actual,
                               const std::vector<double>& expected) {
  double max_difference = 0.0, max_expected = 0.0;
  for (std::size_t e = 0; e < actual.size(); ++e) {
    max_difference = std::max(max_difference, std::fabs(actual[e] - expected[e]));
    max_expected = std::max(max_expected, std::fabs(expected[e]));
  }
  return max_difference / max_expected;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(weights)

BOOST_AUTO_TEST_CASE(the_same_dim_always_gives_the_same_weights) {
  const pe::AttentionWeights a = pe::make_attention_weights(24), b = pe::make_attention_weights(24);
  BOOST_TEST(a.dim == 24);
  BOOST_TEST(a.query.size() == 24u * 24u);
  BOOST_TEST((a.query == b.query && a.key == b.key && a.value == b.value));
  BOOST_TEST((a.query != a.key && a.key != a.value));
}

BOOST_AUTO_TEST_CASE(weights_are_uniform_with_variance_one_over_dim) {
  const int dim = 256;
  const pe::AttentionWeights w = pe::make_attention_weights(dim);
  const double bound = std::sqrt(3.0 / dim);
  double sum_squares = 0.0;
  for (const float v : w.query) {
    BOOST_TEST_REQUIRE(std::fabs(v) <= bound);
    sum_squares += double{v} * v;
  }
  BOOST_TEST(sum_squares / w.query.size() == 1.0 / dim, tt::tolerance(0.02));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(softmax)

BOOST_AUTO_TEST_CASE(the_fast_exponential_is_within_2e_7_of_the_c_library_one) {
  for (float x = -87.0f; x <= 0.0f; x += 0.0173f) {
    BOOST_TEST_CONTEXT("x = " << x) {
      BOOST_TEST(pe::exp_nonpositive(x) == std::exp(x), tt::tolerance(2e-7f));
    }
  }
  BOOST_TEST(pe::exp_nonpositive(0.0f) == 1.0f);
  BOOST_TEST(pe::exp_nonpositive(-88.0f) == 0.0f);
  BOOST_TEST(pe::exp_nonpositive(-1e20f) == 0.0f);
  BOOST_TEST(pe::exp_nonpositive(-std::numeric_limits<float>::infinity()) == 0.0f);
}

BOOST_AUTO_TEST_CASE(softmax_weights_sum_to_one_and_follow_the_scores) {
  std::vector<float> row = {1.0f, 2.0f, 3.0f, 0.5f};
  pe::softmax(row.data(), 4);
  const double total = std::exp(1.0) + std::exp(2.0) + std::exp(3.0) + std::exp(0.5);
  BOOST_TEST(row[0] == std::exp(1.0) / total, tt::tolerance(1e-6));
  BOOST_TEST(row[2] == std::exp(3.0) / total, tt::tolerance(1e-6));
  BOOST_TEST(row[0] + row[1] + row[2] + row[3] == 1.0f, tt::tolerance(1e-6f));
}

BOOST_AUTO_TEST_CASE(softmax_of_huge_scores_is_finite_and_picks_the_largest) {
  // Integer positions near 2^31 give scores of this size.
  std::vector<float> row = {1e20f, 3e20f, -2e20f, 2.9e20f};
  pe::softmax(row.data(), 4);
  const std::vector<float> expected = {0.0f, 1.0f, 0.0f, 0.0f};
  BOOST_TEST(row == expected, tt::per_element());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(self_attention)

BOOST_AUTO_TEST_CASE(attention_matches_a_float64_reference_for_awkward_shapes) {
  // Shapes that are not whole tiles (4 queries x 16 columns) on purpose.
  for (const auto& [count, dim] : {std::pair{1, 1}, {3, 5}, {7, 3}, {17, 33}, {64, 64}, {5, 256}}) {
    const std::vector<float> x = random_rows(count, dim, 1.0, 11);
    for (const bool causal : {false, true}) {
      BOOST_TEST_CONTEXT(count << " tokens, dim " << dim << (causal ? ", causal" : "")) {
        BOOST_TEST(max_relative_difference(attend(x, dim, causal),
                                           reference_attention(x, dim, causal)) < 1e-5);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(identical_inputs_give_bit_identical_outputs_without_a_mask) {
  for (const auto& [count, dim, a, b] :
       {std::tuple{5, 8, 1, 4}, {37, 20, 0, 36}, {1024, 64, 3, 1000}}) {
    std::vector<float> x = random_rows(count, dim, 0.02, 5);
    copy_row(x, dim, a, b);
    const std::vector<float> context = attend(x, dim, false);
    BOOST_TEST_CONTEXT(count << " tokens, dim " << dim << ", rows " << a << " and " << b) {
      BOOST_TEST(rows_bit_identical(context, dim, a, b));
      BOOST_TEST(!rows_bit_identical(context, dim, a, (a + 1) % count));
    }
  }
}

BOOST_AUTO_TEST_CASE(the_causal_mask_makes_identical_inputs_differ) {
  // "The dog chased another dog": the first dog sees 2 tokens, the second sees all 5.
  std::vector<float> x = random_rows(5, 8, 0.02, 9);
  copy_row(x, 8, 1, 4);
  BOOST_TEST(!rows_bit_identical(attend(x, 8, true), 8, 1, 4));
}

BOOST_AUTO_TEST_CASE(with_the_mask_the_first_token_attends_only_to_itself) {
  // Its context is its own value vector, x_0 W_v, whatever follows.
  std::vector<float> x = random_rows(6, 16, 1.0, 3);
  const std::vector<float> first = attend(x, 16, true);
  std::fill(x.begin() + 16, x.end(), 5.0f);
  const std::vector<float> changed_later = attend(x, 16, true);
  BOOST_TEST(std::equal(first.begin(), first.begin() + 16, changed_later.begin()));
}

BOOST_AUTO_TEST_CASE(swapping_two_inputs_swaps_their_outputs_without_a_mask) {
  // Permutation equivariance: attention alone cannot tell order.
  const int count = 9, dim = 12;
  const std::vector<float> x = random_rows(count, dim, 1.0, 21);
  std::vector<float> swapped = x;
  std::swap_ranges(swapped.begin() + 2 * dim, swapped.begin() + 3 * dim, swapped.begin() + 7 * dim);
  const std::vector<float> context = attend(x, dim, false);
  const std::vector<float> swapped_context = attend(swapped, dim, false);
  for (int c = 0; c < dim; ++c) {
    BOOST_TEST(context[2 * dim + c] == swapped_context[7 * dim + c], tt::tolerance(1e-5f));
    BOOST_TEST(context[7 * dim + c] == swapped_context[2 * dim + c], tt::tolerance(1e-5f));
  }
}

BOOST_AUTO_TEST_CASE(inputs_at_integer_positions_near_2_to_the_31_give_finite_outputs) {
  std::vector<float> x(16 * 8);
  for (int r = 0; r < 16; ++r)
    std::fill(x.begin() + r * 8, x.begin() + (r + 1) * 8, 2147483632.0f + r);
  for (const bool causal : {false, true}) {
    const std::vector<float> context = attend(x, 8, causal);
    BOOST_TEST(
        std::all_of(context.begin(), context.end(), [](float v) { return std::isfinite(v); }));
  }
}

BOOST_AUTO_TEST_CASE(every_stage_matches_the_reference_with_each_kind_of_scheme) {
  // RoPE acts on queries and keys, ALiBi on the scores; both at a start far from 0.
  pe::SchemeOptions rope_half;
  rope_half.pairing = pe::RopePairing::half;
  pe::SchemeOptions alibi;
  alibi.slope = 0.125;
  const pe::PositionScheme& rope_scheme =
      *std::get<const pe::PositionScheme*>(pe::parse_scheme("rope"));
  const pe::PositionScheme& alibi_scheme =
      *std::get<const pe::PositionScheme*>(pe::parse_scheme("alibi"));
  const std::vector<float> x = random_rows(13, 16, 1.0, 17);
  for (const bool causal : {false, true}) {
    for (const auto& [setup, reference] :
         {std::pair{pe::HeadSetup{&pe::no_positions(), {}, 0, causal}, ReferencePositions{}},
          {pe::HeadSetup{&rope_scheme, {}, 1000, causal},
           ReferencePositions{ReferencePositions::rope, 1000}},
          {pe::HeadSetup{&rope_scheme, rope_half, 1000, causal},
           ReferencePositions{ReferencePositions::rope, 1000, 10000, true}},
          {pe::HeadSetup{&alibi_scheme, alibi, 5000, causal},
           ReferencePositions{ReferencePositions::alibi, 5000, 10000, false, 0.125}}}) {
      BOOST_TEST_CONTEXT(setup.scheme->name << (reference.half_pairing ? " half" : "")
                                            << (causal ? ", causal" : "")) {
        const pe::HeadStages stages = run(x, 16, setup);
        const ReferenceStages expected = reference_head(x, 16, causal, reference);
        BOOST_TEST(max_relative_difference(stages.query, expected.query) < 1e-5);
        BOOST_TEST(max_relative_difference(stages.key, expected.key) < 1e-5);
        BOOST_TEST(max_relative_difference(stages.weights, expected.weights) < 1e-5);
        BOOST_TEST(max_relative_difference(stages.context, expected.context) < 1e-5);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(every_row_of_weights_sums_to_1_and_the_mask_leaves_zeros) {
  const std::vector<float> x = random_rows(9, 8, 1.0, 23);
  const pe::HeadStages stages = run(x, 8, {&pe::no_positions(), {}, 0, true});
  for (int i = 0; i < 9; ++i) {
    double sum = 0;
    for (int j = 0; j < 9; ++j) {
      sum += stages.weights[i * 9 + j];
      if (j > i) BOOST_TEST(stages.weights[i * 9 + j] == 0.0f);
    }
    BOOST_TEST(sum == 1.0, tt::tolerance(1e-6));
  }
}

BOOST_AUTO_TEST_CASE(any_block_of_rows_is_bit_for_bit_the_whole_head_s) {
  // 11 tokens: odd, so the last tile is half padding; blocks start on odd rows too.
  const std::vector<float> x = random_rows(11, 12, 1.0, 29);
  const pe::AttentionWeights weights = pe::make_attention_weights(12);
  for (const pe::PositionScheme* scheme : pe::position_schemes()) {
    for (const bool causal : {false, true}) {
      const pe::HeadSetup setup{scheme, {}, 40, causal};
      const pe::HeadStages whole = pe::run_head(weights, x.data(), 11, setup);
      const pe::Head head(weights, x.data(), 11, setup);
      for (const int block : {1, 3, 4}) {
        for (int first = 0; first < 11; first += block) {
          const int rows = std::min(block, 11 - first);
          std::vector<float> weights_rows(rows * 11), context_rows(rows * 12);
          std::vector<double> rounding(rows);
          head.attend(first, rows, weights_rows.data(), context_rows.data(), rounding.data());
          BOOST_TEST(std::memcmp(weights_rows.data(), &whole.weights[first * 11],
                                 weights_rows.size() * sizeof(float)) == 0);
          BOOST_TEST(std::memcmp(context_rows.data(), &whole.context[first * 12],
                                 context_rows.size() * sizeof(float)) == 0);
          BOOST_TEST(
              std::equal(rounding.begin(), rounding.end(), whole.output_rounding.begin() + first));
        }
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(no_tokens_is_valid_and_gives_empty_stages) {
  const pe::HeadStages stages =
      pe::run_head(pe::make_attention_weights(8), nullptr, 0, {&pe::no_positions(), {}, 0, false});
  BOOST_TEST(stages.context.empty());
  BOOST_TEST(stages.weights.empty());
}

BOOST_AUTO_TEST_SUITE_END()
