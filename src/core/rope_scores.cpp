#include "core/rope_scores.hpp"

#include <algorithm>
#include <cmath>

#include "core/angles.hpp"

namespace pe {

namespace {

constexpr std::int64_t kBlockRows = 256;  // keys rotated at a time

double square(double x) { return x * x; }

// max_i |h_{i+1} - h_i| over i = 0 .. dim/2 - 1, h_i = q_i conj(k_i), h_{dim/2} = 0.
double largest_step(const float* query, const float* key, const PairChannels& pairs) {
  const std::size_t n = pairs.first.size();
  std::vector<double> re(n + 1, 0.0), im(n + 1, 0.0);
  for (std::size_t i = 0; i < n; ++i) {
    const double qx = query[pairs.first[i]], qy = query[pairs.second[i]];
    const double kx = key[pairs.first[i]], ky = key[pairs.second[i]];
    re[i] = qx * kx + qy * ky;  // (qx + i qy)(kx - i ky)
    im[i] = qy * kx - qx * ky;
  }
  double largest = 0;
  for (std::size_t i = 0; i < n; ++i)
    largest = std::max(largest, std::sqrt(square(re[i + 1] - re[i]) + square(im[i + 1] - im[i])));
  return largest;
}

}  // namespace

RopeScores rope_scores(const float* query, const float* key, int dim,
                       const std::vector<double>& frequencies, RopePairing pairing,
                       std::int64_t position, std::int64_t first_offset, std::int64_t count) {
  RopeScores out;
  out.scores.reserve(static_cast<std::size_t>(count));
  out.bounds.reserve(static_cast<std::size_t>(count));

  std::vector<float> q(query, query + dim);
  rotate_rows(frequencies, pairing, position, 1, dim, q.data(), dim);

  // Keys: a block of copies of k, turned as positions n, n + 1, ..., then one dot product each.
  std::vector<float> keys(static_cast<std::size_t>(std::min(count, kBlockRows) * dim));
  for (std::int64_t row = 0; row < count; row += kBlockRows) {
    const std::int64_t rows = std::min(kBlockRows, count - row);
    for (std::int64_t r = 0; r < rows; ++r) std::copy(key, key + dim, keys.data() + r * dim);
    rotate_rows(frequencies, pairing, position + first_offset + row, rows, dim, keys.data(), dim);
    for (std::int64_t r = 0; r < rows; ++r) {
      const float* k = keys.data() + r * dim;
      double sum = 0;
      for (int c = 0; c < dim; ++c) sum += static_cast<double>(q[c]) * k[c];
      out.scores.push_back(sum);
    }
  }

  // The bound: |S_j| for j = 1 .. dim/2 from running sums of (cos, sin)(o theta_i).
  const double step = largest_step(query, key, pair_channels(dim, pairing));
  PairAngles angles(frequencies, first_offset);
  for (std::int64_t j = 0; j < count; ++j, angles.next()) {
    double re = 0, im = 0, total = 0;
    for (int i = 0; i < angles.pairs(); ++i) {
      re += angles.cos(i);
      im += angles.sin(i);
      total += std::sqrt(re * re + im * im);
    }
    out.bounds.push_back(step * total);
  }
  return out;
}

}  // namespace pe
