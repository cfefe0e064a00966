#include "mla/mla_absorption.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>

#include "analysis/vector_geometry.hpp"
#include "core/angles.hpp"
#include "core/random.hpp"
#include "core/rotary.hpp"

namespace pe {

namespace {

constexpr double kRopeBase = 10000;

using Matrix = std::vector<float>;

std::size_t size(int rows, int cols) { return static_cast<std::size_t>(rows) * cols; }

// c = a b: a (rows, inner), b (inner, cols), c (rows, cols); each entry summed in double and
// rounded once to float.
Matrix multiply(const float* a, const float* b, int rows, int inner, int cols) {
  Matrix c(size(rows, cols));
  for (int r = 0; r < rows; ++r)
    for (int j = 0; j < cols; ++j) {
      double sum = 0;
      for (int k = 0; k < inner; ++k)
        sum += static_cast<double>(a[size(r, inner) + k]) * b[size(k, cols) + j];
      c[size(r, cols) + j] = static_cast<float>(sum);
    }
  return c;
}

// RoPE in place: row r of rows (count, dim) turned as position start + r, where theta holds
// dim / 2 frequencies.
void rotate(Matrix& rows, const std::vector<double>& theta, int count, std::int64_t start) {
  const int dim = static_cast<int>(2 * theta.size());
  rotate_rows(theta, RopePairing::interleaved, start, count, dim, rows.data(), dim);
}

}  // namespace

MlaLayer make_mla_layer(const MlaAbsorptionRequest& r) {
  NormalGenerator random(r.seed);
  // Appends (rows, cols) entries of N(0, scale^2), row by row.
  const auto draw = [&random](Matrix& into, int rows, int cols, double scale) {
    std::size_t e = into.size();
    into.resize(e + size(rows, cols));
    for (; e < into.size(); ++e) into[e] = static_cast<float>(scale * random.next());
  };
  // A weight matrix of N(0, 1 / rows): x W keeps the size of x.
  const auto weights = [&draw](Matrix& into, int rows, int cols) {
    draw(into, rows, cols, 1 / std::sqrt(static_cast<double>(rows)));
  };
  MlaLayer layer;
  weights(layer.down_kv, r.d_model, r.latent_dim);
  weights(layer.rope_key, r.d_model, r.rope_dim);
  for (int head = 0; head < r.heads; ++head) {
    weights(layer.query, r.d_model, r.head_dim);
    weights(layer.rope_query, r.d_model, r.rope_dim);
    weights(layer.up_key, r.latent_dim, r.head_dim);
  }
  draw(layer.hidden, r.tokens, r.d_model, 1);
  return layer;
}

MlaAbsorption run_mla_absorption(const MlaAbsorptionRequest& r) {
  const int n = r.tokens, d_model = r.d_model, d_h = r.head_dim, d_r = r.rope_dim;
  const int d_c = r.latent_dim;
  const bool naive = r.rope == MlaRope::naive, decoupled = r.rope == MlaRope::decoupled;
  const int key_length = d_h + (decoupled ? d_r : 0);
  const double scale = 1 / std::sqrt(static_cast<double>(key_length));
  const MlaLayer layer = make_mla_layer(r);
  const float* hidden = layer.hidden.data();
  // RoPE's frequencies for the rope part (d_r) and, for naive, the whole head (d_h).
  const std::vector<double> rope_theta = inverse_frequencies(d_r, kRopeBase);
  const std::vector<double> head_theta = inverse_frequencies(d_h, kRopeBase);

  // The cache: the latent c_KV (n, d_c), and the shared RoPE key k^R (n, d_r), rotated once.
  const Matrix latent = multiply(hidden, layer.down_kv.data(), n, d_model, d_c);
  Matrix rope_key = multiply(hidden, layer.rope_key.data(), n, d_model, d_r);
  rotate(rope_key, rope_theta, n, r.start);

  MlaAbsorption result;
  result.explicit_scores.resize(size(r.heads * n, n));
  result.absorbed_scores.resize(size(r.heads * n, n));
  std::size_t at = 0;  // (head * n + m) * n + t
  for (int head = 0; head < r.heads; ++head) {
    const float* up_key = &layer.up_key[size(head * d_c, d_h)];
    Matrix query = multiply(hidden, &layer.query[size(head * d_model, d_h)], n, d_model, d_h);
    Matrix key = multiply(latent.data(), up_key, n, d_c, d_h);  // k^C: materialised
    Matrix rope_query =
        multiply(hidden, &layer.rope_query[size(head * d_model, d_r)], n, d_model, d_r);
    rotate(rope_query, rope_theta, n, r.start);
    if (naive) {
      rotate(query, head_theta, n, r.start);
      rotate(key, head_theta, n, r.start);
    }
    // Absorbed: q~ = W_UK^T q (n, d_c), the query folded onto the latent's side.
    Matrix folded(size(n, d_c));
    for (int m = 0; m < n; ++m)
      for (int c = 0; c < d_c; ++c)
        folded[size(m, d_c) + c] =
            static_cast<float>(row_dot(&query[size(m, d_h)], up_key + size(c, d_h), d_h));

    for (int m = 0; m < n; ++m)
      for (int t = 0; t < n; ++t) {
        // Both ways add the RoPE part q^R . k^R the same way (for decoupled): the explicit key
        // is [k^C; k^R], the cache holds k^R.
        const double rope_part =
            decoupled ? row_dot(&rope_query[size(m, d_r)], &rope_key[size(t, d_r)], d_r) : 0;
        const double explicit_score =
            scale * (row_dot(&query[size(m, d_h)], &key[size(t, d_h)], d_h) + rope_part);
        const double absorbed_score =
            scale * (row_dot(&folded[size(m, d_c)], &latent[size(t, d_c)], d_c) + rope_part);
        const float explicit_float = static_cast<float>(explicit_score);
        const float absorbed_float = static_cast<float>(absorbed_score);
        result.explicit_scores[at] = explicit_float;
        result.absorbed_scores[at++] = absorbed_float;
        result.max_abs_score = std::max(result.max_abs_score, std::fabs(double{explicit_float}));
        result.max_abs_difference =
            std::max(result.max_abs_difference, std::fabs(double{explicit_float} - absorbed_float));
      }
  }

  result.absorbed_matrices = naive ? 2 * n - 1 : 1;
  // What MHA caches (mla/kv_cache.hpp): every head's key and value.
  result.explicit_cache = static_cast<std::int64_t>(r.heads) * (key_length + d_h);
  result.absorbed_cache = d_c + (decoupled ? d_r : 0);
  return result;
}

}  // namespace pe
