#pragma once
// A position scheme as the trainer runs it: the scheme's own hook (positions/position_scheme.hpp)
// is read once per trainer, for every position a sequence can take, into a table; forward and
// backward then read the table, so no hook, angle or allocation runs inside a step.
//   input      the table P (rows, d) added to the token embeddings; constant, so backward stops
//              there. A learned scheme's table is a parameter instead (training/parameters.hpp):
//              the model adds it and trains it, and this object holds nothing.
//   query_key  per position and channel pair of each head, the 2 x 2 map [x'; y'] = [a b; c d] [x;
//   y]
//              the scheme's rotate applies (RoPE: a = d = cos, c = -b = sin), tabulated by
//              rotating unit vectors; backward applies its transpose, the opposite angle.
//   scores     per head, the bias add_bias gives query i and key j; constant, so the scores'
//              gradient passes through. ALiBi's head h of n takes the paper's slope m_h.
// Positions are start + r for row r = 0 .. rows - 1: token r of every sequence sits at row r.
#include <cstdint>
#include <vector>

#include "positions/position_scheme.hpp"
#include "training/model_shape.hpp"

namespace pe {

template <typename Real>
class PositionTerms {
 public:
  PositionTerms(const PositionScheme& scheme, const SchemeOptions& options, std::int64_t start,
                int rows, const ModelShape& shape);

  int rows() const { return rows_; }
  bool learned() const { return learned_; }

  // input (not learned): the table (rows, d); otherwise null.
  const Real* added_table() const { return table_.empty() ? nullptr : table_.data(); }

  // query_key: turns the queries and keys of tokens 0 .. count - 1 of one sequence in place;
  // qkv holds count rows of 3 d values (queries | keys | values). No-op for other stages.
  void rotate(Real* qkv, int count) const;
  // The transpose of rotate, applied to the gradients of those queries and keys.
  void rotate_back(Real* d_qkv, int count) const;

  // scores: head h's bias of query row i against key rows 0 .. rows - 1; null for other stages.
  const Real* bias_row(int head, int query) const {
    return bias_.empty() ? nullptr
                         : bias_.data() + (static_cast<long>(head) * rows_ + query) * rows_;
  }

 private:
  void tabulate_maps(const PositionScheme& scheme, const SchemeOptions& options,
                     std::int64_t start);
  void tabulate_bias(const PositionScheme& scheme, const SchemeOptions& options,
                     std::int64_t start);
  template <bool kBack>
  void apply_maps(Real* qkv, int count) const;

  int rows_, d_model_, heads_, head_dim_;
  bool learned_;
  std::vector<Real> table_;          // input: (rows, d)
  std::vector<int> first_, second_;  // query_key: pair k's channels within a head
  std::vector<Real> maps_;           // query_key: (rows, pairs, 4) = a, b, c, d
  std::vector<Real> bias_;           // scores: (heads, rows, rows)
};

}  // namespace pe
