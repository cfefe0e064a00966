#pragma once
// The rows of a (count, dim) row-major float table compared as vectors: lengths, L2 distances
// and cosine similarities, the numbers the sentence views print. Sums run in double precision
// over the float32 values.
#include <tuple>
#include <vector>

#include "core/fields.hpp"

namespace pe {

// float32's unit roundoff: a value rounded to float32 lies within this fraction of itself (a
// row rounded to float32, within this fraction of its length).
constexpr double kFloat32Unit = 0x1p-24;

// The L2 distance between two rows of dim values, and a row's length.
double row_distance(const float* x, const float* y, int dim);
double row_norm(const float* x, int dim);
// x . y, summed in double in index order.
double row_dot(const float* x, const float* y, int dim);

// The cosine similarity of two rows from their dot product and squared lengths: exactly 1 for
// equal non-zero rows, clamped to [-1, 1] (rounding can push nearly parallel rows past 1), and 0
// when either row is all zeros, as scikit-learn defines it.
double cosine_of(double dot, double squared_a, double squared_b);

class TableRows {
 public:
  // Sums each row's squared length once, up front: the views compare the same rows many times
  // (every pair of copies of a word, every cell of a similarity matrix). table must outlive this.
  TableRows(const float* table, int dim, int count);

  // Euclidean length of row r.
  double norm(int r) const;

  // L2 distance between rows a and b.
  double distance(int a, int b) const;

  // Cosine similarity of rows a and b: exactly 1 for equal non-zero rows, clamped to [-1, 1]
  // (rounding can push nearly parallel rows past 1), and 0 when either row is all zeros, as
  // scikit-learn defines it.
  double cosine(int a, int b) const;

  // Every row's length: count values.
  std::vector<double> norms() const;

  // The cosine similarity of every pair of rows: (count, count), entry [a * count + b].
  std::vector<double> cosine_matrix() const;

  // The dot product of every pair of rows (the Gram matrix): (count, count), entry
  // [a * count + b] = sum_i row_a[i] row_b[i], summed in double.
  std::vector<double> dot_matrix() const;

 private:
  const float* row(int r) const;
  double dot(int a, int b) const;

  const float* table_;
  int dim_;
  std::vector<double> squared_lengths_;
};

// The smallest and largest entry of each diagonal of a square (n, n) row-major matrix, above the
// main one included: for offset k = 0 .. n - 1, over the n - k entries [r * n + r + k]. For a Gram
// matrix, k is the distance between two rows: low[k] == high[k] says their dot product depends
// only on how far apart they are, not on where they sit. offset_only says so up to float32
// rounding of the rows: rows each within kFloat32Unit of their length of exact rows have dot
// products within 2 u |a| |b| of the exact ones, so a diagonal of exactly equal dot products
// spreads by at most 4 u M^2, M^2 the largest squared length (the largest entry of the main
// diagonal of a Gram matrix).
struct DiagonalRanges {
  std::vector<double> low, high;  // (n)
  bool offset_only = true;        // every high[k] - low[k] <= 4 u M^2
};
constexpr auto fields_of(const DiagonalRanges&) {
  return std::tuple{field<&DiagonalRanges::low>("low"), field<&DiagonalRanges::high>("high"),
                    field<&DiagonalRanges::offset_only>("offsetOnly")};
}
DiagonalRanges diagonal_ranges(const std::vector<double>& matrix, int n);

// The same ranges from the entries on and above the main diagonal given one at a time, in any
// order, so a matrix computed a tile at a time need not be kept whole.
class DiagonalTracker {
 public:
  explicit DiagonalTracker(int n);
  void add(int row, int column, double value);  // column >= row
  DiagonalRanges ranges() const;                // once every entry has been added

 private:
  DiagonalRanges ranges_;
  double largest_square_ = 0;
};

}  // namespace pe
