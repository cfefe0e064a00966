#include "experiment.hpp"

#include <algorithm>
#include <ctime>
#include <numeric>

namespace pe_train {

pe::RawTrainerRequest run_request(const ExperimentPlan& plan, const std::string& task,
                                  const std::string& scheme, int seed_index) {
  pe::RawTrainerRequest request = plan.request;
  request.task = task;
  request.scheme = scheme;
  request.seed += seed_index;
  return request;
}

std::variant<Run, pe::InputError> run_one(const pe::RawTrainerRequest& request,
                                          int evaluation_sequences) {
  auto parsed = pe::parse_trainer_request(request);
  if (auto* error = std::get_if<pe::InputError>(&parsed)) return *error;
  const pe::TrainerSetup& setup = std::get<pe::TrainerSetup>(parsed);
  const std::clock_t began = std::clock();
  pe::Trainer trainer(setup);
  trainer.step(setup.options.steps);
  Run run;
  run.options = setup.options;
  run.task = setup.options.task;
  run.scheme = setup.options.scheme;
  run.seed = setup.options.seed;
  run.diverged_at = trainer.state().diverged_at;
  const std::vector<float>& losses = trainer.loss_history();
  const std::size_t tail = std::min<std::size_t>(50, losses.size());
  run.final_loss = tail ? std::accumulate(losses.end() - tail, losses.end(), 0.0) / tail : 0;
  run.held_out_loss = trainer.held_out_loss();
  pe::RawEvaluationRequest held_out;
  for (int length = 1; length <= setup.evaluation_length; ++length)
    held_out.lengths.push_back(length);
  held_out.sequences = evaluation_sequences;
  run.evaluation = std::get<pe::Evaluation>(trainer.evaluate(held_out));
  run.seconds = static_cast<double>(std::clock() - began) / CLOCKS_PER_SEC;
  return run;
}

}  // namespace pe_train
