#include "analysis/similarity_request.hpp"

#include <string>

#include "core/position_range.hpp"

namespace pe {

std::variant<SimilarityShape, InputError> parse_similarity_shape(double length, double dim) {
  if (!is_integer_in(dim, 1, kMaxDim))
    return range_error("dim", "an integer from 1 to " + std::to_string(kMaxDim), dim);
  const auto width = static_cast<std::int64_t>(dim);
  const auto values = static_cast<std::int64_t>(length);
  if (values == 0 || values % width != 0)
    return InputError{ErrorKind::range, "data's length must be a positive multiple of dim = " +
                                            std::to_string(width) + "; received " +
                                            std::to_string(values) + " values"};
  const std::int64_t rows = values / width;
  if (rows > kMaxSimilarityRows)
    return InputError{ErrorKind::range, "data must have at most " +
                                            std::to_string(kMaxSimilarityRows) +
                                            " rows; received " + std::to_string(rows) + " rows (" +
                                            std::to_string(values) +
                                            " values at dim = " + std::to_string(width) + ")"};
  return SimilarityShape{static_cast<int>(width), static_cast<int>(rows)};
}

}  // namespace pe
