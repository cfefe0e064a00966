// Comparing rows as vectors (lengths, L2 distances, cosine similarities) on tables whose answers
// are known by hand, and the checks on a caller's table before its similarity matrix is built.
#include "analysis/vector_geometry.hpp"

#include <boost/test/unit_test.hpp>
#include <cmath>
#include <limits>
#include <string>
#include <variant>
#include <vector>

#include "analysis/similarity_request.hpp"
#include "core/input_error.hpp"

namespace tt = boost::test_tools;

namespace {

// Five rows of dim 2: a unit vector, one at a right angle, its opposite scaled by 2, a 3-4-5
// triangle and a zero row.
const std::vector<float> kValues = {1, 0, 0, 1, -2, 0, 3, 4, 0, 0};
const pe::TableRows kTable(kValues.data(), 2, 5);

std::string error_of(double length, double dim) {
  const auto parsed = pe::parse_similarity_shape(length, dim);
  BOOST_TEST_REQUIRE(std::holds_alternative<pe::InputError>(parsed));
  BOOST_TEST(static_cast<int>(std::get<pe::InputError>(parsed).kind) ==
             static_cast<int>(pe::ErrorKind::range));
  return std::get<pe::InputError>(parsed).message;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(rows)

BOOST_AUTO_TEST_CASE(norms_are_euclidean_lengths) {
  const std::vector<double> expected = {1, 1, 2, 5, 0};
  BOOST_TEST(kTable.norms() == expected, tt::per_element());
  BOOST_TEST(kTable.norm(3) == 5.0);
}

BOOST_AUTO_TEST_CASE(distances_are_euclidean_and_zero_for_the_same_row) {
  BOOST_TEST(kTable.distance(0, 2) == 3.0);
  BOOST_TEST(kTable.distance(2, 3) == std::sqrt(25.0 + 16.0));
  BOOST_TEST(kTable.distance(3, 3) == 0.0);
}

BOOST_AUTO_TEST_CASE(cosines_follow_the_angle_not_the_length) {
  BOOST_TEST(kTable.cosine(0, 1) == 0.0);
  BOOST_TEST(kTable.cosine(0, 2) == -1.0);
  BOOST_TEST(kTable.cosine(0, 3) == 0.6);
  BOOST_TEST(kTable.cosine(1, 3) == 0.8);
}

BOOST_AUTO_TEST_CASE(a_zero_row_has_cosine_zero_with_every_row_itself_included) {
  for (int r = 0; r < 5; ++r) BOOST_TEST(kTable.cosine(4, r) == 0.0);
}

BOOST_AUTO_TEST_CASE(equal_rows_have_cosine_exactly_one) {
  // Rows of random-looking values, each repeated: dot / (|x| |y|) would miss 1 by an ulp for
  // some of them; dot / sqrt(|x|^2 |y|^2) never does.
  std::vector<float> table;
  for (int r = 0; r < 200; ++r) {
    for (int i = 0; i < 2 * 37; ++i)
      table.push_back(std::sin(static_cast<float>(r * 37 + i % 37)) * 0.02f);
  }
  const pe::TableRows rows(table.data(), 37, 400);
  for (int r = 0; r < 400; r += 2) {
    BOOST_TEST_REQUIRE(rows.cosine(r, r + 1) == 1.0);
    BOOST_TEST_REQUIRE(rows.distance(r, r + 1) == 0.0);
  }
}

BOOST_AUTO_TEST_CASE(nearly_parallel_rows_are_clamped_to_one) {
  // Two rows a float32 ulp or so apart: their cosine computes to 1.0000000000000002 unclamped.
  const std::vector<float> table = {0.5879676342010498f,   0.04382352903485298f,
                                    -0.03544679284095764f, 0.5879676938056946f,
                                    0.04382353276014328f,  -0.03544679656624794f};
  const pe::TableRows rows(table.data(), 3, 2);
  BOOST_TEST(rows.cosine(0, 1) == 1.0);
  BOOST_TEST(rows.distance(0, 1) > 0.0);
}

BOOST_AUTO_TEST_CASE(the_cosine_matrix_is_symmetric_and_holds_every_pair) {
  const std::vector<double> matrix = kTable.cosine_matrix();
  BOOST_TEST_REQUIRE(matrix.size() == 25u);
  for (int a = 0; a < 5; ++a) {
    for (int b = 0; b < 5; ++b) {
      BOOST_TEST_CONTEXT("rows " << a << ", " << b) {
        BOOST_TEST(matrix[a * 5 + b] == kTable.cosine(a, b));
        BOOST_TEST(matrix[a * 5 + b] == matrix[b * 5 + a]);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(the_dot_matrix_holds_every_pair_s_dot_product) {
  // Rows (1, 0), (0, 1), (-2, 0), (3, 4), (0, 0), by hand.
  const std::vector<double> expected = {1,  0, -2, 3, 0,  0,  1, 0, 4, 0, -2, 0, 4,
                                        -6, 0, 3,  4, -6, 25, 0, 0, 0, 0, 0,  0};
  BOOST_TEST(kTable.dot_matrix() == expected, tt::per_element());
}

BOOST_AUTO_TEST_CASE(diagonal_ranges_hold_the_smallest_and_largest_entry_at_each_offset) {
  // Offset 0: 1, 1, 4, 25, 0; offset 1: 0, 0, -6, 0; offset 2: -2, 4, 0; offset 3: 3, 0;
  // offset 4: 0.
  const auto ranges = pe::diagonal_ranges(kTable.dot_matrix(), 5);
  const std::vector<double> low = {0, -6, -2, 0, 0}, high = {25, 0, 4, 3, 0};
  BOOST_TEST(ranges.low == low, tt::per_element());
  BOOST_TEST(ranges.high == high, tt::per_element());
  BOOST_TEST(!ranges.offset_only);  // offset 0 alone spreads from 0 to 25
}

// The sinusoidal encoding's Gram matrix: PE(i) . PE(j) = sum_k cos((i - j) w_k) (sin a sin b +
// cos a cos b = cos(a - b)), the same along each diagonal, from a table computed here.
BOOST_AUTO_TEST_CASE(a_table_of_sinusoids_has_the_same_dot_product_all_along_each_diagonal) {
  constexpr int kDim = 32, kRows = 100;
  std::vector<float> table(kRows * kDim);
  for (int r = 0; r < kRows; ++r) {
    for (int k = 0; k < kDim / 2; ++k) {
      const long double angle = (1000 + r) * std::exp(-(2.0L * k / kDim) * std::log(10000.0L));
      table[r * kDim + 2 * k] = static_cast<float>(std::sin(angle));
      table[r * kDim + 2 * k + 1] = static_cast<float>(std::cos(angle));
    }
  }
  const auto ranges =
      pe::diagonal_ranges(pe::TableRows(table.data(), kDim, kRows).dot_matrix(), kRows);
  double widest = 0;
  for (int offset = 0; offset < kRows; ++offset) {
    long double expected = 0;
    for (int k = 0; k < kDim / 2; ++k)
      expected += std::cos(offset * std::exp(-(2.0L * k / kDim) * std::log(10000.0L)));
    BOOST_TEST_CONTEXT("offset " << offset) {
      BOOST_TEST(std::fabs(ranges.low[offset] - static_cast<double>(expected)) <= 1e-5);
      BOOST_TEST(std::fabs(ranges.high[offset] - static_cast<double>(expected)) <= 1e-5);
    }
    widest = std::max(widest, ranges.high[offset] - ranges.low[offset]);
  }
  BOOST_TEST_MESSAGE("widest diagonal: " << widest << ", allowed "
                                         << 4 * pe::kFloat32Unit * kDim / 2);
  BOOST_TEST(widest <= 1e-5);
  BOOST_TEST(ranges.offset_only);  // within 4 u |PE|^2 = 4 u d/2
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(similarity_request)

BOOST_AUTO_TEST_CASE(a_length_of_whole_rows_gives_the_shape) {
  const auto parsed = pe::parse_similarity_shape(10, 2);
  BOOST_TEST_REQUIRE(std::holds_alternative<pe::SimilarityShape>(parsed));
  BOOST_TEST(std::get<pe::SimilarityShape>(parsed).rows == 5);
  BOOST_TEST(std::get<pe::SimilarityShape>(parsed).dim == 2);
}

BOOST_AUTO_TEST_CASE(dim_must_be_a_whole_number_in_range) {
  BOOST_TEST(error_of(10, 0) == "dim must be an integer from 1 to 4096; received 0");
  BOOST_TEST(error_of(10, 2.5) == "dim must be an integer from 1 to 4096; received 2.5");
  BOOST_TEST(error_of(10, 4097) == "dim must be an integer from 1 to 4096; received 4097");
}

BOOST_AUTO_TEST_CASE(the_length_must_be_whole_rows) {
  BOOST_TEST(error_of(10, 3) ==
             "data's length must be a positive multiple of dim = 3; received 10 values");
  BOOST_TEST(error_of(0, 1) ==
             "data's length must be a positive multiple of dim = 1; received 0 values");
}

BOOST_AUTO_TEST_CASE(at_most_2048_rows) {
  BOOST_TEST(std::holds_alternative<pe::SimilarityShape>(pe::parse_similarity_shape(2048 * 3, 3)));
  BOOST_TEST(error_of(2049 * 3, 3) ==
             "data must have at most 2048 rows; received 2049 rows (6147 values at dim = 3)");
  // Refused from the length alone: a table this size is never copied.
  BOOST_TEST(error_of(4e9, 1) ==
             "data must have at most 2048 rows; received 4000000000 rows "
             "(4000000000 values at dim = 1)");
}

BOOST_AUTO_TEST_CASE(every_value_must_be_finite) {
  std::vector<float> table = kValues;
  BOOST_TEST(!pe::find_non_finite(table.data(), table.size()).has_value());
  table[7] = std::numeric_limits<float>::quiet_NaN();
  BOOST_TEST(pe::find_non_finite(table.data(), table.size())->message ==
             "every value of data must be a finite number; data[7] is NaN");
  table[7] = -std::numeric_limits<float>::infinity();
  BOOST_TEST(pe::find_non_finite(table.data(), table.size())->message ==
             "every value of data must be a finite number; data[7] is -Infinity");
}

BOOST_AUTO_TEST_SUITE_END()
