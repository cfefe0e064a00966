// The position in base 2, one bit per input dimension (dimension 0 = the least significant bit).
#include "core/binary_encoding.hpp"
#include "positions/position_scheme.hpp"

namespace pe {

namespace {

void add_binary(const SchemeOptions&, std::int64_t start, std::int64_t count, int dim, float* out) {
  encode_binary(start, count, dim, out);
}

}  // namespace

extern const PositionScheme kBinaryScheme;
const PositionScheme kBinaryScheme{"binary",    "binary", Stage::input, {},   "",
                                   &add_binary, nullptr,  nullptr,      false};

}  // namespace pe
