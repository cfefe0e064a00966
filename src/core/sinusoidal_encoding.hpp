#pragma once
#include <cstdint>
#include <vector>

namespace pe {

// Column order of a sinusoidal row with dim = 2 * pairs, frequency index k = 0 .. pairs-1.
//   interleaved (the paper, default): [sin(p w_0), cos(p w_0), sin(p w_1), cos(p w_1), ...]
//   split (tensor2tensor order):      [sin(p w_0) .. sin(p w_{pairs-1}), cos(p w_0) .. ]
enum class SinusoidLayout { interleaved, split };

// Sinusoidal encoding ("Attention Is All You Need", section 3.5), for pair k = 0 .. dim/2 - 1:
//   PE[p][2k] = sin(p * w_k),  PE[p][2k + 1] = cos(p * w_k),  w_k = base^(-2k / dim)
// in the interleaved layout; the split layout puts sin(p w_k) at k and cos(p w_k) at dim/2 + k.
// out is (count, dim), row-major. dim must be even and base > 1 (checked by the scheme options
// parser). Angles come from PairAngles (core/angles.hpp), the walk RoPE uses too, formed in
// double precision: in float32, p * w_k is off by ~0.06 rad at p = 10^6.
void encode_sinusoidal(std::int64_t start, std::int64_t count, int dim, double base,
                       SinusoidLayout layout, float* out);

// The same table for any frequencies f_k, one sin/cos pair each (dim = 2 * frequencies.size()):
// interleaved [sin(p f_0), cos(p f_0), sin(p f_1), ...], split [sin(p f_0) .., cos(p f_0) ..].
// encode_sinusoidal is this with f_k = w_k; the view's comparison with binary uses the periods of
// the bits instead (f_i = 2 pi / 2^(i+1)). out is (count, dim), row-major.
void encode_sinusoid_pairs(const std::vector<double>& frequencies, std::int64_t start,
                           std::int64_t count, SinusoidLayout layout, float* out);

}  // namespace pe
