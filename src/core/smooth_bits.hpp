#pragma once
// The smooth counterpart of the binary encoding: for each index, the sinusoid with the same
// period as its square wave. It is the picture the sinusoidal encoding starts from, drawn over
// the bits so a reader can compare a jump with a smooth turn. Index i is 0-based (i = 0 is the
// lecture's "index 1").
#include <cstdint>
#include <variant>

#include "core/input_error.hpp"
#include "core/position_range.hpp"

namespace pe {

constexpr int kMaxSamplesPerPosition = 64;

// Bit i at a real position x, when position p holds its bit on [p, p + 1), is a square wave of
// period T = 2^(i+1) that is 0 on [0, T/2) and 1 on [T/2, T). Its smooth counterpart
//   smooth_bit(x, i) = (1 - sin(2 pi x / T)) / 2
// has the same period, crosses 1/2 exactly where the bit jumps, and is 0 and 1 in the middle
// of the bit's runs of 0s and 1s. The phase x mod T is taken first, so it stays exact in double
// precision for every position up to 2^31.
double smooth_bit(double x, int index);

struct SmoothBitsRequest {
  std::int64_t start = 0;
  std::int64_t count = 0;  // positions start .. start + count - 1, each [p, p + 1) sampled
  int dim = 0;
  int samples_per_position = 1;

  // count * samples_per_position + 1: the last sample sits at start + count, the right edge.
  std::int64_t sample_count() const { return count * samples_per_position + 1; }
};

// The start/count/dim checks (and messages) of every table (core/position_range.hpp), then
// 1 <= samples_per_position <= kMaxSamplesPerPosition and sample_count * dim <= kMaxValues.
std::variant<SmoothBitsRequest, InputError> parse_smooth_bits_request(double start, double count,
                                                                      double dim,
                                                                      double samples_per_position);

// out is (sample_count, dim), row-major:
// out[s * dim + i] = smooth_bit(start + s / samples_per_position, i).
void encode_smooth_bits(const SmoothBitsRequest& request, float* out);

}  // namespace pe
