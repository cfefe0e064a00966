#include "training/trainer.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <string>
#include <string_view>

#include "training/optimizer.hpp"

namespace pe {

namespace {

// The seed of one of the run's separate random streams, named by what it draws.
std::uint64_t stream_seed(std::int64_t seed, std::string_view stream) {
  return fnv1a_64(stream, SplitMix64(static_cast<std::uint64_t>(seed)).next());
}

int position_rows(const TrainerSetup& setup) {
  return std::max(setup.options.training_length, setup.evaluation_length);
}

ParameterLayout layout_for(const TrainerSetup& setup) {
  return make_parameter_layout(setup.shape, setup.scheme->learned ? position_rows(setup) : 0);
}

std::vector<float> initial_parameters(const TrainerSetup& setup, const ParameterLayout& layout) {
  std::vector<float> parameters(layout.total);
  initialize_parameters(layout, setup.shape, setup.options.embedding_std,
                        stream_seed(setup.options.seed, "weights"), parameters.data());
  if (setup.scheme->learned)
    setup.scheme->encode(setup.scheme_options, setup.options.first_position, position_rows(setup),
                         setup.shape.d_model, parameters.data() + layout.position_table);
  return parameters;
}

int max_sequences(const TrainerSetup& setup) {
  return std::max(
      setup.options.batch_size,
      std::max(setup.options.batch_size * setup.options.training_length, setup.evaluation_length));
}

}  // namespace

Trainer::Trainer(const TrainerSetup& setup)
    : setup_(setup),
      layout_(layout_for(setup)),
      parameters_(initial_parameters(setup, layout_)),
      gradients_(layout_.total),
      first_moment_(layout_.total),
      second_moment_(layout_.total),
      model_(setup.shape, layout_,
             PositionTerms<float>(*setup.scheme, setup.scheme_options, setup.options.first_position,
                                  position_rows(setup), setup.shape),
             max_sequences(setup), max_tokens(), max_square_lengths()),
      batch_(max_sequences(setup), max_tokens()),
      held_out_batch_(max_sequences(setup), max_tokens()),
      batch_random_(stream_seed(setup.options.seed, "batches")),
      held_out_seed_(stream_seed(setup.options.seed, "held-out")) {
  losses_.reserve(setup.options.steps);
}

int Trainer::max_tokens() const {
  return std::max(setup_.options.batch_size * setup_.options.training_length,
                  setup_.evaluation_length);
}

long Trainer::max_square_lengths() const {
  const long length = setup_.options.training_length, longest = setup_.evaluation_length;
  return std::max(setup_.options.batch_size * length * length, longest * longest);
}

StepReport Trainer::step(int max_steps, double max_milliseconds) {
  using Clock = std::chrono::steady_clock;
  const Clock::time_point began = Clock::now();
  StepReport report;
  report.first_step = step_ + 1;
  for (int done = 0; done < max_steps && !state().finished; ++done) {
    const std::chrono::duration<double, std::milli> spent = Clock::now() - began;
    if (done > 0 && spent.count() >= max_milliseconds) break;
    if (!train_one_step()) break;
    report.losses.push_back(losses_.back());
  }
  return report;
}

// One step: a fresh batch, forward, backward, clipping, AdamW. False, with diverged_at_ set,
// when the loss or the gradient is not finite; the weights are then left as they were.
bool Trainer::train_one_step() {
  const TrainerOptions& o = setup_.options;
  sample_batch(*setup_.task, batch_random_, o.batch_size, o.training_length, batch_);
  std::fill(gradients_.begin(), gradients_.end(), 0.0f);
  const float loss = model_.forward(parameters_.data(), batch_);
  if (std::isfinite(loss)) model_.backward(parameters_.data(), batch_, gradients_.data());
  const double norm = clip_gradients(gradients_.data(), gradients_.size(), o.clip_norm);
  if (!std::isfinite(loss) || !std::isfinite(norm)) {
    diverged_at_ = step_ + 1;
    return false;
  }
  const double rate = learning_rate_at(step_, o.warmup_steps, o.steps, o.learning_rate);
  adamw_step(parameters_.data(), gradients_.data(), first_moment_.data(), second_moment_.data(),
             layout_.total, layout_.decayed, rate, setup_.adamw, step_ + 1);
  for (int b = 0; b < batch_.sequences(); ++b)
    trained_rows_ = std::max(trained_rows_, batch_.length(b));
  losses_.push_back(loss);
  ++step_;
  return true;
}

std::variant<Evaluation, InputError> Trainer::evaluate(const RawEvaluationRequest& request) {
  if (auto error = check_evaluation_request(request, setup_.evaluation_length)) return *error;
  return evaluate_by_length(model_, parameters_.data(), *setup_.task, held_out_seed_, request,
                            held_out_batch_, max_tokens(), max_square_lengths());
}

double Trainer::held_out_loss() {
  SplitMix64 random(stream_seed(setup_.options.seed, "held-out loss"));
  sample_batch(*setup_.task, random, setup_.options.batch_size, setup_.options.training_length,
               held_out_batch_);
  return model_.forward(parameters_.data(), held_out_batch_);
}

}  // namespace pe
