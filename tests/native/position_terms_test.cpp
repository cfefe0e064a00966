// The trainer reads each scheme from the same registry the analysis head uses: its tables must be
// exactly what the scheme's own hooks give, and RoPE's backward must undo its forward.
#include "training/position_terms.hpp"

#include <boost/test/unit_test.hpp>
#include <cmath>
#include <vector>

#include "core/alibi.hpp"
#include "core/random.hpp"
#include "positions/scheme_registry.hpp"
#include "support/parsed.hpp"

namespace {

constexpr std::int64_t kStart = 1000;
constexpr int kRows = 12;

pe::ModelShape shape_of(int d_model, int heads) {
  pe::ModelShape shape;
  shape.d_model = d_model, shape.heads = heads;
  return shape;
}

const pe::PositionScheme& scheme(const char* name) {
  return *test_support::value_of(pe::parse_scheme(name));
}

std::vector<float> random_rows(int count, int width, std::uint64_t seed) {
  pe::NormalGenerator normal(seed);
  std::vector<float> rows(static_cast<std::size_t>(count) * width);
  for (float& v : rows) v = static_cast<float>(normal.next());
  return rows;
}

}  // namespace

BOOST_AUTO_TEST_CASE(input_tables_are_the_schemes_own_and_learned_ones_are_left_to_the_model) {
  const pe::ModelShape shape = shape_of(16, 2);
  for (const char* name : {"integer", "binary", "sinusoidal"}) {
    BOOST_TEST_CONTEXT(name) {
      const pe::PositionTerms<float> terms(scheme(name), {}, kStart, kRows, shape);
      std::vector<float> expected(kRows * 16);
      scheme(name).encode({}, kStart, kRows, 16, expected.data());
      BOOST_TEST_REQUIRE(terms.added_table() != nullptr);
      for (int i = 0; i < kRows * 16; ++i) BOOST_TEST(terms.added_table()[i] == expected[i]);
    }
  }
  const pe::PositionTerms<float> learned(scheme("learned"), {}, kStart, kRows, shape);
  BOOST_TEST(learned.learned());
  BOOST_TEST(learned.added_table() == nullptr);
}

BOOST_AUTO_TEST_CASE(rope_turns_queries_and_keys_as_the_registrys_rotate_does_and_back) {
  const pe::ModelShape shape = shape_of(16, 2);  // heads of 8
  for (const auto pairing : {pe::RopePairing::interleaved, pe::RopePairing::half}) {
    pe::SchemeOptions options;
    options.pairing = pairing;
    const pe::PositionTerms<float> terms(scheme("rope"), options, kStart, kRows, shape);
    const std::vector<float> qkv = random_rows(kRows, 48, 5);
    std::vector<float> turned = qkv, expected = qkv;
    terms.rotate(turned.data(), kRows);
    for (int column = 0; column < 32; column += 8)  // two query heads, two key heads
      scheme("rope").rotate(options, kStart, kRows, 8, expected.data() + column, 48);
    for (std::size_t i = 0; i < qkv.size(); ++i) {
      BOOST_TEST(std::abs(turned[i] - expected[i]) <= 4e-7 * (1 + std::abs(expected[i])));
      if (i % 48 >= 32) BOOST_TEST(turned[i] == qkv[i]);  // values are not turned
    }
    terms.rotate_back(turned.data(), kRows);
    for (std::size_t i = 0; i < qkv.size(); ++i) BOOST_TEST(std::abs(turned[i] - qkv[i]) < 1e-5);
  }
}

BOOST_AUTO_TEST_CASE(alibi_biases_each_head_by_the_papers_slope) {
  const pe::ModelShape shape = shape_of(16, 4);
  const pe::PositionTerms<float> terms(scheme("alibi"), {}, kStart, kRows, shape);
  const std::vector<double> slopes = pe::alibi_slopes(4);  // 1/4, 1/16, 1/64, 1/256
  for (int h = 0; h < 4; ++h)
    for (int i = 0; i < kRows; ++i)
      for (int j = 0; j < kRows; ++j)
        BOOST_TEST(terms.bias_row(h, i)[j] == static_cast<float>(-slopes[h] * std::abs(i - j)));
}

BOOST_AUTO_TEST_CASE(schemes_acting_elsewhere_leave_each_stage_alone) {
  const pe::ModelShape shape = shape_of(16, 2);
  const pe::PositionTerms<float> none(pe::no_positions(), {}, kStart, kRows, shape);
  BOOST_TEST(none.added_table() == nullptr);
  BOOST_TEST(none.bias_row(0, 0) == nullptr);
  std::vector<float> qkv = random_rows(kRows, 48, 6);
  const std::vector<float> kept = qkv;
  none.rotate(qkv.data(), kRows);
  BOOST_TEST(qkv == kept);
  const pe::PositionTerms<float> rope(scheme("rope"), {}, kStart, kRows, shape);
  BOOST_TEST(rope.added_table() == nullptr);
  BOOST_TEST(rope.bias_row(0, 0) == nullptr);
}
