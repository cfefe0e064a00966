#pragma once
// One request for a positional-encoding table, and the checks that turn raw caller input
// (JS numbers arrive as doubles, names as strings) into a request the encoders can trust.
#include <cstdint>
#include <string>
#include <variant>

#include "core/input_error.hpp"

namespace pe {

enum class Encoding { integer, binary, sinusoidal };

// Column order of a sinusoidal row with dim = 2 * pairs, frequency index k = 0 .. pairs-1.
//   interleaved (the paper, default): [sin(p w_0), cos(p w_0), sin(p w_1), cos(p w_1), ...]
//   split (tensor2tensor order):      [sin(p w_0) .. sin(p w_{pairs-1}), cos(p w_0) .. ]
enum class SinusoidLayout { interleaved, split };

// Hard limits of the public API (documented in web/pe.js and the README).
constexpr std::int64_t kMaxDim = 4096;
constexpr std::int64_t kMaxPosition = 2147483647;  // 2^31 - 1
constexpr std::int64_t kMaxValues = 16777216;      // 2^24 values (64 MiB of float32) per table

struct EncodingRequest {
  Encoding encoding = Encoding::binary;
  std::int64_t start = 0;  // first position
  std::int64_t count = 0;  // number of positions (rows)
  int dim = 0;             // values per position (columns)
  double base = 10000.0;   // sinusoidal only: w_k = base^(-2k/dim)
  SinusoidLayout layout = SinusoidLayout::interleaved;

  std::int64_t value_count() const { return count * dim; }
};

// Caller input before any checking.
struct RawEncodingRequest {
  std::string kind;
  double start = 0;
  double count = 0;
  double dim = 0;
  double base = 10000.0;
  std::string layout = "interleaved";
};

// Either a request that satisfies every limit above, or the first problem found.
std::variant<EncodingRequest, InputError> parse_encoding_request(const RawEncodingRequest& raw);

// Shared by other requests (e.g. sentence analysis) so every parameter error reads the same.
std::variant<Encoding, InputError> parse_encoding_kind(const std::string& kind);

}  // namespace pe
