#pragma once
// What long-context scaling does to each RoPE pair, in positions: pair i turns once every
// lambda_i = 2 pi / theta_i positions, before and after scaling (core/rope_scaling.hpp). For
// DeepSeek-V3's 64-number RoPE part (YaRN, factor 40, original context 4096): pairs 0-10 kept,
// 11-22 blended, 23-31 stretched 40 times.
#include <vector>

#include "core/rope_scaling.hpp"

namespace pe {

struct RopeWavelengths {
  std::vector<double> before;        // dim/2 values: 2 pi / theta_i
  std::vector<double> after;         // dim/2 values: 2 pi / theta'_i
  std::vector<FrequencyBand> bands;  // dim/2 values: kept, blended or divided
};

// dim, base and scaling as parse_rope_frequency_request allows them.
RopeWavelengths rope_wavelengths(int dim, double base, const RopeScaling& scaling);

// "kept", "blended" or "divided".
const char* band_name(FrequencyBand band);

}  // namespace pe
