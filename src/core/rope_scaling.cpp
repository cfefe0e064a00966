#include "core/rope_scaling.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include "core/angles.hpp"

namespace pe {

namespace {

void scale_llama3(const RopeScaling& s, ScaledFrequencies& out) {
  const double L = s.original_context;
  const double shortest_divided = L / s.low_freq_factor;  // longer wavelengths are divided
  const double longest_kept = L / s.high_freq_factor;     // shorter wavelengths are kept
  for (std::size_t i = 0; i < out.frequencies.size(); ++i) {
    const double theta = out.frequencies[i];
    const double wavelength = kTwoPi / theta;
    if (wavelength < longest_kept) {
      out.bands[i] = FrequencyBand::kept;
    } else if (wavelength > shortest_divided) {
      out.frequencies[i] = theta / s.factor;
      out.bands[i] = FrequencyBand::divided;
    } else {
      const double smooth =
          (L / wavelength - s.low_freq_factor) / (s.high_freq_factor - s.low_freq_factor);
      out.frequencies[i] = (1 - smooth) * theta / s.factor + smooth * theta;
      out.bands[i] = FrequencyBand::blended;
    }
  }
}

// The pair index (fractional) whose wavelength fits `rotations` times into the context. For a
// tiny rotations (down to a subnormal one) the quotient overflows to infinity, which made every
// frequency NaN: then the logarithm is taken as a difference, which stays finite.
double correction_dim(double rotations, int dim, double base, double context) {
  const double ratio = context / (rotations * kTwoPi);
  const double log_ratio =
      std::isfinite(ratio) ? std::log(ratio) : std::log(context) - std::log(rotations * kTwoPi);
  return dim * log_ratio / (2 * std::log(base));
}

void scale_yarn(const RopeScaling& s, int dim, double base, ScaledFrequencies& out) {
  const double low =
      std::max(std::floor(correction_dim(s.beta_fast, dim, base, s.original_context)), 0.0);
  double high = std::min(std::ceil(correction_dim(s.beta_slow, dim, base, s.original_context)),
                         static_cast<double>(dim - 1));
  if (low == high) high += 0.001;  // the reference's guard against dividing by zero
  for (std::size_t i = 0; i < out.frequencies.size(); ++i) {
    const double ramp = std::clamp((static_cast<double>(i) - low) / (high - low), 0.0, 1.0);
    const double theta = out.frequencies[i];
    out.frequencies[i] = theta * (1 - ramp) + (theta / s.factor) * ramp;
    out.bands[i] = ramp == 0   ? FrequencyBand::kept
                   : ramp == 1 ? FrequencyBand::divided
                               : FrequencyBand::blended;
  }
}

}  // namespace

ScaledFrequencies rope_frequencies(int dim, double base, const RopeScaling& scaling) {
  ScaledFrequencies out{inverse_frequencies(dim, base),
                        std::vector<FrequencyBand>(dim / 2, FrequencyBand::kept)};
  switch (scaling.type) {
    case RopeScalingType::none:
      break;
    case RopeScalingType::llama3:
      scale_llama3(scaling, out);
      break;
    case RopeScalingType::yarn:
      scale_yarn(scaling, dim, base, out);
      break;
  }
  return out;
}

RopeWavelengths rope_wavelengths(int dim, double base, const RopeScaling& scaling) {
  ScaledFrequencies scaled = rope_frequencies(dim, base, scaling);
  RopeWavelengths out;
  out.original = wavelengths(inverse_frequencies(dim, base));
  out.scaled = wavelengths(scaled.frequencies);
  for (FrequencyBand band : scaled.bands) {
    switch (band) {
      case FrequencyBand::kept:
        ++out.kept;
        break;
      case FrequencyBand::blended:
        ++out.blended;
        break;
      case FrequencyBand::divided:
        ++out.divided;
        break;
    }
  }
  out.frequencies = std::move(scaled.frequencies);
  out.bands = std::move(scaled.bands);
  return out;
}

const char* name_of(FrequencyBand band) {
  switch (band) {
    case FrequencyBand::kept:
      return "kept";
    case FrequencyBand::blended:
      return "blended";
    case FrequencyBand::divided:
      return "divided";
  }
  return "kept";
}

double yarn_mscale(double factor, double mscale_all_dim) {
  if (factor <= 1) return 1.0;
  return 0.1 * mscale_all_dim * std::log(factor) + 1.0;
}

}  // namespace pe
