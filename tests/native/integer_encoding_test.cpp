// The lecture's first attempt: write the position itself into every dimension.
#include "core/integer_encoding.hpp"

#include <boost/test/unit_test.hpp>
#include <cmath>
#include <cstdint>
#include <vector>

namespace {

// out is (count, dim), row-major.
std::vector<float> integer_table(std::int64_t start, std::int64_t count, int dim) {
  std::vector<float> out(static_cast<std::size_t>(count * dim));
  pe::encode_integer(start, count, dim, out.data());
  return out;
}

std::vector<float> row_of(const std::vector<float>& table, int dim, int r) {
  return {table.begin() + r * dim, table.begin() + (r + 1) * dim};
}

}  // namespace

BOOST_AUTO_TEST_CASE(position_200_with_8_dims_is_200_repeated_8_times) {
  const std::vector<float> expected(8, 200.0f);
  BOOST_TEST(integer_table(200, 1, 8) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(the_next_positions_are_201_202_203) {
  const auto table = integer_table(200, 4, 8);
  for (int r = 0; r < 4; ++r) {
    const std::vector<float> expected(8, static_cast<float>(200 + r));
    BOOST_TEST(row_of(table, 8, r) == expected, boost::test_tools::per_element());
  }
}

BOOST_AUTO_TEST_CASE(the_norm_is_the_position_times_sqrt_dim) {
  for (const int dim : {1, 8, 512}) {
    const auto table = integer_table(0, 1024, dim);
    for (int p = 0; p < 1024; ++p) {
      double squares = 0;
      for (const float value : row_of(table, dim, p)) squares += static_cast<double>(value) * value;
      BOOST_TEST(std::sqrt(squares) == p * std::sqrt(static_cast<double>(dim)),
                 boost::test_tools::tolerance(1e-12));
    }
  }
}

// The lecture's point: with a context of 1024 the values reach 1023, far above the ~0.02 scale
// of token embeddings.
BOOST_AUTO_TEST_CASE(a_context_of_1024_reaches_1023) {
  const auto table = integer_table(0, 1024, 8);
  BOOST_TEST(table.back() == 1023.0f);
}

BOOST_AUTO_TEST_CASE(positions_up_to_2_to_the_24_are_exact_in_float32) {
  const auto table = integer_table(16777214, 3, 2);
  BOOST_TEST(table[0] == 16777214.0f);
  BOOST_TEST(table[2] == 16777215.0f);
  BOOST_TEST(table[4] == 16777216.0f);
}
