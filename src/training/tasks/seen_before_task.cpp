// Has this token appeared before? The lecture's duplicate tokens as a task, and the lab's
// control: under the causal mask every earlier token is in view and the answer does not depend on
// where any of them stands, so positions should neither help nor be needed.
#include "training/tasks/task.hpp"

namespace pe {

namespace {

// Enough tokens that at the training length a repeat is about as likely as not.
constexpr int kTokens = 24;

void make_seen(SplitMix64& random, int length, int* tokens, int* labels) {
  std::uint32_t seen = 0;  // bit v: token v appeared at an earlier position
  for (int t = 0; t < length; ++t) {
    tokens[t] = static_cast<int>(random.next_below(kTokens));
    labels[t] = (seen >> tokens[t]) & 1u;
    seen |= 1u << tokens[t];
  }
}

}  // namespace

extern const Task kSeenBeforeTask;
const Task kSeenBeforeTask{"seen",
                           "has this token appeared before?",
                           "no position (a control)",
                           "At every position, say whether the token appeared earlier in the "
                           "sequence (1) or not (0): a set membership that needs no order under "
                           "the causal mask.",
                           kTokens,
                           2,
                           1,
                           &make_seen};

}  // namespace pe
