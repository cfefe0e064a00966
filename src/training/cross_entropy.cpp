#include "training/cross_entropy.hpp"

#include <algorithm>
#include <cmath>

#include "training/fast_math.hpp"
#include "training/tasks/task.hpp"

namespace pe {

template <typename Real>
Real cross_entropy_forward(Real* logits, const int* labels, int rows, int classes, Real* losses) {
  double total = 0;
  int labelled = 0;
  for (int r = 0; r < rows; ++r) {
    Real* p = logits + static_cast<long>(r) * classes;
    const Real top = *std::max_element(p, p + classes);
    const Real labelled_logit = labels[r] == kUnlabelled ? top : p[labels[r]];
    for (int c = 0; c < classes; ++c) p[c] = exp_of(p[c] - top);
    Real sum = 0;
    for (int c = 0; c < classes; ++c) sum += p[c];
    // -log softmax(label) = log(sum_c exp(l_c - top)) - (l_label - top)
    losses[r] = labels[r] == kUnlabelled ? Real(0) : std::log(sum) - (labelled_logit - top);
    const Real inverse = Real(1) / sum;
    for (int c = 0; c < classes; ++c) p[c] *= inverse;
    if (labels[r] == kUnlabelled) continue;
    total += losses[r];
    ++labelled;
  }
  return labelled ? static_cast<Real>(total / labelled) : Real(0);
}

template <typename Real>
void cross_entropy_backward(const Real* probabilities, const int* labels, int rows, int classes,
                            int labelled, Real* d_logits) {
  const Real share = labelled ? Real(1) / labelled : Real(0);
  for (int r = 0; r < rows; ++r) {
    const Real* p = probabilities + static_cast<long>(r) * classes;
    Real* d = d_logits + static_cast<long>(r) * classes;
    if (labels[r] == kUnlabelled) {
      std::fill(d, d + classes, Real(0));
      continue;
    }
    for (int c = 0; c < classes; ++c) d[c] = p[c] * share;
    d[labels[r]] -= share;
  }
}

template float cross_entropy_forward<float>(float*, const int*, int, int, float*);
template double cross_entropy_forward<double>(double*, const int*, int, int, double*);
template void cross_entropy_backward<float>(const float*, const int*, int, int, int, float*);
template void cross_entropy_backward<double>(const double*, const int*, int, int, int, double*);

}  // namespace pe
