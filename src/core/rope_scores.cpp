#include "core/rope_scores.hpp"

#include <algorithm>
#include <cmath>

#include "core/angles.hpp"

namespace pe {

namespace {

constexpr std::int64_t kBlockRows = 256;  // keys rotated at a time

double square(double x) { return x * x; }

// max_i |h_{i+1} - h_i| over i = 0 .. dim/2 - 1, h_i = q_i conj(k_i), h_{dim/2} = 0.
double largest_step(const float* query, const float* key, int dim, RopePairing pairing) {
  double largest = 0, re = 0, im = 0;  // h_i, from i = 0
  for (int i = 0; i < dim / 2; ++i) {
    const int a = first_channel(pairing, i), b = second_channel(pairing, i, dim);
    if (i == 0) {
      re = query[a] * double{key[a]} + query[b] * double{key[b]};  // (qx + i qy)(kx - i ky)
      im = query[b] * double{key[a]} - query[a] * double{key[b]};
    }
    double next_re = 0, next_im = 0;  // h_{i+1}, 0 past the last pair
    if (i + 1 < dim / 2) {
      const int c = first_channel(pairing, i + 1), d = second_channel(pairing, i + 1, dim);
      next_re = query[c] * double{key[c]} + query[d] * double{key[d]};
      next_im = query[d] * double{key[c]} - query[c] * double{key[d]};
    }
    largest = std::max(largest, std::sqrt(square(next_re - re) + square(next_im - im)));
    re = next_re;
    im = next_im;
  }
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
  const double step = largest_step(query, key, dim, pairing);
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
