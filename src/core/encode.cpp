#include "core/encode.hpp"

#include "core/binary_encoding.hpp"
#include "core/integer_encoding.hpp"
#include "core/sinusoidal_encoding.hpp"

namespace pe {

void encode(const EncodingRequest& request, float* out) {
  switch (request.encoding) {
    case Encoding::integer:
      encode_integer(request.start, request.count, request.dim, out);
      return;
    case Encoding::binary:
      encode_binary(request.start, request.count, request.dim, out);
      return;
    case Encoding::sinusoidal:
      encode_sinusoidal(request.start, request.count, request.dim, request.base, request.layout,
                        out);
      return;
  }
}

}  // namespace pe
