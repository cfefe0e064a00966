#include "mla/rope_wavelengths.hpp"

#include <cmath>
#include <utility>

namespace pe {

namespace {

const double kTwoPi = 2 * std::acos(-1.0);

std::vector<double> wavelengths(const std::vector<double>& frequencies) {
  std::vector<double> lengths;
  for (double theta : frequencies) lengths.push_back(kTwoPi / theta);
  return lengths;
}

}  // namespace

RopeWavelengths rope_wavelengths(int dim, double base, const RopeScaling& scaling) {
  ScaledFrequencies scaled = rope_frequencies(dim, base, scaling);
  return {wavelengths(rope_frequencies(dim, base, RopeScaling{}).frequencies),
          wavelengths(scaled.frequencies), std::move(scaled.bands)};
}

const char* band_name(FrequencyBand band) {
  switch (band) {
    case FrequencyBand::kept:
      return "kept";
    case FrequencyBand::blended:
      return "blended";
    case FrequencyBand::divided:
      return "divided";
  }
  return "";
}

}  // namespace pe
