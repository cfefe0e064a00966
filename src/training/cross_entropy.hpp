#pragma once
// Softmax cross-entropy over the labelled positions, as PyTorch's cross_entropy with
// ignore_index and mean reduction: the mean of -log p(label) over the positions that have a label.
namespace pe {

// logits (rows, classes) become the probabilities, in place; losses[r] = -log p_r(labels[r])
// (0 where unlabelled). Returns the mean over the labelled rows (0 when there are none).
template <typename Real>
Real cross_entropy_forward(Real* logits, const int* labels, int rows, int classes, Real* losses);

// d_logits (rows, classes) = (p - onehot(label)) / labelled on labelled rows, 0 elsewhere.
template <typename Real>
void cross_entropy_backward(const Real* probabilities, const int* labels, int rows, int classes,
                            int labelled, Real* d_logits);

}  // namespace pe
