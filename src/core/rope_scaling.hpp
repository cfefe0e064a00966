#pragma once
// RoPE's inverse frequencies, optionally rescaled for a context longer than the one a model was
// trained on. Before scaling, theta_i = base^(-2i/dim) for pair i = 0 .. dim/2 - 1, wavelength
// lambda_i = 2 pi / theta_i. Both rules below leave the fast pairs (short wavelengths, which
// see many full turns within the original context L) alone, divide the slow ones by factor, and
// blend in between; they differ in where the bands start and how the blend is measured.
#include <tuple>
#include <vector>

#include "core/fields.hpp"

namespace pe {

enum class RopeScalingType { none, llama3, yarn };

struct RopeScaling {
  RopeScalingType type = RopeScalingType::none;
  double factor = 1;
  double low_freq_factor = 1;      // llama3
  double high_freq_factor = 4;     // llama3
  double original_context = 8192;  // llama3 and yarn (L, original_max_position_embeddings)
  double beta_fast = 32;           // yarn
  double beta_slow = 1;            // yarn
};

enum class FrequencyBand { kept, blended, divided };

struct ScaledFrequencies {
  std::vector<double> frequencies;   // dim/2 values: theta_i after scaling
  std::vector<FrequencyBand> bands;  // dim/2 values: kept (unchanged), blended, divided by factor
};

// none: theta_i as is, every band kept.
//
// llama3 (Meta's apply_scaling in meta-llama/llama-models, Hugging Face's
// _compute_llama3_parameters), with L = original_context:
//   lambda_i < L / high_freq_factor:  theta_i                          (kept)
//   lambda_i > L / low_freq_factor:   theta_i / factor                 (divided)
//   otherwise, with s = (L / lambda_i - low_freq_factor) / (high_freq_factor - low_freq_factor):
//                                     (1 - s) theta_i / factor + s theta_i   (blended)
//
// yarn (DeepSeek's yarn_find_correction_range and linear ramp, DeepSeek-V3 inference/model.py):
//   correction_dim(r) = dim ln(L / (2 pi r)) / (2 ln base), the pair that turns r times in L
//   low  = max(floor(correction_dim(beta_fast)), 0)
//   high = min(ceil(correction_dim(beta_slow)), dim - 1), plus 0.001 if it equals low
//   ramp_i = clamp((i - low) / (high - low), 0, 1) over pair index i = 0 .. dim/2 - 1
//   theta'_i = theta_i (1 - ramp_i) + (theta_i / factor) ramp_i
//   kept where ramp_i = 0, divided where ramp_i = 1, blended otherwise.
// Kept as published, quirks included: high is clamped to dim - 1 (not dim/2 - 1), and nothing
// keeps it above low, so when correction_dim(beta_fast) exceeds dim - 1 (a tiny base: 1.5 with
// L = 8192 gives about 292 for dim 64) high - low is negative and the ramp divides every pair,
// although every wavelength is far shorter than L.
//
// dim even from 2, base > 1 and the scaling fields as parse_rope_scaling allows them.
ScaledFrequencies rope_frequencies(int dim, double base, const RopeScaling& scaling);

// Each pair's frequency after scaling and its wavelength in positions, lambda_i = 2 pi / theta_i,
// before and after scaling, with the pair's band and how many pairs fall in each band (the
// long-context chart's numbers), from one rope_frequencies call.
//   original[i] = 2 pi / base^(-2i/dim);  scaled[i] = 2 pi / theta'_i (= original[i] if kept,
//   factor * original[i] if divided, in between if blended).
struct RopeWavelengths {
  std::vector<double> frequencies;   // dim/2 values: theta'_i, as rope_frequencies gives them
  std::vector<double> original;      // dim/2 values
  std::vector<double> scaled;        // dim/2 values
  std::vector<FrequencyBand> bands;  // dim/2 values, as rope_frequencies gives them
  int kept = 0, blended = 0, divided = 0;
};
// pe.ropeBands' result.
constexpr auto fields_of(const RopeWavelengths&) {
  return std::tuple{field<&RopeWavelengths::bands>("bands"),
                    group("counts", field<&RopeWavelengths::kept>("kept"),
                          field<&RopeWavelengths::blended>("blended"),
                          field<&RopeWavelengths::divided>("divided")),
                    field<&RopeWavelengths::scaled>("wavelengths"),
                    field<&RopeWavelengths::original>("originalWavelengths")};
}
RopeWavelengths rope_wavelengths(int dim, double base, const RopeScaling& scaling);

// "kept", "blended" or "divided": the band's name in the JS API.
const char* name_of(FrequencyBand band);

// YaRN attention temperature: 0.1 * mscale_all_dim * ln(factor) + 1 (1 when factor <= 1).
// DeepSeek multiplies the softmax scale by its square (1.36889^2 = 1.87385 for V3's factor 40).
double yarn_mscale(double factor, double mscale_all_dim = 1.0);

}  // namespace pe
