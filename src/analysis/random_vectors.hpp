#pragma once
// Vectors pointing in random directions, the same on every machine for the same seed: the RoPE
// view's "random q, k" (pe.randomUnitVectors).
#include <cstdint>
#include <variant>
#include <vector>

#include "core/input_error.hpp"

namespace pe {

constexpr double kMaxSeed = 4294967295.0;  // 2^32 - 1

struct RandomVectorsRequest {
  int dim = 1;
  std::int64_t count = 1;
  std::uint64_t seed = 0;
};

// dim an integer from 1 to kMaxDim; count an integer from 1 with count * dim <= kMaxValues; seed an
// integer from 0 to 2^32 - 1.
std::variant<RandomVectorsRequest, InputError> parse_random_vectors_request(double dim,
                                                                            double count,
                                                                            double seed);

// count rows of dim values, row-major: the components of the whole table are a stream of
// NormalGenerator(seed) (N(0, 1), row by row), and each row is divided by its length (in double,
// rounded once to float), so every row is a unit vector in a uniformly random direction. A stream
// of k rows is the prefix of a stream of k + 1.
std::vector<float> random_unit_rows(const RandomVectorsRequest& request);

}  // namespace pe
