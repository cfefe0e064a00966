#include "training/position_terms.hpp"

#include <algorithm>

#include "core/alibi.hpp"
#include "core/rotary.hpp"

namespace pe {

template <typename Real>
PositionTerms<Real>::PositionTerms(const PositionScheme& scheme, const SchemeOptions& options,
                                   std::int64_t start, int rows, const ModelShape& shape)
    : rows_(rows),
      d_model_(shape.d_model),
      heads_(shape.heads),
      head_dim_(shape.head_dim()),
      learned_(scheme.learned) {
  if (scheme.encode && !scheme.learned) {
    std::vector<float> table(static_cast<std::size_t>(rows) * d_model_);
    scheme.encode(options, start, rows, d_model_, table.data());
    table_.assign(table.begin(), table.end());
  }
  if (scheme.rotate) tabulate_maps(scheme, options, start);
  if (scheme.add_bias) tabulate_bias(scheme, options, start);
}

// Column j of each position's 2 x 2 map is what rotate makes of the unit vector e_j: rotating
// rows with 1 on every pair's first channel gives (a, c), with 1 on every second channel (b, d).
template <typename Real>
void PositionTerms<Real>::tabulate_maps(const PositionScheme& scheme, const SchemeOptions& options,
                                        std::int64_t start) {
  const int pairs = head_dim_ / 2;
  for (int k = 0; k < pairs; ++k) {
    first_.push_back(first_channel(options.pairing, k));
    second_.push_back(second_channel(options.pairing, k, head_dim_));
  }
  const std::size_t values = static_cast<std::size_t>(rows_) * head_dim_;
  std::vector<float> unit_first(values, 0.0f), unit_second(values, 0.0f);
  for (int r = 0; r < rows_; ++r)
    for (int k = 0; k < pairs; ++k) {
      unit_first[r * head_dim_ + first_[k]] = 1.0f;
      unit_second[r * head_dim_ + second_[k]] = 1.0f;
    }
  scheme.rotate(options, start, rows_, head_dim_, unit_first.data(), head_dim_);
  scheme.rotate(options, start, rows_, head_dim_, unit_second.data(), head_dim_);
  maps_.resize(static_cast<std::size_t>(rows_) * pairs * 4);
  for (int r = 0; r < rows_; ++r)
    for (int k = 0; k < pairs; ++k) {
      Real* map = maps_.data() + (static_cast<std::size_t>(r) * pairs + k) * 4;
      map[0] = unit_first[r * head_dim_ + first_[k]];    // a
      map[1] = unit_second[r * head_dim_ + first_[k]];   // b
      map[2] = unit_first[r * head_dim_ + second_[k]];   // c
      map[3] = unit_second[r * head_dim_ + second_[k]];  // d
    }
}

// ALiBi (Press et al.) gives head h of n heads its own slope m_h = alibi_slopes(n)[h]; a scores
// scheme reads the slope of the head it biases.
template <typename Real>
void PositionTerms<Real>::tabulate_bias(const PositionScheme& scheme, const SchemeOptions& options,
                                        std::int64_t start) {
  const std::vector<double> slopes = alibi_slopes(heads_);
  bias_.resize(static_cast<std::size_t>(heads_) * rows_ * rows_);
  std::vector<float> row(rows_);
  for (int h = 0; h < heads_; ++h) {
    SchemeOptions head = options;
    head.slope = slopes[h];
    for (int i = 0; i < rows_; ++i) {
      std::fill(row.begin(), row.end(), 0.0f);
      scheme.add_bias(head, start + i, start, rows_, row.data());
      std::copy(row.begin(), row.end(), bias_.begin() + (static_cast<long>(h) * rows_ + i) * rows_);
    }
  }
}

// Forward: (x, y) <- (a x + b y, c x + d y); back: the transpose, (a x + c y, b x + d y).
template <typename Real>
template <bool kBack>
void PositionTerms<Real>::apply_maps(Real* qkv, int count) const {
  const int pairs = head_dim_ / 2;
  for (int r = 0; r < count; ++r) {
    const Real* maps = maps_.data() + static_cast<std::size_t>(r) * pairs * 4;
    Real* row = qkv + static_cast<long>(r) * 3 * d_model_;
    for (int h = 0; h < 2 * heads_; ++h) {  // the query heads, then the key heads
      Real* head = row + h * head_dim_;
      for (int k = 0; k < pairs; ++k) {
        const Real* m = maps + 4 * k;
        const Real x = head[first_[k]], y = head[second_[k]];
        head[first_[k]] = kBack ? m[0] * x + m[2] * y : m[0] * x + m[1] * y;
        head[second_[k]] = kBack ? m[1] * x + m[3] * y : m[2] * x + m[3] * y;
      }
    }
  }
}

template <typename Real>
void PositionTerms<Real>::rotate(Real* qkv, int count) const {
  if (!maps_.empty()) apply_maps<false>(qkv, count);
}

template <typename Real>
void PositionTerms<Real>::rotate_back(Real* d_qkv, int count) const {
  if (!maps_.empty()) apply_maps<true>(d_qkv, count);
}

template class PositionTerms<float>;
template class PositionTerms<double>;

}  // namespace pe
