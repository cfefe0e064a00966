#pragma once
// The smooth counterpart of the binary encoding: for each index, the sinusoid with the same
// period as its square wave. It is the picture the sinusoidal encoding starts from, drawn over
// the bits so a reader can compare a jump with a smooth turn. Index i is 0-based (i = 0 is the
// lecture's "index 1").
#include <cstdint>
#include <tuple>
#include <variant>

#include "core/caller_table.hpp"
#include "core/input_error.hpp"
#include "core/options.hpp"
#include "core/position_range.hpp"

namespace pe {

constexpr int kMaxSamplesPerPosition = 64;

// Bit i of the whole positions is a square wave of period T = 2^(i+1): runs of 2^i positions
// holding 0, then 2^i holding 1 (0 .. 2^i - 1 hold 0). Drawn with position p's bit over
// [p - 1/2, p + 1/2), the jumps fall half-way between neighbouring positions. Its smooth
// counterpart
//   smooth_bit(x, i) = (1 - sin(2 pi (x + 1/2) / T)) / 2
// has the same period, crosses 1/2 exactly at those half-way points, and is 0 and 1 at the
// centres of the runs of 0s and 1s. Read at a whole position p, where an encoding reads it, it is
// above 1/2 where the bit is 1 and below 1/2 where it is 0 (never 1/2 itself); for index 1
// (i = 0, period 2) it is the bit exactly. The phase (x + 1/2) mod T is taken first, so it stays
// exact in double precision for every position up to 2^31.
//
// Why this phase: the same sinusoid shifted by half a position, crossing 1/2 at the whole
// positions themselves, is exactly 1/2 at every whole position for index 1; read where an
// encoding reads it, that smooth counterpart of the fastest bit would tell no two positions apart.
double smooth_bit(double x, int index);

struct SmoothBitsRequest {
  std::int64_t start = 0;
  std::int64_t count = 0;  // sampled from x = start to x = start + count
  int dim = 0;
  int samples_per_position = 1;

  // count * samples_per_position + 1: the last sample sits at start + count, the right edge.
  std::int64_t sample_count() const { return count * samples_per_position + 1; }
};

inline constexpr OptionSpec kSamplesPerPosition{"samplesPerPosition", 8.0,
                                                integer_from(1, kMaxSamplesPerPosition),
                                                "samples drawn per position"};
struct RawSmoothBits {
  double start = kStart.number();
  double count = 0;
  double dim = 0;
  double samples_per_position = kSamplesPerPosition.number();
};
inline constexpr std::tuple kSmoothBitsOptions{
    option<&RawSmoothBits::start>(kStart),
    option<&RawSmoothBits::count>(kCount),
    option<&RawSmoothBits::dim>(kTableDim),
    option<&RawSmoothBits::samples_per_position>(kSamplesPerPosition),
};

// The start/count/dim checks (and messages) of every table (core/position_range.hpp), then
// 1 <= samples_per_position <= kMaxSamplesPerPosition and sample_count * dim <= kMaxValues.
std::variant<SmoothBitsRequest, InputError> parse_smooth_bits_request(double start, double count,
                                                                      double dim,
                                                                      double samples_per_position);
std::variant<SmoothBitsRequest, InputError> parse(const RawSmoothBits& raw);

// out is (sample_count, dim), row-major:
// out[s * dim + i] = smooth_bit(start + s / samples_per_position, i).
void encode_smooth_bits(const SmoothBitsRequest& request, float* out);
// Only samples first .. first + samples - 1 of that table: out is (samples, dim), with the same
// values as those rows of the whole table.
void encode_smooth_bits(const SmoothBitsRequest& request, std::int64_t first, std::int64_t samples,
                        float* out);
// The whole table written into out a block of samples at a time.
void encode_smooth_bits(const SmoothBitsRequest& request, TableSink<float>& out,
                        const Blocks& blocks = {});

}  // namespace pe
