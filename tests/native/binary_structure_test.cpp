// The binary encoding's limits, read off its own table: uneven jumps between neighbours, codes
// that repeat from 2^d on, and the flip period of each index. Index i is 0-based in code; the
// lecture's index k is i = k - 1.
#include "core/binary_structure.hpp"

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cstdint>
#include <vector>

#include "core/binary_encoding.hpp"

namespace {

constexpr std::int64_t kMaxPosition = 2147483647;  // 2^31 - 1

// The facts of a whole range at once, as the tests read them.
struct Structure {
  std::vector<std::uint8_t> hamming;
  std::vector<std::uint32_t> same_code_as;
  std::vector<double> flip_periods;
  std::int64_t repeats_from;
};

Structure describe(std::int64_t start, std::int64_t count, int dim) {
  Structure structure{std::vector<std::uint8_t>(count > 0 ? count - 1 : 0),
                      std::vector<std::uint32_t>(count), pe::flip_periods(dim),
                      pe::first_repeated_position(dim)};
  pe::describe_binary_rows({start, count, dim}, structure.hamming.data(),
                           structure.same_code_as.data());
  return structure;
}

std::vector<float> binary_row(std::int64_t position, int dim) {
  std::vector<float> row(static_cast<std::size_t>(dim));
  pe::encode_binary(position, 1, dim, row.data());
  return row;
}

// Independent reference: the bits that differ between p and p + 1 are the set bits of p XOR
// (p + 1), limited to the lowest dim bits.
int reference_hamming(std::int64_t p, int dim) {
  const std::uint64_t mask = (std::uint64_t{1} << dim) - 1;
  return __builtin_popcountll((static_cast<std::uint64_t>(p) ^ static_cast<std::uint64_t>(p + 1)) &
                              mask);
}

}  // namespace

BOOST_AUTO_TEST_CASE(from_127_to_128_all_8_bits_flip) {
  const auto structure = describe(127, 2, 8);
  BOOST_TEST(structure.hamming.size() == 1u);
  BOOST_TEST(structure.hamming[0] == 8);
}

BOOST_AUTO_TEST_CASE(from_128_to_129_one_bit_flips) {
  BOOST_TEST(describe(128, 2, 8).hamming[0] == 1);
}

BOOST_AUTO_TEST_CASE(hamming_distances_match_the_xor_of_neighbouring_positions) {
  for (const int dim : {1, 8, 16, 31}) {
    const std::int64_t start = dim == 31 ? kMaxPosition - 4095 : 0;
    const auto structure = describe(start, 4096, dim);
    BOOST_TEST(structure.hamming.size() == 4095u);
    for (std::int64_t r = 0; r < 4095; ++r) {
      BOOST_TEST_CONTEXT("dim " << dim << ", position " << start + r) {
        BOOST_TEST(structure.hamming[r] == reference_hamming(start + r, dim));
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(half_of_all_steps_flip_exactly_one_bit) {
  const auto structure = describe(0, 257, 8);
  int one_bit_steps = 0;
  for (const auto bits : structure.hamming) one_bit_steps += bits == 1;
  BOOST_TEST(one_bit_steps == 128);
}

BOOST_AUTO_TEST_CASE(a_table_of_one_or_no_rows_has_no_steps) {
  BOOST_TEST(describe(5, 1, 8).hamming.empty());
  BOOST_TEST(describe(5, 0, 8).hamming.empty());
  BOOST_TEST(describe(5, 0, 8).same_code_as.empty());
}

BOOST_AUTO_TEST_CASE(position_256_looks_like_position_0_with_8_bits) {
  BOOST_TEST(pe::first_repeated_position(8) == 256);
  BOOST_TEST(binary_row(256, 8) == binary_row(0, 8), boost::test_tools::per_element());
  const auto structure = describe(250, 20, 8);
  BOOST_TEST(structure.repeats_from == 256);
  for (std::int64_t r = 0; r < 20; ++r) {
    const std::int64_t position = 250 + r;
    BOOST_TEST_CONTEXT("position " << position) {
      BOOST_TEST(structure.same_code_as[r] == (position < 256 ? position : position - 256));
    }
  }
}

BOOST_AUTO_TEST_CASE(the_first_2_to_the_d_positions_all_have_different_codes) {
  for (const int dim : {1, 4, 8, 12}) {
    const std::int64_t distinct = pe::first_repeated_position(dim);
    const auto structure = describe(0, distinct + 1, dim);
    std::vector<bool> seen(static_cast<std::size_t>(distinct), false);
    for (std::int64_t r = 0; r < distinct; ++r) {
      BOOST_TEST(structure.same_code_as[r] == r);
      seen[structure.same_code_as[r]] = true;
    }
    BOOST_TEST(std::count(seen.begin(), seen.end(), true) == distinct);
    BOOST_TEST_CONTEXT("dim " << dim) { BOOST_TEST(structure.same_code_as[distinct] == 0u); }
  }
}

BOOST_AUTO_TEST_CASE(with_31_bits_no_position_repeats) {
  BOOST_TEST(pe::first_repeated_position(31) == -1);
  BOOST_TEST(pe::first_repeated_position(64) == -1);
  const auto structure = describe(kMaxPosition - 9, 10, 31);
  for (std::int64_t r = 0; r < 10; ++r)
    BOOST_TEST(structure.same_code_as[r] == kMaxPosition - 9 + r);
}

BOOST_AUTO_TEST_CASE(index_k_flips_every_2_to_the_k_minus_1_positions) {
  constexpr int kDim = 8;
  const auto structure = describe(0, 1, kDim);
  const std::vector<double> expected{1, 2, 4, 8, 16, 32, 64, 128};
  BOOST_TEST(structure.flip_periods == expected, boost::test_tools::per_element());

  // The periods agree with the encoder: index k changes exactly when p + 1 is a multiple of
  // 2^(k-1).
  std::vector<float> table(1024 * kDim);
  pe::encode_binary(0, 1024, kDim, table.data());
  for (int i = 0; i < kDim; ++i) {
    const auto period = static_cast<std::int64_t>(structure.flip_periods[i]);
    for (std::int64_t p = 0; p + 1 < 1024; ++p) {
      const bool flips = table[(p + 1) * kDim + i] != table[p * kDim + i];
      BOOST_TEST_CONTEXT("index " << i + 1 << ", " << p << " -> " << p + 1) {
        BOOST_TEST(flips == ((p + 1) % period == 0));
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(a_range_described_in_blocks_matches_the_range_described_whole) {
  // What the wasm bindings do: blocks of 5 rows, each with one row more for the last neighbour.
  const auto whole = describe(120, 23, 8);
  std::vector<std::uint8_t> hamming(22);
  std::vector<std::uint32_t> same_code_as(23), block_codes(6);
  for (std::int64_t first = 0; first < 23; first += 5) {
    const std::int64_t kept = std::min<std::int64_t>(5, 23 - first);
    const std::int64_t rows = std::min<std::int64_t>(kept + 1, 23 - first);
    pe::describe_binary_rows({120 + first, rows, 8}, hamming.data() + first, block_codes.data());
    std::copy(block_codes.begin(), block_codes.begin() + kept, same_code_as.begin() + first);
  }
  BOOST_TEST(hamming == whole.hamming, boost::test_tools::per_element());
  BOOST_TEST(same_code_as == whole.same_code_as, boost::test_tools::per_element());
}
