#pragma once
// pe.rowNorms: the length of every row of any table (a table of positions, token embeddings, the
// rows of a rotation), read a block of rows at a time and written into the caller's array the
// same way, so a 64 MiB table and its 16 million lengths never need memory of their size here.
// The magnitude view's question, asked of any table: how long is each row?
#include <cstdint>
#include <optional>
#include <tuple>
#include <variant>

#include "analysis/similarity_request.hpp"
#include "core/caller_table.hpp"
#include "core/input_error.hpp"
#include "core/options.hpp"

namespace pe {

inline constexpr OptionSpec kMeasuredRows{
    "data", Required{}, stated("whole rows of dim finite values, at most 16777216 values"),
    "the table whose rows are measured, row-major"};

struct RawRowNorms {
  CallerTable data;
  double dim = 0;
};
inline constexpr std::tuple kRowNormsOptions{
    option<&RawRowNorms::data>(kMeasuredRows),
    option<&RawRowNorms::dim>(kRowDim),
};

struct RowNormsRequest {
  CallerTable data;
  int dim = 1;
  std::int64_t rows = 0;
};

// dim as pe.cosineSimilarities checks it, then data's length: whole rows, at most kMaxValues
// values (from the length alone, before any value is read).
std::variant<RowNormsRequest, InputError> parse(const RawRowNorms& raw);

// out[r] = |row r|, the Euclidean length summed in double (analysis/vector_geometry.hpp's
// row_norm), for every row; the first value that is not finite is an error naming data (the
// lengths of the blocks before it have been written).
std::optional<InputError> row_norms(const RowNormsRequest& request, TableSink<double>& out,
                                    const Blocks& blocks = {});

}  // namespace pe
