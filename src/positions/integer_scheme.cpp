// The lecture's first attempt: the position itself, written into every dimension of the input.
#include "core/integer_encoding.hpp"
#include "positions/position_scheme.hpp"

namespace pe {

namespace {

void add_integer(const SchemeOptions&, std::int64_t start, std::int64_t count, int dim,
                 float* out) {
  encode_integer(start, count, dim, out);
}

}  // namespace

extern const PositionScheme kIntegerScheme;
const PositionScheme kIntegerScheme{"integer",    "integer", Stage::input, {},   "",
                                    &add_integer, nullptr,   nullptr,      false};

}  // namespace pe
