#pragma once
#include <cstdint>

namespace pe {

// Binary encoding: dimension i of position p is bit i of p, i = 0 the least significant bit
// (the lecture's "index 1"). Bit i flips every 2^i positions. Positions are below 2^31, so
// dimensions 31 and up are always 0.
// out is (count, dim), row-major: out[r * dim + i] = (start + r) >> i & 1.
void encode_binary(std::int64_t start, std::int64_t count, int dim, float* out);

}  // namespace pe
