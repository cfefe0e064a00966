// ALiBi (Press et al. 2021): no vector at all; each attention score is lowered in proportion to
// how far apart the query and the key are, -slope * |i - j| (the paper's -m (i - j) under a
// causal mask, where j <= i).
#include <cstdlib>

#include "positions/position_scheme.hpp"

namespace pe {

namespace {

void add_distance_bias(const SchemeOptions& options, std::int64_t query, std::int64_t first_key,
                       int keys, float* scores) {
  for (int j = 0; j < keys; ++j) {
    const std::int64_t distance = std::llabs(query - (first_key + j));
    scores[j] -= static_cast<float>(options.slope * static_cast<double>(distance));
  }
}

}  // namespace

extern const PositionScheme kAlibiScheme;
const PositionScheme kAlibiScheme{
    "alibi", "ALiBi (linear biases)", Stage::scores, {&kSlope}, "", nullptr,
    nullptr, &add_distance_bias,      false};

}  // namespace pe
