#pragma once
// A caller's table of vectors (pe.cosineSimilarities, pe.dotProducts), checked, and the
// similarity of every pair of its rows computed a tile at a time: the table is read a block of
// rows at a time and the matrix written a tile at a time, so a 2048 x 4096 table (32 MiB) and its
// 2048 x 2048 matrix (32 MiB of doubles) never need to be in memory whole. Errors read like those
// of core/position_range.hpp.
#include <cstdint>
#include <optional>
#include <tuple>
#include <variant>
#include <vector>

#include "analysis/analysis_request.hpp"
#include "analysis/vector_geometry.hpp"
#include "core/caller_table.hpp"
#include "core/input_error.hpp"
#include "core/options.hpp"

namespace pe {

// As many rows as the analysis has tokens: the matrix then holds 2048^2 doubles, 32 MiB.
constexpr std::int64_t kMaxSimilarityRows = kMaxAnalysisTokens;

inline constexpr OptionSpec kComparedRows{"data", Required{},
                                          stated("whole rows of dim finite values, 1 to 2048 rows"),
                                          "the table whose rows are compared, row-major"};
inline constexpr OptionSpec kRowDim{"dim", Required{}, integer_from(1, kMaxDim), "values per row"};

struct RawSimilarityRequest {
  CallerTable data;
  double dim = 0;
};
inline constexpr std::tuple kSimilarityOptions{
    option<&RawSimilarityRequest::data>(kComparedRows),
    option<&RawSimilarityRequest::dim>(kRowDim),
};

struct SimilarityShape {
  int dim = 1;
  int rows = 0;
};

// Checks dim (an integer from 1 to kMaxDim) and that length values make 1 .. kMaxSimilarityRows
// whole rows of dim: from the length alone, so an oversized table is refused before it is copied.
std::variant<SimilarityShape, InputError> parse_similarity_shape(double length, double dim);

// A checked table: its shape, and each row's squared length (summed as TableRows sums it).
struct SimilarityRequest {
  SimilarityShape shape;
  CallerTable data;
  std::vector<double> squared_lengths;
};

// The shape from data's length, then every value (a block of rows at a time): the first that is
// not finite is an error naming data.
std::variant<SimilarityRequest, InputError> parse(const RawSimilarityRequest& raw,
                                                  int tile_rows = 256);

// The matrix of rows * rows entries [a * rows + b], written into out a tile of at most
// tile_rows x tile_rows at a time (256 x 256 doubles, 512 KiB, unless a test asks for less).
// Each entry is the number TableRows gives (analysis/vector_geometry.hpp): row_dot sums in index
// order, so a . b and b . a are the same double, and each tile fills its mirror image too.
void cosine_similarities(const SimilarityRequest& request, TableSink<double>& out,
                         int tile_rows = 256);
// The Gram matrix, and the smallest and largest entry of each of its diagonals.
DiagonalRanges dot_products(const SimilarityRequest& request, TableSink<double>& out,
                            int tile_rows = 256);

}  // namespace pe
