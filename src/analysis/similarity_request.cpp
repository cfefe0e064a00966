#include "analysis/similarity_request.hpp"

#include <cmath>
#include <string>
#include <utility>

#include "core/encoding_request.hpp"

namespace pe {

std::variant<SimilarityRequest, InputError> parse_similarity_request(std::vector<float> table,
                                                                     double dim) {
  if (!is_integer_in(dim, 1, kMaxDim))
    return range_error("dim", "an integer from 1 to " + std::to_string(kMaxDim), dim);
  const auto width = static_cast<std::int64_t>(dim);
  const auto length = static_cast<std::int64_t>(table.size());
  if (length == 0 || length % width != 0)
    return InputError{ErrorKind::range, "data must hold whole rows of dim = " +
                                            std::to_string(width) + " values, at least one; " +
                                            "received " + std::to_string(length) + " values"};
  if (length / width > kMaxSimilarityRows)
    return InputError{ErrorKind::range,
                      "data must have at most " + std::to_string(kMaxSimilarityRows) +
                          " rows; received " + std::to_string(length / width) + " rows of " +
                          std::to_string(width)};
  for (std::int64_t e = 0; e < length; ++e) {
    if (!std::isfinite(table[e]))
      return InputError{ErrorKind::range, "every value of data must be a finite number; data[" +
                                              std::to_string(e) + "] is " +
                                              describe_number(table[e])};
  }
  SimilarityRequest request;
  request.dim = static_cast<int>(width);
  request.rows = static_cast<int>(length / width);
  request.table = std::move(table);
  return request;
}

}  // namespace pe
