#pragma once
#include "core/encoding_request.hpp"

namespace pe {

// Fills out, which must hold request.value_count() floats, with the requested table:
// out[r * dim + i] is dimension i of position start + r.
void encode(const EncodingRequest& request, float* out);

}  // namespace pe
