#pragma once
// One experiment of pe-train: a trainer per task, scheme and seed, each trained to the end and
// evaluated on held-out sequences of every length 1 .. evaluationLength.
#include <string>
#include <vector>

#include "training/trainer.hpp"
#include "training/trainer_request.hpp"

namespace pe_train {

struct Run {
  pe::TrainerOptions options;  // as resolved, defaults included
  std::string task, scheme;
  long long seed = 0;
  int diverged_at = 0;    // 0 unless the run diverged
  double seconds = 0;     // training and evaluation
  double final_loss = 0;  // mean training loss of the last 50 steps
  double held_out_loss = 0;
  pe::Evaluation evaluation;  // lengths 1 .. evaluationLength, in order
};

struct ExperimentPlan {
  std::vector<std::string> tasks, schemes;
  int seeds = 3;
  int evaluation_sequences = 32;  // per length
  pe::RawTrainerRequest request;  // every other trainer option, as given
};

// The trainer options of one run: plan.request with its task, scheme and seed.
pe::RawTrainerRequest run_request(const ExperimentPlan& plan, const std::string& task,
                                  const std::string& scheme, int seed_index);

// Trains and evaluates one run; an error if its options are not valid.
std::variant<Run, pe::InputError> run_one(const pe::RawTrainerRequest& request,
                                          int evaluation_sequences);

}  // namespace pe_train
