#pragma once
// Which rows of a positional table a caller asks for (positions start .. start + count - 1, dim
// values each), and the checks that turn raw caller input (JS numbers arrive as doubles) into a
// range every encoder can trust. Shared by every request for a table: an encoding, the binary
// structure, the smooth bits.
#include <cstdint>
#include <variant>

#include "core/input_error.hpp"
#include "core/options.hpp"

namespace pe {

// Hard limits of the public API (documented in web/pe.d.ts and the README).
constexpr std::int64_t kMaxDim = 4096;
constexpr std::int64_t kMaxPosition = 2147483647;  // 2^31 - 1
constexpr std::int64_t kMaxValues = 16777216;      // 2^24 values (64 MiB of float32) per table

struct PositionRange {
  std::int64_t start = 0;  // first position
  std::int64_t count = 0;  // number of positions (rows)
  int dim = 0;             // values per position (columns)

  std::int64_t value_count() const { return count * dim; }
};

// The options of every request for a table of positions.
inline constexpr OptionSpec kStart{"start", 0.0, integer_from(0, kMaxPosition, " (2^31 - 1)"),
                                   "the first position"};
inline constexpr OptionSpec kCount{
    "count", Required{},
    stated("an integer from 0 while the last position, start + count - 1, is at most 2^31 - 1"),
    "how many positions (rows)"};
inline constexpr OptionSpec kTableDim{"dim", Required{}, integer_from(1, kMaxDim),
                                      "values per position (columns)"};

// Caller input before any checking (pe.binaryStructure's options).
struct RawPositionRange {
  double start = kStart.number();
  double count = 0;
  double dim = 0;
};
inline constexpr std::tuple kPositionRangeOptions{
    option<&RawPositionRange::start>(kStart),
    option<&RawPositionRange::count>(kCount),
    option<&RawPositionRange::dim>(kTableDim),
};

// Either a range within every limit above, or the first problem found (dim, then start, then
// count, then the number of values).
std::variant<PositionRange, InputError> parse_position_range(double start, double count,
                                                             double dim);
std::variant<PositionRange, InputError> parse(const RawPositionRange& raw);

}  // namespace pe
