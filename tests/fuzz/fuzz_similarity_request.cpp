// Cosine similarities of any table: a shape that does not fit is refused from the length alone
// with a message naming data or dim; a table with a NaN or an infinity is refused naming data; an
// accepted one gives a symmetric matrix of values in [-1, 1] with 1 (or 0 for an all-zero row) on
// the diagonal. The same table read and compared a tile at a time (any tile size, as the wasm
// bindings stream it) is refused with the same message or gives the same matrices bit for bit,
// and the same diagonal ranges as the whole dot-product matrix.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <variant>
#include <vector>

#include "analysis/similarity_request.hpp"
#include "analysis/vector_geometry.hpp"
#include "core/caller_table.hpp"
#include "core/input_error.hpp"
#include "fuzz_input.hpp"

namespace {

bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::FuzzInput input(data, size);
  const double dim = input.number();
  const int tile = 1 + input.byte() % 9;
  const std::string_view bytes = input.rest();
  std::vector<float> table(bytes.size() / sizeof(float));
  if (!table.empty()) std::memcpy(table.data(), bytes.data(), table.size() * sizeof(float));

  const auto shape = pe::parse_similarity_shape(static_cast<double>(table.size()), dim);
  const auto streamed = pe::parse(pe::RawSimilarityRequest{pe::VectorTable::of(table), dim}, tile);
  if (const auto* error = std::get_if<pe::InputError>(&shape)) {
    FUZZ_CHECK(fuzz::names_a_parameter(error->message, {"data", "dim"}));
    FUZZ_CHECK(std::get<pe::InputError>(streamed).message == error->message);
    return 0;
  }
  if (const auto error = pe::find_non_finite(table.data(), table.size())) {
    FUZZ_CHECK(fuzz::names_a_parameter(error->message, {"every value of data"}));
    FUZZ_CHECK(std::get<pe::InputError>(streamed).message == error->message);
    return 0;
  }
  const auto [width, rows] = std::get<pe::SimilarityShape>(shape);
  const pe::TableRows table_rows(table.data(), width, rows);
  const std::vector<double> matrix = table_rows.cosine_matrix();
  for (int a = 0; a < rows; ++a) {
    const double diagonal = matrix[a * rows + a];
    FUZZ_CHECK(diagonal == (table_rows.norm(a) > 0 ? 1.0 : 0.0) || table_rows.norm(a) < 1e-150);
    for (int b = 0; b < rows; ++b) {
      FUZZ_CHECK(matrix[a * rows + b] >= -1 && matrix[a * rows + b] <= 1);
      FUZZ_CHECK(matrix[a * rows + b] == matrix[b * rows + a]);
    }
  }

  const auto& request = std::get<pe::SimilarityRequest>(streamed);
  pe::VectorSink<double> cosine_tiles, dot_tiles;
  pe::cosine_similarities(request, cosine_tiles, tile);
  const pe::DiagonalRanges tracked = pe::dot_products(request, dot_tiles, tile);
  const std::vector<double> dots = table_rows.dot_matrix();
  const pe::DiagonalRanges ranges = pe::diagonal_ranges(dots, rows);
  FUZZ_CHECK(same_bits(cosine_tiles.values(), matrix));
  FUZZ_CHECK(same_bits(dot_tiles.values(), dots));
  FUZZ_CHECK(same_bits(tracked.low, ranges.low) && same_bits(tracked.high, ranges.high));
  FUZZ_CHECK(tracked.offset_only == ranges.offset_only);
  return 0;
}
