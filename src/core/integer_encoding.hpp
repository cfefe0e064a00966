#pragma once
#include <cstdint>

namespace pe {

// Integer encoding (the lecture's first attempt): every dimension of position p holds p.
// out is (count, dim), row-major: out[r * dim + i] = float(start + r).
// float32 holds every integer exactly up to 2^24; larger positions round to the nearest float.
void encode_integer(std::int64_t start, std::int64_t count, int dim, float* out);

}  // namespace pe
