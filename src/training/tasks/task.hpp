#pragma once
// A task of the training lab: sequences of tokens and, at some positions, the class the model
// must name there. Each task is one file (<name>_task.cpp) plus one row of task_registry.cpp, and
// plays one role in the lab's argument about positions (what a model needs to know of where each
// token is to solve it).
#include <string_view>

#include "core/random.hpp"

namespace pe {

// The label of a position where the task asks nothing; the loss and the accuracy skip it.
constexpr int kUnlabelled = -1;

struct Task {
  std::string_view name;         // e.g. "kback"
  std::string_view label;        // for selectors, e.g. "the token 3 places back"
  std::string_view needs;        // what of position it needs, e.g. "a relative offset"
  std::string_view description;  // one sentence: the rule, and what solving it takes
  int vocabulary;                // input tokens 0 .. vocabulary - 1
  int classes;                   // labels 0 .. classes - 1
  int shortest;                  // the shortest sequence with a label (a trainingLength's least)

  // One sequence of length tokens drawn from random: tokens[t] and labels[t] (kUnlabelled where
  // nothing is asked) for t = 0 .. length - 1. The same stream gives the same sequence everywhere.
  void (*make)(SplitMix64& random, int length, int* tokens, int* labels);
};

}  // namespace pe
