// The largest token so far: the lab's control. Under the causal mask every earlier token is in
// view and the answer does not depend on where any of them stands (attention that favours large
// tokens finds it at any length), so positions are not needed, and can only get in the way.
#include "training/tasks/task.hpp"

namespace pe {

namespace {

constexpr int kTokens = 64;  // enough that the largest token is often not the last possible one

void make_max_so_far(SplitMix64& random, int length, int* tokens, int* labels) {
  int largest = -1;
  for (int t = 0; t < length; ++t) {
    tokens[t] = static_cast<int>(random.next_below(kTokens));
    largest = tokens[t] > largest ? tokens[t] : largest;
    labels[t] = largest;
  }
}

}  // namespace

extern const Task kMaxSoFarTask;
const Task kMaxSoFarTask{"max",
                         "the largest token so far",
                         "no position (a control)",
                         "At every position, name the largest token up to and including it: a "
                         "comparison over the tokens in view, whatever their order.",
                         kTokens,
                         kTokens,
                         1,
                         &make_max_so_far};

}  // namespace pe
