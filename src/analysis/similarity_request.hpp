#pragma once
// A caller's table of vectors, checked before its cosine-similarity matrix is computed
// (analysis/vector_geometry.hpp). Errors read like those of core/position_range.hpp.
#include <cstdint>
#include <variant>

#include "analysis/analysis_request.hpp"
#include "core/input_error.hpp"

namespace pe {

// As many rows as the analysis has tokens: the matrix then holds 2048^2 doubles, 32 MiB.
constexpr std::int64_t kMaxSimilarityRows = kMaxAnalysisTokens;

struct SimilarityShape {
  int dim = 1;
  int rows = 0;
};

// Checks dim (an integer from 1 to kMaxDim) and that length values make 1 .. kMaxSimilarityRows
// whole rows of dim: from the length alone, so an oversized table is refused before it is copied.
std::variant<SimilarityShape, InputError> parse_similarity_shape(double length, double dim);

}  // namespace pe
