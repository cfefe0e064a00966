#include "training/trainer_request.hpp"

namespace pe {

std::vector<OptionChoice> norm_choices() { return {{"rms", "RMSNorm"}, {"layer", "LayerNorm"}}; }

namespace {

// Every number of the request against its spec, in the table's order.
std::optional<InputError> check_numbers(const RawTrainerRequest& raw) {
  std::optional<InputError> error;
  std::apply(
      [&](const auto&... row) {
        const auto check_one = [&](const auto& one) {
          using Row = std::decay_t<decltype(one)>;
          if constexpr (std::is_same_v<typename Row::Value, double>) {
            if (!error) error = check(*one.spec, Row::member(raw));
          }
        };
        (check_one(row), ...);
      },
      kTrainerOptions);
  return error;
}

std::optional<InputError> check_shape(const TrainerOptions& o, const PositionScheme& scheme) {
  if (o.d_model % o.heads != 0)
    return range_error("heads", "a divisor of dModel (" + std::to_string(o.d_model) + ")", o.heads);
  const std::string why = " (" + std::string(scheme.even_dim_reason) + ")";
  const std::string even = "even for " + std::string(scheme.name) + why;
  if (scheme.even_dim_reason.empty()) return std::nullopt;
  if (scheme.stage == Stage::input && o.d_model % 2 != 0)
    return range_error("dModel", even, o.d_model);
  if (scheme.stage == Stage::query_key && (o.d_model / o.heads) % 2 != 0)
    return range_error("dModel / heads", even, o.d_model / o.heads);
  return std::nullopt;
}

std::optional<InputError> check_lengths(const TrainerOptions& o, const Task& task) {
  // Shorter sequences ask nothing: a run on them would have no loss to learn from.
  if (o.training_length < task.shortest)
    return range_error("trainingLength",
                       "at least " + std::to_string(task.shortest) + " for task " +
                           std::string(task.name) + " (no shorter sequence has a label)",
                       o.training_length);
  if (o.batch_size * o.training_length > kMaxBatchTokens)
    return InputError{ErrorKind::range, "batchSize x trainingLength must be at most " +
                                            std::to_string(kMaxBatchTokens) + " tokens; received " +
                                            std::to_string(o.batch_size) + " x " +
                                            std::to_string(o.training_length) + " = " +
                                            std::to_string(o.batch_size * o.training_length)};
  if (o.evaluation_length != 0 && o.evaluation_length < o.training_length)
    return range_error("evaluationLength",
                       "0 (4 x trainingLength) or from trainingLength (" +
                           std::to_string(o.training_length) + ") to " +
                           std::to_string(kMaxEvaluationLength),
                       o.evaluation_length);
  return std::nullopt;
}

// The numbers, each already within its limits, in the trainer's types.
TrainerOptions options_of(const RawTrainerRequest& raw) {
  TrainerOptions o;
  o.task = raw.task, o.scheme = raw.scheme, o.norm = raw.norm, o.causal = raw.causal;
  o.layers = static_cast<int>(raw.layers), o.d_model = static_cast<int>(raw.d_model);
  o.heads = static_cast<int>(raw.heads), o.embedding_std = raw.embedding_std;
  o.training_length = static_cast<int>(raw.training_length);
  o.batch_size = static_cast<int>(raw.batch_size), o.steps = static_cast<int>(raw.steps);
  o.warmup_steps = static_cast<int>(raw.warmup_steps);
  o.evaluation_length = static_cast<int>(raw.evaluation_length);
  o.learning_rate = raw.learning_rate, o.weight_decay = raw.weight_decay;
  o.beta1 = raw.beta1, o.beta2 = raw.beta2, o.epsilon = raw.epsilon, o.clip_norm = raw.clip_norm;
  o.first_position = static_cast<std::int64_t>(raw.first_position);
  o.seed = static_cast<std::int64_t>(raw.seed);
  return o;
}

ModelShape shape_of(const TrainerOptions& o, const Task& task) {
  ModelShape shape;
  shape.layers = o.layers, shape.d_model = o.d_model, shape.heads = o.heads;
  shape.vocabulary = task.vocabulary, shape.classes = task.classes;
  shape.norm = o.norm == "layer" ? NormKind::layer : NormKind::rms;
  shape.causal = o.causal;
  return shape;
}

}  // namespace

std::variant<TrainerSetup, InputError> parse_trainer_request(const RawTrainerRequest& raw) {
  TrainerSetup setup;
  auto task = parse_task(raw.task);
  if (auto* error = std::get_if<InputError>(&task)) return *error;
  setup.task = std::get<const Task*>(task);
  auto scheme = check_choice(kTrainerScheme, raw.scheme);
  if (auto* error = std::get_if<InputError>(&scheme)) return *error;
  setup.scheme = position_schemes()[std::get<std::size_t>(scheme)];
  auto scheme_options = parse_scheme_options(raw.scheme_options);
  if (auto* error = std::get_if<InputError>(&scheme_options)) return *error;
  if (auto error = check_choice(kNorm, raw.norm); std::holds_alternative<InputError>(error))
    return std::get<InputError>(error);
  if (auto error = check_numbers(raw)) return *error;

  setup.request = raw;
  setup.options = options_of(raw);
  const TrainerOptions& o = setup.options;
  if (auto error = check_shape(o, *setup.scheme)) return *error;
  if (auto error = check_lengths(o, *setup.task)) return *error;
  setup.scheme_options = std::get<SchemeOptions>(scheme_options);
  setup.scheme_options.table_seed = static_cast<std::uint64_t>(o.seed);
  setup.shape = shape_of(o, *setup.task);
  setup.adamw = {o.beta1, o.beta2, o.epsilon, o.weight_decay};
  setup.evaluation_length = o.evaluation_length ? o.evaluation_length : 4 * o.training_length;
  return setup;
}

}  // namespace pe
