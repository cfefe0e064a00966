#pragma once
// A caller's table of vectors, checked before its cosine-similarity matrix is computed
// (analysis/vector_geometry.hpp). Errors read like those of core/encoding_request.hpp.
#include <cstdint>
#include <variant>
#include <vector>

#include "core/input_error.hpp"

namespace pe {

// The matrix holds rows^2 doubles: 2048 rows (the analysis' token limit) make 32 MiB.
constexpr std::int64_t kMaxSimilarityRows = 2048;

struct SimilarityRequest {
  std::vector<float> table;  // (rows, dim), row-major
  int dim = 1;
  int rows = 0;
};

// Checks dim (an integer from 1 to kMaxDim), that the table splits into 1 .. kMaxSimilarityRows
// whole rows of dim values, and that every value is finite.
std::variant<SimilarityRequest, InputError> parse_similarity_request(std::vector<float> table,
                                                                     double dim);

}  // namespace pe
