// The first token: an absolute anchor, position 0. Under the causal mask even a model without
// positions finds it (the first token is the only one that sees nothing but itself); without the
// mask, only positions can say which token came first.
#include "training/tasks/task.hpp"

namespace pe {

namespace {

constexpr int kTokens = 16;

void make_first(SplitMix64& random, int length, int* tokens, int* labels) {
  for (int t = 0; t < length; ++t) {
    tokens[t] = static_cast<int>(random.next_below(kTokens));
    labels[t] = t >= 1 ? tokens[0] : kUnlabelled;
  }
}

}  // namespace

extern const Task kFirstTokenTask;
const Task kFirstTokenTask{"first",
                           "the first token",
                           "an absolute anchor",
                           "At every position from the 2nd on, name the sequence's first token: "
                           "the model must find position 0.",
                           kTokens,
                           kTokens,
                           2,
                           &make_first};

}  // namespace pe
