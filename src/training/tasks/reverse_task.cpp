// Reversal: the first half of the sequence, read backwards into the second. Which token belongs
// at each place depends on where the halves meet and how far along each token is, so a model
// without positions and without the causal mask, which sees every blank the same way, fails
// outright.
#include "training/tasks/task.hpp"

namespace pe {

namespace {

constexpr int kTokens = 16;
constexpr int kBlank = kTokens;  // the blanks of the second half, one more input token

// length = 2m or 2m + 1: tokens x_0 .. x_{m-1}, then blanks; blank j (position m + j) is
// labelled x_{m-1-j} for j < m (an odd length's last blank asks nothing).
void make_reverse(SplitMix64& random, int length, int* tokens, int* labels) {
  const int half = length / 2;
  for (int t = 0; t < length; ++t) {
    tokens[t] = t < half ? static_cast<int>(random.next_below(kTokens)) : kBlank;
    labels[t] = kUnlabelled;
  }
  for (int j = 0; j < half; ++j) labels[half + j] = tokens[half - 1 - j];
}

}  // namespace

extern const Task kReverseTask;
const Task kReverseTask{"reverse",
                        "the first half, reversed",
                        "the order of the whole sequence",
                        "The first half of the sequence is tokens, the second half blanks: at "
                        "each blank, name the first half's tokens in reverse order (the first "
                        "blank the last token).",
                        kTokens + 1,
                        kTokens,
                        2,
                        &make_reverse};

}  // namespace pe
