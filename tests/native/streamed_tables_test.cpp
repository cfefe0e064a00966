// Tables streamed through caller tables (core/caller_table.hpp), as the wasm bindings stream them
// into JS arrays: every streamed table, cut into blocks (or tiles) of any size, holds exactly the
// values the whole computation gives, and an input's bad value is named by its index in the whole
// table wherever the block it falls in starts.
#define BOOST_TEST_MODULE streamed_tables

#include <boost/test/unit_test.hpp>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <variant>
#include <vector>

#include "analysis/similarity_request.hpp"
#include "analysis/vector_geometry.hpp"
#include "core/binary_structure.hpp"
#include "core/caller_table.hpp"
#include "core/rope_request.hpp"
#include "core/smooth_bits.hpp"
#include "positions/encode_request.hpp"
#include "support/parsed.hpp"

using test_support::value_of;

namespace {

template <typename T>
bool same_bits(const std::vector<T>& a, const std::vector<T>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(T)) == 0;
}

// Values in (-1, 1) that differ from row to row.
std::vector<float> table_of(int rows, int dim) {
  std::vector<float> values(static_cast<std::size_t>(rows) * dim);
  for (std::size_t e = 0; e < values.size(); ++e) values[e] = static_cast<float>(std::sin(e * 0.7));
  return values;
}

pe::EncodeRequest encode_request(const char* scheme, double start, double count, double dim) {
  pe::RawEncodeRequest raw;
  raw.scheme = scheme;
  raw.start = start;
  raw.count = count;
  raw.dim = dim;
  return value_of(pe::parse_encode_request(raw));
}

}  // namespace

BOOST_AUTO_TEST_CASE(an_exact_encoding_streamed_in_blocks_of_any_rows_is_the_whole_table) {
  for (const char* scheme : {"integer", "binary"}) {
    const pe::EncodeRequest request = encode_request(scheme, 250, 37, 9);
    std::vector<float> whole(static_cast<std::size_t>(request.range.value_count()));
    pe::encode(request, whole.data());
    for (const std::int64_t rows : {1, 5, 36, 37, 500}) {
      BOOST_TEST_CONTEXT(scheme << " in blocks of " << rows << " rows") {
        pe::VectorSink<float> streamed;
        pe::encode(request, streamed, pe::Blocks{rows * 9, 1});
        BOOST_TEST(same_bits(streamed.values(), whole));
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(a_sinusoidal_table_in_blocks_of_whole_anchor_runs_is_the_whole_table) {
  // The encoder re-anchors its angles every 256 rows from where a call starts, so blocks of a
  // multiple of 256 rows keep the anchors of one call.
  const pe::EncodeRequest request = encode_request("sinusoidal", 1000, 700, 6);
  std::vector<float> whole(static_cast<std::size_t>(request.range.value_count()));
  pe::encode(request, whole.data());
  pe::VectorSink<float> streamed;
  pe::encode(request, streamed, pe::Blocks{256 * 6, 256});
  BOOST_TEST(same_bits(streamed.values(), whole));
}

BOOST_AUTO_TEST_CASE(smooth_bits_streamed_in_blocks_are_the_whole_table) {
  pe::RawSmoothBits raw;
  raw.start = 60;
  raw.count = 9;
  raw.dim = 5;
  raw.samples_per_position = 3;
  const pe::SmoothBitsRequest request = value_of(pe::parse(raw));
  std::vector<float> whole(static_cast<std::size_t>(request.sample_count() * request.dim));
  pe::encode_smooth_bits(request, whole.data());
  for (const std::int64_t rows : {1, 4, 28, 100}) {
    pe::VectorSink<float> streamed;
    pe::encode_smooth_bits(request, streamed, pe::Blocks{rows * 5, 1});
    BOOST_TEST(same_bits(streamed.values(), whole), "blocks of " << rows << " samples");
  }
}

BOOST_AUTO_TEST_CASE(the_binary_structure_in_blocks_has_every_neighbour_across_block_edges) {
  const pe::PositionRange range{120, 20, 8};  // 127 -> 128 falls inside, 8 bits flip
  std::vector<std::uint8_t> hamming(19);
  std::vector<std::uint32_t> codes(20);
  pe::describe_binary_rows(range, hamming.data(), codes.data());
  for (const std::int64_t rows : {1, 3, 7, 19, 20, 64}) {
    BOOST_TEST_CONTEXT("blocks of " << rows << " rows") {
      pe::VectorSink<std::uint8_t> streamed_hamming;
      pe::VectorSink<std::uint32_t> streamed_codes;
      const pe::BinaryStructure facts = pe::describe_binary_structure(
          range, streamed_hamming, streamed_codes, pe::Blocks{rows, 1});
      BOOST_TEST(streamed_hamming.values() == hamming, boost::test_tools::per_element());
      BOOST_TEST(streamed_codes.values() == codes, boost::test_tools::per_element());
      BOOST_TEST(facts.repeats_from == 256);
      BOOST_TEST(facts.flip_periods == pe::flip_periods(8), boost::test_tools::per_element());
    }
  }
}

namespace {

pe::RotateRequest rotate_request(std::vector<float> rows, int dim, double start) {
  pe::RawRotateRequest raw;
  raw.data = pe::VectorTable::of(std::move(rows));
  raw.rope.dim = dim;
  raw.rope.base = 500;
  raw.rope.pairing = "half";
  raw.start = start;
  return value_of(pe::parse(raw));
}

}  // namespace

BOOST_AUTO_TEST_CASE(rotated_rows_streamed_in_blocks_are_the_rows_rotated_whole) {
  const std::vector<float> rows = table_of(600, 4);
  const pe::RotateRequest request = rotate_request(rows, 4, 77);
  std::vector<float> whole = rows;
  const auto theta = pe::rope_frequencies(4, 500, {}).frequencies;
  pe::rotate_rows(theta, pe::RopePairing::half, 77, 600, 4, whole.data(), 4);
  pe::VectorSink<float> streamed;
  BOOST_TEST(!pe::rotate(request, streamed, pe::Blocks{256 * 4, 256}).has_value());
  BOOST_TEST(same_bits(streamed.values(), whole));
}

BOOST_AUTO_TEST_CASE(a_bad_value_in_a_later_block_is_named_by_its_index_in_the_whole_table) {
  std::vector<float> rows = table_of(10, 4);
  rows[29] = std::numeric_limits<float>::infinity();
  for (const std::int64_t block_rows : {1, 3, 10}) {
    pe::VectorSink<float> streamed;
    const auto error =
        pe::rotate(rotate_request(rows, 4, 0), streamed, pe::Blocks{block_rows * 4, 1});
    BOOST_TEST_REQUIRE(error.has_value());
    BOOST_TEST(error->message ==
               "every value of data must be a finite number; data[29] is Infinity");
  }
}

namespace {

pe::SimilarityRequest similarity_request(std::vector<float> values, int dim, int tile) {
  pe::RawSimilarityRequest raw{pe::VectorTable::of(std::move(values)), static_cast<double>(dim)};
  return value_of(pe::parse(raw, tile));
}

}  // namespace

BOOST_AUTO_TEST_CASE(similarity_matrices_in_tiles_of_any_size_are_the_whole_matrices) {
  const std::vector<float> values = table_of(11, 5);
  const pe::TableRows rows(values.data(), 5, 11);
  const std::vector<double> cosines = rows.cosine_matrix();
  const std::vector<double> dots = rows.dot_matrix();
  const pe::DiagonalRanges ranges = pe::diagonal_ranges(dots, 11);
  for (const int tile : {1, 2, 3, 4, 11, 256}) {
    BOOST_TEST_CONTEXT("tiles of " << tile << " rows") {
      const pe::SimilarityRequest request = similarity_request(values, 5, tile);
      pe::VectorSink<double> cosine_tiles, dot_tiles;
      pe::cosine_similarities(request, cosine_tiles, tile);
      const pe::DiagonalRanges tracked = pe::dot_products(request, dot_tiles, tile);
      BOOST_TEST(same_bits(cosine_tiles.values(), cosines));
      BOOST_TEST(same_bits(dot_tiles.values(), dots));
      BOOST_TEST(same_bits(tracked.low, ranges.low));
      BOOST_TEST(same_bits(tracked.high, ranges.high));
      BOOST_TEST(tracked.offset_only == ranges.offset_only);
    }
  }
}

BOOST_AUTO_TEST_CASE(a_table_with_a_bad_value_is_refused_naming_it_whatever_the_tiles) {
  std::vector<float> values = table_of(7, 3);
  values[17] = std::numeric_limits<float>::quiet_NaN();
  for (const int tile : {1, 2, 7}) {
    pe::RawSimilarityRequest raw{pe::VectorTable::of(values), 3};
    const auto parsed = pe::parse(raw, tile);
    BOOST_TEST_REQUIRE(std::holds_alternative<pe::InputError>(parsed));
    BOOST_TEST(std::get<pe::InputError>(parsed).message ==
               "every value of data must be a finite number; data[17] is NaN");
  }
}
