// "Attention Is All You Need": sin and cos of the position at geometrically spaced frequencies,
// added to the input.
#include "core/sinusoidal_encoding.hpp"
#include "positions/position_scheme.hpp"
#include "positions/scheme_options.hpp"

namespace pe {

namespace {

void add_sinusoidal(const SchemeSettings& settings, std::int64_t start, std::int64_t count, int dim,
                    float* out) {
  encode_sinusoidal(start, count, dim, settings.base, settings.layout, out);
}

}  // namespace

extern const PositionScheme kSinusoidalScheme;
const PositionScheme kSinusoidalScheme{"sinusoidal",
                                       "sinusoidal",
                                       Stage::input,
                                       {&kBaseOption, &kLayoutOption},
                                       "one sin/cos pair per frequency",
                                       &add_sinusoidal,
                                       nullptr,
                                       nullptr,
                                       false};

}  // namespace pe
