#include "analysis/similarity_request.hpp"

#include <algorithm>
#include <string>

#include "core/position_range.hpp"

namespace pe {

namespace {

// Reads the caller's rows a tile at a time, and writes the matrix a tile at a time.
class Tiles {
 public:
  Tiles(const SimilarityRequest& request, int tile_rows)
      : data_(request.data),
        dim_(request.shape.dim),
        rows_(request.shape.rows),
        tile_(std::clamp(tile_rows, 1, std::max(1, static_cast<int>(Blocks{}.values / dim_)))),
        block_a_(static_cast<std::size_t>(std::min(tile_, rows_)) * dim_),
        block_b_(block_a_.size()) {}

  int size() const { return tile_; }
  int rows() const { return rows_; }

  // Rows first .. of the caller's table into block (a or b); returns how many.
  int read(int first, bool into_b) {
    const int count = std::min(tile_, rows_ - first);
    data_.read(static_cast<std::int64_t>(first) * dim_, static_cast<std::int64_t>(count) * dim_,
               (into_b ? block_b_ : block_a_).data());
    return count;
  }
  const float* row(bool of_b, int r) const {
    return (of_b ? block_b_ : block_a_).data() + static_cast<std::ptrdiff_t>(r) * dim_;
  }
  int dim() const { return dim_; }

  // entry(a, b, dot of the rows) for every pair, into out; visit(a, b, value) sees each entry
  // with b >= a once.
  template <typename Entry, typename Visit>
  void matrix(TableSink<double>& out, Entry entry, Visit visit) {
    std::vector<double> tile(static_cast<std::size_t>(tile_) * tile_);
    std::vector<double> mirror(tile.size());
    for (int a0 = 0; a0 < rows_; a0 += tile_) {
      const int a_count = read(a0, false);
      for (int b0 = a0; b0 < rows_; b0 += tile_) {
        const bool same = b0 == a0;
        const int b_count = same ? a_count : read(b0, true);
        for (int a = 0; a < a_count; ++a) {
          for (int b = 0; b < b_count; ++b) {
            const double value = entry(a0 + a, b0 + b, row_dot(row(false, a), row(!same, b), dim_));
            tile[a * b_count + b] = mirror[b * a_count + a] = value;
            if (b0 + b >= a0 + a) visit(a0 + a, b0 + b, value);
          }
        }
        write(out, tile, a0, a_count, b0, b_count);
        if (!same) write(out, mirror, b0, b_count, a0, a_count);
      }
    }
  }

 private:
  // A tile (rows x columns) to matrix rows first_row .., columns first_column ..
  void write(TableSink<double>& out, const std::vector<double>& tile, int first_row, int rows,
             int first_column, int columns) const {
    for (int r = 0; r < rows; ++r)
      out.write(static_cast<std::int64_t>(first_row + r) * rows_ + first_column,
                tile.data() + static_cast<std::ptrdiff_t>(r) * columns, columns);
  }

  const CallerTable& data_;
  int dim_, rows_, tile_;
  std::vector<float> block_a_, block_b_;
};

}  // namespace

std::variant<SimilarityShape, InputError> parse_similarity_shape(double length, double dim) {
  if (auto error = check(kRowDim, dim)) return *error;
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

std::variant<SimilarityRequest, InputError> parse(const RawSimilarityRequest& raw, int tile_rows) {
  const auto shape = parse_similarity_shape(raw.data.length(), raw.dim);
  if (const auto* error = std::get_if<InputError>(&shape)) return *error;
  SimilarityRequest request{std::get<SimilarityShape>(shape), raw.data, {}};
  request.squared_lengths.resize(static_cast<std::size_t>(request.shape.rows));
  Tiles tiles(request, tile_rows);
  for (int first = 0; first < tiles.rows(); first += tiles.size()) {
    const int count = tiles.read(first, false);
    const std::size_t values = static_cast<std::size_t>(count) * tiles.dim();
    if (auto error = find_non_finite(tiles.row(false, 0), values,
                                     static_cast<std::size_t>(first) * tiles.dim()))
      return *error;
    for (int r = 0; r < count; ++r)
      request.squared_lengths[first + r] =
          row_dot(tiles.row(false, r), tiles.row(false, r), tiles.dim());
  }
  return request;
}

void cosine_similarities(const SimilarityRequest& request, TableSink<double>& out, int tile_rows) {
  const std::vector<double>& squared = request.squared_lengths;
  Tiles(request, tile_rows)
      .matrix(
          out,
          [&squared](int a, int b, double dot) { return cosine_of(dot, squared[a], squared[b]); },
          [](int, int, double) {});
}

DiagonalRanges dot_products(const SimilarityRequest& request, TableSink<double>& out,
                            int tile_rows) {
  const std::vector<double>& squared = request.squared_lengths;
  DiagonalTracker tracker(request.shape.rows);
  Tiles(request, tile_rows)
      .matrix(
          out, [&squared](int a, int b, double dot) { return a == b ? squared[a] : dot; },
          [&tracker](int a, int b, double value) { tracker.add(a, b, value); });
  return tracker.ranges();
}

}  // namespace pe
