#include "core/binary_structure.hpp"

#include <cmath>

#include "core/binary_encoding.hpp"

namespace pe {

namespace {
constexpr int kPositionBits = 31;  // positions are at most 2^31 - 1
}

double flip_period(int index) { return std::ldexp(1.0, index); }

std::int64_t first_repeated_position(int dim) {
  return dim >= kPositionBits ? -1 : std::int64_t{1} << dim;
}

BinaryStructure describe_binary(const PositionRange& range) {
  const std::int64_t count = range.count;
  const int dim = range.dim;
  // The bits come from the encoder itself, so these facts describe exactly what the grid shows.
  std::vector<float> table(static_cast<std::size_t>(range.value_count()));
  encode_binary(range.start, count, dim, table.data());

  BinaryStructure out;
  out.repeats_from = first_repeated_position(dim);
  out.flip_periods.resize(static_cast<std::size_t>(dim));
  for (int i = 0; i < dim; ++i) out.flip_periods[i] = flip_period(i);

  out.same_code_as.resize(static_cast<std::size_t>(count));
  out.hamming.resize(static_cast<std::size_t>(count > 0 ? count - 1 : 0));
  for (std::int64_t r = 0; r < count; ++r) {
    const float* row = table.data() + r * dim;
    std::uint32_t code = 0;
    for (int i = 0; i < dim && i < kPositionBits; ++i)
      code |= static_cast<std::uint32_t>(row[i]) << i;
    out.same_code_as[r] = code;
    if (r + 1 == count) break;
    const float* next = row + dim;
    std::uint8_t differing = 0;
    for (int i = 0; i < dim; ++i) differing += row[i] != next[i];
    out.hamming[r] = differing;
  }
  return out;
}

}  // namespace pe
