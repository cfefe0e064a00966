// The lecture's binary encoding: dimension i is bit i of the position, i = 0 the least
// significant bit (the lecture's "index 1"), so the lecture's index k is dimension k - 1.
#include "core/binary_encoding.hpp"

#include <boost/test/unit_test.hpp>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace {

constexpr std::int64_t kMaxPosition = 2147483647;  // 2^31 - 1

// out is (count, dim), row-major.
std::vector<float> binary_table(std::int64_t start, std::int64_t count, int dim) {
  std::vector<float> out(static_cast<std::size_t>(count * dim));
  pe::encode_binary(start, count, dim, out.data());
  return out;
}

// Row r of a table as the lecture writes it: most significant bit (index 8) first.
std::string msb_first(const std::vector<float>& table, int dim, int r) {
  std::string bits;
  for (int i = dim - 1; i >= 0; --i) bits += table[r * dim + i] == 1.0f ? '1' : '0';
  return bits;
}

// Reads a row back as a number: sum of bit i times 2^i.
std::int64_t decode(const std::vector<float>& table, int dim, std::int64_t r) {
  std::int64_t position = 0;
  for (int i = 0; i < dim; ++i) position += static_cast<std::int64_t>(table[r * dim + i]) << i;
  return position;
}

}  // namespace

BOOST_AUTO_TEST_CASE(position_200_with_8_bits_is_11001000) {
  const std::vector<float> lsb_first{0, 0, 0, 1, 0, 0, 1, 1};
  const auto table = binary_table(200, 1, 8);
  BOOST_TEST(table == lsb_first, boost::test_tools::per_element());
  BOOST_TEST(msb_first(table, 8, 0) == "11001000");
}

BOOST_AUTO_TEST_CASE(positions_64_to_75_match_the_lecture_table) {
  const std::vector<std::pair<int, std::string>> lecture_table{
      {64, "01000000"}, {65, "01000001"}, {66, "01000010"}, {67, "01000011"},
      {68, "01000100"}, {69, "01000101"}, {70, "01000110"}, {71, "01000111"},
      {72, "01001000"}, {73, "01001001"}, {74, "01001010"}, {75, "01001011"},
  };
  const auto table = binary_table(64, 12, 8);
  for (int r = 0; r < 12; ++r) {
    BOOST_TEST_CONTEXT("position " << lecture_table[r].first) {
      BOOST_TEST(msb_first(table, 8, r) == lecture_table[r].second);
    }
  }
}

BOOST_AUTO_TEST_CASE(every_value_is_0_or_1) {
  for (const float value : binary_table(0, 1024, 16)) BOOST_TEST((value == 0.0f || value == 1.0f));
}

BOOST_AUTO_TEST_CASE(index_1_flips_every_position) {
  const auto table = binary_table(0, 300, 8);
  for (int p = 0; p + 1 < 300; ++p) BOOST_TEST(table[(p + 1) * 8] != table[p * 8]);
}

BOOST_AUTO_TEST_CASE(index_k_flips_every_2_to_the_k_minus_1_positions) {
  constexpr int kDim = 8;
  const auto table = binary_table(0, 1024, kDim);
  for (int k = 1; k <= kDim; ++k) {
    const int period = 1 << (k - 1);
    for (int p = 0; p + 1 < 1024; ++p) {
      const bool flips = table[(p + 1) * kDim + (k - 1)] != table[p * kDim + (k - 1)];
      BOOST_TEST_CONTEXT("index " << k << ", position " << p << " -> " << p + 1) {
        BOOST_TEST(flips == ((p + 1) % period == 0));
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(indices_5_to_8_are_constant_inside_64_to_75) {
  const auto table = binary_table(64, 12, 8);
  for (int r = 1; r < 12; ++r) {
    for (int i = 4; i < 8; ++i) BOOST_TEST(table[r * 8 + i] == table[i]);
  }
}

BOOST_AUTO_TEST_CASE(each_row_decodes_back_to_its_position) {
  for (const std::int64_t start : {std::int64_t{0}, std::int64_t{1} << 24, kMaxPosition - 4095}) {
    const auto table = binary_table(start, 4096, 31);
    for (std::int64_t r = 0; r < 4096; ++r) BOOST_TEST(decode(table, 31, r) == start + r);
  }
}

BOOST_AUTO_TEST_CASE(dims_past_30_are_always_0) {
  const auto table = binary_table(kMaxPosition - 99, 100, 64);
  for (int r = 0; r < 100; ++r) {
    for (int i = 31; i < 64; ++i) BOOST_TEST(table[r * 64 + i] == 0.0f);
  }
}

BOOST_AUTO_TEST_CASE(position_2_to_the_31_minus_1_is_31_ones) {
  const auto table = binary_table(kMaxPosition, 1, 31);
  BOOST_TEST(table == std::vector<float>(31, 1.0f), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(position_256_with_8_bits_looks_like_position_0) {
  BOOST_TEST(binary_table(256, 1, 8) == binary_table(0, 1, 8), boost::test_tools::per_element());
  BOOST_TEST(binary_table(256 + 200, 1, 8) == binary_table(200, 1, 8),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(neighbours_are_unevenly_far_apart) {
  const auto table = binary_table(127, 3, 8);
  int flips_127_to_128 = 0, flips_128_to_129 = 0;
  for (int i = 0; i < 8; ++i) {
    flips_127_to_128 += table[i] != table[8 + i];
    flips_128_to_129 += table[8 + i] != table[16 + i];
  }
  BOOST_TEST(flips_127_to_128 == 8);
  BOOST_TEST(flips_128_to_129 == 1);
}
