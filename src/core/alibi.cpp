#include "core/alibi.hpp"

#include <cmath>

namespace pe {

std::vector<double> alibi_slopes(int heads) {
  int lower = 1;  // the closest power of two at or below heads
  while (lower * 2 <= heads) lower *= 2;

  std::vector<double> slopes;
  slopes.reserve(heads);
  // m_h = 2^(-8h/n) for the n = lower heads; the exponent is exact, so powers of two are too.
  for (int h = 1; h <= lower; ++h) slopes.push_back(std::exp2(-8.0 * h / lower));
  // The rest interleave between those: heads 1, 3, 5, ... of the 2 * lower sequence.
  for (int h = 1; static_cast<int>(slopes.size()) < heads; h += 2)
    slopes.push_back(std::exp2(-8.0 * h / (2 * lower)));
  return slopes;
}

}  // namespace pe
