#include "core/position_range.hpp"

#include <string>

namespace pe {

std::variant<PositionRange, InputError> parse_position_range(double start, double count,
                                                             double dim) {
  PositionRange range;
  if (auto error = check(kTableDim, dim)) return *error;
  range.dim = static_cast<int>(dim);

  if (auto error = check(kStart, start)) return *error;
  range.start = static_cast<std::int64_t>(start);

  const auto max_count = kMaxPosition - range.start + 1;
  if (!is_integer_in(count, 0, static_cast<double>(max_count)))
    return range_error(kCount.name,
                       "an integer from 0 to " + std::to_string(max_count) +
                           " (the last position, start + count - 1, may be at most 2^31 - 1)",
                       count);
  range.count = static_cast<std::int64_t>(count);

  if (range.value_count() > kMaxValues)
    return InputError{ErrorKind::range,
                      "count * dim must be at most 16777216 values per table; received " +
                          std::to_string(range.count) + " * " + std::to_string(range.dim) + " = " +
                          std::to_string(range.value_count())};
  return range;
}

std::variant<PositionRange, InputError> parse(const RawPositionRange& raw) {
  return parse_position_range(raw.start, raw.count, raw.dim);
}

}  // namespace pe
