// Comparing rows as vectors (lengths, L2 distances, cosine similarities) on tables whose answers
// are known by hand, and the checks on a caller's table before its similarity matrix is built.
#define BOOST_TEST_MODULE vector_geometry
#include "analysis/vector_geometry.hpp"

#include <boost/test/unit_test.hpp>
#include <cmath>
#include <limits>
#include <string>
#include <variant>
#include <vector>

#include "analysis/similarity_request.hpp"

namespace tt = boost::test_tools;

namespace {

// Five rows of dim 2: a unit vector, one at a right angle, its opposite scaled by 2, a 3-4-5
// triangle and a zero row.
const std::vector<float> kRows = {1, 0, 0, 1, -2, 0, 3, 4, 0, 0};

std::string error_of(std::vector<float> table, double dim) {
  const auto parsed = pe::parse_similarity_request(std::move(table), dim);
  BOOST_TEST_REQUIRE(std::holds_alternative<pe::InputError>(parsed));
  BOOST_TEST(static_cast<int>(std::get<pe::InputError>(parsed).kind) ==
             static_cast<int>(pe::ErrorKind::range));
  return std::get<pe::InputError>(parsed).message;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(rows)

BOOST_AUTO_TEST_CASE(norms_are_euclidean_lengths) {
  const std::vector<double> expected = {1, 1, 2, 5, 0};
  BOOST_TEST(pe::row_norms(kRows.data(), 2, 5) == expected, tt::per_element());
}

BOOST_AUTO_TEST_CASE(distances_are_euclidean_and_zero_for_the_same_row) {
  BOOST_TEST(pe::row_distance(kRows.data(), 2, 0, 2) == 3.0);
  BOOST_TEST(pe::row_distance(kRows.data(), 2, 2, 3) == std::sqrt(25.0 + 16.0));
  BOOST_TEST(pe::row_distance(kRows.data(), 2, 3, 3) == 0.0);
}

BOOST_AUTO_TEST_CASE(cosines_follow_the_angle_not_the_length) {
  BOOST_TEST(pe::row_cosine(kRows.data(), 2, 0, 1) == 0.0);
  BOOST_TEST(pe::row_cosine(kRows.data(), 2, 0, 2) == -1.0);
  BOOST_TEST(pe::row_cosine(kRows.data(), 2, 0, 3) == 0.6);
  BOOST_TEST(pe::row_cosine(kRows.data(), 2, 1, 3) == 0.8);
}

BOOST_AUTO_TEST_CASE(a_zero_row_has_cosine_zero_with_every_row) {
  for (int r = 0; r < 5; ++r) BOOST_TEST(pe::row_cosine(kRows.data(), 2, 4, r) == 0.0);
}

BOOST_AUTO_TEST_CASE(cosines_of_equal_rows_are_clamped_to_one) {
  // 0.1 has no exact float, and the sums round: unclamped, this cosine comes out above 1.
  const std::vector<float> same(2 * 300, 0.1f);
  BOOST_TEST(pe::row_cosine(same.data(), 300, 0, 1) == 1.0);
  BOOST_TEST(pe::row_distance(same.data(), 300, 0, 1) == 0.0);
}

BOOST_AUTO_TEST_CASE(the_cosine_matrix_is_symmetric_and_holds_every_pair) {
  const std::vector<double> matrix = pe::cosine_matrix(kRows.data(), 2, 5);
  BOOST_TEST_REQUIRE(matrix.size() == 25u);
  for (int a = 0; a < 5; ++a) {
    for (int b = 0; b < 5; ++b) {
      BOOST_TEST_CONTEXT("rows " << a << ", " << b) {
        BOOST_TEST(matrix[a * 5 + b] == pe::row_cosine(kRows.data(), 2, a, b));
        BOOST_TEST(matrix[a * 5 + b] == matrix[b * 5 + a]);
      }
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(similarity_request)

BOOST_AUTO_TEST_CASE(a_table_of_whole_rows_is_accepted) {
  const auto parsed = pe::parse_similarity_request(kRows, 2);
  BOOST_TEST_REQUIRE(std::holds_alternative<pe::SimilarityRequest>(parsed));
  const auto& request = std::get<pe::SimilarityRequest>(parsed);
  BOOST_TEST(request.rows == 5);
  BOOST_TEST(request.dim == 2);
  BOOST_TEST(request.table == kRows, tt::per_element());
}

BOOST_AUTO_TEST_CASE(dim_must_be_a_whole_number_in_range) {
  BOOST_TEST(error_of(kRows, 0) == "dim must be an integer from 1 to 4096; received 0");
  BOOST_TEST(error_of(kRows, 2.5) == "dim must be an integer from 1 to 4096; received 2.5");
  BOOST_TEST(error_of(kRows, 4097) == "dim must be an integer from 1 to 4096; received 4097");
}

BOOST_AUTO_TEST_CASE(the_table_must_split_into_whole_rows) {
  BOOST_TEST(error_of(kRows, 3) ==
             "data must hold whole rows of dim = 3 values, at least one; received 10 values");
  BOOST_TEST(error_of({}, 1) ==
             "data must hold whole rows of dim = 1 values, at least one; received 0 values");
}

BOOST_AUTO_TEST_CASE(at_most_2048_rows) {
  BOOST_TEST(std::holds_alternative<pe::SimilarityRequest>(
      pe::parse_similarity_request(std::vector<float>(2048 * 3), 3)));
  BOOST_TEST(error_of(std::vector<float>(2049 * 3), 3) ==
             "data must have at most 2048 rows; received 2049 rows of 3");
}

BOOST_AUTO_TEST_CASE(every_value_must_be_finite) {
  std::vector<float> table = kRows;
  table[7] = std::numeric_limits<float>::quiet_NaN();
  BOOST_TEST(error_of(table, 2) == "every value of data must be a finite number; data[7] is NaN");
  table[7] = std::numeric_limits<float>::infinity();
  BOOST_TEST(error_of(table, 2) ==
             "every value of data must be a finite number; data[7] is Infinity");
}

BOOST_AUTO_TEST_SUITE_END()
