#include "core/binary_encoding.hpp"

#include <algorithm>

namespace pe {

namespace {
constexpr int kPositionBits = 31;  // positions are at most 2^31 - 1
}

void encode_binary(std::int64_t start, std::int64_t count, int dim, float* out) {
  const int live_bits = std::min(dim, kPositionBits);
  for (std::int64_t r = 0; r < count; ++r) {
    const auto position = static_cast<std::uint32_t>(start + r);
    float* row = out + r * dim;
    for (int i = 0; i < live_bits; ++i) row[i] = static_cast<float>((position >> i) & 1u);
    std::fill(row + live_bits, row + dim, 0.0f);
  }
}

}  // namespace pe
