#include "analysis/random_vectors.hpp"

#include <cmath>

#include "analysis/random.hpp"
#include "core/position_range.hpp"

namespace pe {

std::variant<RandomVectorsRequest, InputError> parse_random_vectors_request(double dim,
                                                                            double count,
                                                                            double seed) {
  if (!is_integer_in(dim, 1, kMaxDim)) return range_error("dim", "an integer from 1 to 4096", dim);
  if (!is_integer_in(count, 1, static_cast<double>(kMaxValues)) || count * dim > kMaxValues)
    return range_error("count", "an integer from 1 with count * dim at most 16777216", count);
  if (!is_integer_in(seed, 0, kMaxSeed))
    return range_error("seed", "an integer from 0 to 4294967295 (2^32 - 1)", seed);
  return RandomVectorsRequest{static_cast<int>(dim), static_cast<std::int64_t>(count),
                              static_cast<std::uint64_t>(seed)};
}

std::vector<float> random_unit_rows(const RandomVectorsRequest& request) {
  NormalGenerator normal(request.seed);
  std::vector<float> out;
  out.reserve(static_cast<std::size_t>(request.count * request.dim));
  std::vector<double> row(request.dim);
  for (std::int64_t r = 0; r < request.count; ++r) {
    double sum = 0;
    for (double& value : row) {
      value = normal.next();
      sum += value * value;
    }
    const double length = std::sqrt(sum);
    for (const double value : row) out.push_back(static_cast<float>(value / length));
  }
  return out;
}

}  // namespace pe
