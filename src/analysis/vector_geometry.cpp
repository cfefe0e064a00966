#include "analysis/vector_geometry.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>

namespace pe {

namespace {

const float* row(const float* table, int dim, int r) {
  return table + static_cast<std::ptrdiff_t>(r) * dim;
}

double dot(const float* x, const float* y, int dim) {
  double sum = 0;
  for (int i = 0; i < dim; ++i) sum += static_cast<double>(x[i]) * y[i];
  return sum;
}

// dot / sqrt(|x|^2 |y|^2) rather than dot / (|x| |y|): for x = y the dot product is |x|^2 and a
// correctly rounded sqrt of its square gives it back, so equal rows have cosine exactly 1.
double cosine(double dot_product, double squared_lengths) {
  return squared_lengths > 0 ? std::clamp(dot_product / std::sqrt(squared_lengths), -1.0, 1.0) : 0;
}

}  // namespace

double row_norm(const float* table, int dim, int r) {
  const float* x = row(table, dim, r);
  return std::sqrt(dot(x, x, dim));
}

double row_distance(const float* table, int dim, int a, int b) {
  const float* x = row(table, dim, a);
  const float* y = row(table, dim, b);
  double sum = 0;
  for (int i = 0; i < dim; ++i) {
    const double difference = static_cast<double>(x[i]) - y[i];
    sum += difference * difference;
  }
  return std::sqrt(sum);
}

double row_cosine(const float* table, int dim, int a, int b) {
  const float* x = row(table, dim, a);
  const float* y = row(table, dim, b);
  return cosine(dot(x, y, dim), dot(x, x, dim) * dot(y, y, dim));
}

std::vector<double> row_norms(const float* table, int dim, int count) {
  std::vector<double> norms(static_cast<std::size_t>(count));
  for (int r = 0; r < count; ++r) norms[r] = row_norm(table, dim, r);
  return norms;
}

std::vector<double> cosine_matrix(const float* table, int dim, int count) {
  const auto n = static_cast<std::size_t>(count);
  std::vector<double> squared_lengths(n);
  for (int r = 0; r < count; ++r) {
    const float* x = row(table, dim, r);
    squared_lengths[r] = dot(x, x, dim);
  }
  std::vector<double> matrix(n * n);
  for (int a = 0; a < count; ++a) {
    for (int b = a; b < count; ++b) {
      const double value = cosine(dot(row(table, dim, a), row(table, dim, b), dim),
                                  squared_lengths[a] * squared_lengths[b]);
      matrix[a * n + b] = value;
      matrix[b * n + a] = value;
    }
  }
  return matrix;
}

}  // namespace pe
