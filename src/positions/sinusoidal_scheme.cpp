// "Attention Is All You Need": sin and cos of the position at geometrically spaced frequencies,
// added to the input.
#include "core/sinusoidal_encoding.hpp"
#include "positions/position_scheme.hpp"

namespace pe {

namespace {

void add_sinusoidal(const SchemeOptions& options, std::int64_t start, std::int64_t count, int dim,
                    float* out) {
  encode_sinusoidal(start, count, dim, options.base, options.layout, out);
}

}  // namespace

extern const PositionScheme kSinusoidalScheme;
const PositionScheme kSinusoidalScheme{"sinusoidal",
                                       "sinusoidal",
                                       Stage::input,
                                       {&kBase, &kLayout},
                                       "one sin/cos pair per frequency",
                                       &add_sinusoidal,
                                       nullptr,
                                       nullptr,
                                       false};

}  // namespace pe
