#include "analysis/vector_geometry.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>

namespace pe {

double row_distance(const float* x, const float* y, int dim) {
  double sum = 0;
  for (int i = 0; i < dim; ++i) {
    const double difference = static_cast<double>(x[i]) - y[i];
    sum += difference * difference;
  }
  return std::sqrt(sum);
}

double row_dot(const float* x, const float* y, int dim) {
  double sum = 0;
  for (int i = 0; i < dim; ++i) sum += static_cast<double>(x[i]) * y[i];
  return sum;
}

double row_norm(const float* x, int dim) { return std::sqrt(row_dot(x, x, dim)); }

TableRows::TableRows(const float* table, int dim, int count)
    : table_(table), dim_(dim), squared_lengths_(static_cast<std::size_t>(count)) {
  for (int r = 0; r < count; ++r) squared_lengths_[r] = dot(r, r);
}

const float* TableRows::row(int r) const { return table_ + static_cast<std::ptrdiff_t>(r) * dim_; }

double TableRows::dot(int a, int b) const { return row_dot(row(a), row(b), dim_); }

double TableRows::norm(int r) const { return std::sqrt(squared_lengths_[r]); }

double TableRows::distance(int a, int b) const { return row_distance(row(a), row(b), dim_); }

// dot / sqrt(|x|^2 |y|^2) rather than dot / (|x| |y|): for x = y the dot product is |x|^2, and a
// correctly rounded square root of its square gives it back, so equal rows get exactly 1.
double cosine_of(double dot, double squared_a, double squared_b) {
  const double squared_lengths = squared_a * squared_b;
  if (!(squared_lengths > 0)) return 0;
  return std::clamp(dot / std::sqrt(squared_lengths), -1.0, 1.0);
}

double TableRows::cosine(int a, int b) const {
  return cosine_of(dot(a, b), squared_lengths_[a], squared_lengths_[b]);
}

std::vector<double> TableRows::norms() const {
  std::vector<double> lengths(squared_lengths_.size());
  for (std::size_t r = 0; r < lengths.size(); ++r) lengths[r] = std::sqrt(squared_lengths_[r]);
  return lengths;
}

std::vector<double> TableRows::cosine_matrix() const {
  const int count = static_cast<int>(squared_lengths_.size());
  const auto n = static_cast<std::size_t>(count);
  std::vector<double> matrix(n * n);
  for (int a = 0; a < count; ++a) {
    for (int b = a; b < count; ++b) {
      const double value = cosine(a, b);
      matrix[a * n + b] = value;
      matrix[b * n + a] = value;
    }
  }
  return matrix;
}

std::vector<double> TableRows::dot_matrix() const {
  const int count = static_cast<int>(squared_lengths_.size());
  const auto n = static_cast<std::size_t>(count);
  std::vector<double> matrix(n * n);
  for (int a = 0; a < count; ++a) {
    matrix[a * n + a] = squared_lengths_[a];
    for (int b = a + 1; b < count; ++b) matrix[a * n + b] = matrix[b * n + a] = dot(a, b);
  }
  return matrix;
}

DiagonalRanges diagonal_ranges(const std::vector<double>& matrix, int n) {
  DiagonalTracker tracker(n);
  const auto size = static_cast<std::size_t>(n);
  for (std::size_t r = 0; r < size; ++r)
    for (std::size_t c = r; c < size; ++c)
      tracker.add(static_cast<int>(r), static_cast<int>(c), matrix[r * size + c]);
  return tracker.ranges();
}

DiagonalTracker::DiagonalTracker(int n)
    : ranges_{std::vector<double>(static_cast<std::size_t>(n), HUGE_VAL),
              std::vector<double>(static_cast<std::size_t>(n), -HUGE_VAL), true} {}

void DiagonalTracker::add(int row, int column, double value) {
  const auto k = static_cast<std::size_t>(column - row);
  ranges_.low[k] = std::min(ranges_.low[k], value);
  ranges_.high[k] = std::max(ranges_.high[k], value);
  if (k == 0) largest_square_ = std::max(largest_square_, value);
}

DiagonalRanges DiagonalTracker::ranges() const {
  DiagonalRanges ranges = ranges_;
  const double rounding = 4 * kFloat32Unit * largest_square_;
  for (std::size_t k = 0; k < ranges.low.size(); ++k)
    if (ranges.high[k] - ranges.low[k] > rounding) ranges.offset_only = false;
  return ranges;
}

}  // namespace pe
