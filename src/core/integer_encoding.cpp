#include "core/integer_encoding.hpp"

#include <algorithm>

namespace pe {

void encode_integer(std::int64_t start, std::int64_t count, int dim, float* out) {
  for (std::int64_t r = 0; r < count; ++r) {
    float* row = out + r * dim;
    std::fill(row, row + dim, static_cast<float>(start + r));
  }
}

}  // namespace pe
