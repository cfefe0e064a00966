#include "analysis/row_norms.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "analysis/vector_geometry.hpp"
#include "core/position_range.hpp"

namespace pe {

std::variant<RowNormsRequest, InputError> parse(const RawRowNorms& raw) {
  if (auto error = check(kRowDim, raw.dim)) return *error;
  const auto dim = static_cast<int>(raw.dim);
  const double length = raw.data.length();
  if (length > static_cast<double>(kMaxValues))
    return InputError{ErrorKind::range, std::string(kMeasuredRows.name) + " must hold at most " +
                                            std::to_string(kMaxValues) + " values; received " +
                                            describe_number(length)};
  const auto values = static_cast<std::int64_t>(length);
  if (values % dim != 0)
    return InputError{ErrorKind::range, std::string(kMeasuredRows.name) +
                                            " must hold whole rows of dim values; received " +
                                            std::to_string(values) + " values for dim " +
                                            std::to_string(dim)};
  return RowNormsRequest{raw.data, dim, values / dim};
}

std::optional<InputError> row_norms(const RowNormsRequest& request, TableSink<double>& out,
                                    const Blocks& blocks) {
  const int dim = request.dim;
  const std::int64_t block_rows = blocks.rows(dim);
  std::vector<float> block(static_cast<std::size_t>(std::min(block_rows, request.rows) * dim));
  std::vector<double> norms(static_cast<std::size_t>(std::min(block_rows, request.rows)));
  for (std::int64_t first = 0; first < request.rows; first += block_rows) {
    const std::int64_t count = std::min(block_rows, request.rows - first);
    const std::int64_t values = count * dim;
    request.data.read(first * dim, values, block.data());
    if (auto error = find_non_finite(block.data(), static_cast<std::size_t>(values),
                                     static_cast<std::size_t>(first * dim), kMeasuredRows.name))
      return error;
    for (std::int64_t r = 0; r < count; ++r) norms[r] = row_norm(block.data() + r * dim, dim);
    out.write(first, norms.data(), count);
  }
  return std::nullopt;
}

}  // namespace pe
