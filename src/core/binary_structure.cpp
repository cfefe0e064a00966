#include "core/binary_structure.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include "core/binary_encoding.hpp"

namespace pe {

namespace {
constexpr int kPositionBits = 31;  // positions are at most 2^31 - 1
}

double flip_period(int index) { return std::ldexp(1.0, index); }

std::vector<double> flip_periods(int dim) {
  std::vector<double> periods(static_cast<std::size_t>(dim));
  for (int i = 0; i < dim; ++i) periods[i] = flip_period(i);
  return periods;
}

std::int64_t first_repeated_position(int dim) {
  return dim >= kPositionBits ? -1 : std::int64_t{1} << dim;
}

void describe_binary_rows(const PositionRange& range, std::uint8_t* hamming,
                          std::uint32_t* same_code_as) {
  const int dim = range.dim;
  // The bits come from the encoder itself, so these facts describe exactly what the grid shows.
  std::vector<float> row(static_cast<std::size_t>(dim)), next(row.size());
  if (range.count > 0) encode_binary(range.start, 1, dim, row.data());
  for (std::int64_t r = 0; r < range.count; ++r) {
    std::uint32_t code = 0;
    for (int i = 0; i < dim && i < kPositionBits; ++i)
      code |= static_cast<std::uint32_t>(row[i]) << i;
    same_code_as[r] = code;
    if (r + 1 == range.count) break;
    encode_binary(range.start + r + 1, 1, dim, next.data());
    std::uint8_t differing = 0;
    for (int i = 0; i < dim; ++i) differing += row[i] != next[i];
    hamming[r] = differing;
    std::swap(row, next);
  }
}

BinaryStructure describe_binary_structure(const PositionRange& range,
                                          TableSink<std::uint8_t>& hamming,
                                          TableSink<std::uint32_t>& same_code_as,
                                          const Blocks& blocks) {
  const std::int64_t rows = blocks.values;  // rows of facts at a time: 2^18, 1.25 MiB
  std::vector<std::uint8_t> block_hamming(static_cast<std::size_t>(std::min(rows, range.count)));
  std::vector<std::uint32_t> block_codes(block_hamming.size() + 1);
  for (std::int64_t first = 0; first < range.count; first += rows) {
    const std::int64_t kept = std::min(rows, range.count - first);
    // One row more than kept, where there is one, so the last kept row has its neighbour.
    const std::int64_t described = std::min(kept + 1, range.count - first);
    describe_binary_rows({range.start + first, described, range.dim}, block_hamming.data(),
                         block_codes.data());
    hamming.write(first, block_hamming.data(), described - 1);
    same_code_as.write(first, block_codes.data(), kept);
  }
  return {flip_periods(range.dim), first_repeated_position(range.dim)};
}

}  // namespace pe
