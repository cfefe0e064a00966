// The token 3 places back: a fixed relative offset. A scheme that says how far apart two tokens
// are (RoPE) can carry it to any length; absolute positions must learn it position by position.
#include "training/tasks/task.hpp"

namespace pe {

namespace {

constexpr int kOffset = 3;
constexpr int kTokens = 16;

void make_kback(SplitMix64& random, int length, int* tokens, int* labels) {
  for (int t = 0; t < length; ++t) {
    tokens[t] = static_cast<int>(random.next_below(kTokens));
    labels[t] = t >= kOffset ? tokens[t - kOffset] : kUnlabelled;
  }
}

}  // namespace

extern const Task kKbackTask;
const Task kKbackTask{"kback",
                      "the token 3 places back",
                      "a relative offset",
                      "At every position from the 4th on, name the token 3 places earlier: the "
                      "model must find the token at a fixed distance, wherever it stands.",
                      kTokens,
                      kTokens,
                      kOffset + 1,
                      &make_kback};

}  // namespace pe
