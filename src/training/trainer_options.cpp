#include "training/trainer_options.hpp"

#include "positions/scheme_options.hpp"
#include "positions/scheme_registry.hpp"
#include "training/tasks/task_registry.hpp"

namespace pe {

namespace {

using Row = OptionDeclaration<TrainerOptions>;
constexpr double kMaxSeed = 9007199254740991.0;  // 2^53 - 1, JS's largest safe integer

std::vector<std::string> task_names() {
  std::vector<std::string> names;
  for (const Task* task : training_tasks()) names.emplace_back(task->name);
  return names;
}

std::vector<std::string> scheme_names() {
  std::vector<std::string> names;
  for (const PositionScheme* scheme : position_schemes()) names.emplace_back(scheme->name);
  return names;
}

template <const SchemeOption& kOption>
std::vector<std::string> choice_values() {
  std::vector<std::string> values;
  for (const OptionChoice& choice : kOption.choices) values.emplace_back(choice.value);
  return values;
}

std::vector<std::string> norm_names() { return {"rms", "layer"}; }

Row choice(std::string_view name, std::string TrainerOptions::*member, std::string_view fallback,
           std::vector<std::string> (*choices)(), std::string_view doc) {
  return {name, OptionKind::choice, member, 0, fallback, {0, 0}, choices, doc};
}

template <typename Member>
Row number(std::string_view name, OptionKind kind, Member member, double fallback,
           OptionLimits limits, std::string_view doc) {
  return {name, kind, member, fallback, "", limits, nullptr, doc};
}

}  // namespace

const std::vector<Row>& trainer_option_declarations() {
  using T = TrainerOptions;
  constexpr OptionKind kInteger = OptionKind::integer, kNumber = OptionKind::number;
  static const std::vector<Row> table{
      choice("task", &T::task, "kback", &task_names, "The task the model learns (pe.tasks)."),
      choice("scheme", &T::scheme, "rope", &scheme_names,
             "How the model is told where each token is (pe.schemes)."),
      number("base", kNumber, &T::base, kBaseOption.default_number, {1, 1e12, true},
             kBaseOption.help),
      choice("layout", &T::layout, "interleaved", &choice_values<kLayoutOption>,
             kLayoutOption.help),
      choice("pairing", &T::pairing, "interleaved", &choice_values<kPairingOption>,
             kPairingOption.help),
      choice(
          "norm", &T::norm, "rms", &norm_names,
          "RMSNorm (Llama, DeepSeek) or LayerNorm (GPT-2), before each sublayer and the output."),
      {"causal",
       OptionKind::flag,
       &T::causal,
       1,
       "",
       {0, 0},
       nullptr,
       "Whether token i attends only to tokens 0 .. i (a decoder) or to every token."},
      number("layers", kInteger, &T::layers, 2, {1, 4}, "Transformer layers."),
      number("dModel", kInteger, &T::d_model, 32, {8, 128}, "Numbers per token (d_model)."),
      number("heads", kInteger, &T::heads, 4, {1, 8}, "Attention heads; they split dModel."),
      number("embeddingStd", kNumber, &T::embedding_std, 1, {0, 100},
             "The token embeddings' initial standard deviation: 1 (PyTorch's nn.Embedding), the "
             "scale of binary and sinusoidal values; GPT-2 starts at 0.02, where integer positions "
             "drown the words from position 1 on."),
      number("trainingLength", kInteger, &T::training_length, 16, {1, 64},
             "The longest training sequence; lengths are uniform in 1 .. trainingLength."),
      number("batchSize", kInteger, &T::batch_size, 32, {1, 256}, "Sequences per step."),
      number("steps", kInteger, &T::steps, 600, {1, 1000000},
             "Optimiser steps in the whole run (the schedule's length)."),
      number("warmupSteps", kInteger, &T::warmup_steps, 30, {0, 1000000},
             "Steps of linear warm-up before the cosine decay (more than steps: the run ends "
             "warming up)."),
      number("learningRate", kNumber, &T::learning_rate, 1e-2, {0, 10, true},
             "The peak learning rate of AdamW."),
      number("weightDecay", kNumber, &T::weight_decay, 0.01, {0, 1},
             "AdamW's decoupled weight decay, on the linear layers' matrices only."),
      number("beta1", kNumber, &T::beta1, 0.9, {0, 1, false, true}, "AdamW's first-moment decay."),
      number("beta2", kNumber, &T::beta2, 0.999, {0, 1, false, true},
             "AdamW's second-moment decay."),
      number("epsilon", kNumber, &T::epsilon, 1e-8, {0, 1, true}, "AdamW's epsilon."),
      number("clipNorm", kNumber, &T::clip_norm, 1, {0, 1e6},
             "Gradients are scaled down to this global L2 norm when above it (0: never)."),
      number("firstPosition", kInteger, &T::first_position, 0, {0, 1e9},
             "The position of every sequence's first token, in training and evaluation alike."),
      number("evaluationLength", kInteger, &T::evaluation_length, 0, {0, kMaxEvaluationLength},
             "The longest sequence evaluate() takes (0: 4 x trainingLength)."),
      number("seed", kInteger, &T::seed, 1, {0, kMaxSeed},
             "Every random number of the run: weights, batches, held-out sequences."),
  };
  return table;
}

}  // namespace pe

namespace pe {

namespace {

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

std::optional<InputError> check_lengths(const TrainerOptions& o) {
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

ModelShape shape_of(const TrainerOptions& o, const Task& task) {
  ModelShape shape;
  shape.layers = o.layers, shape.d_model = o.d_model, shape.heads = o.heads;
  shape.vocabulary = task.vocabulary, shape.classes = task.classes;
  shape.norm = o.norm == "layer" ? NormKind::layer : NormKind::rms;
  shape.causal = o.causal;
  return shape;
}

}  // namespace

std::variant<TrainerSetup, InputError> parse_trainer_options(const OptionBag& bag) {
  auto read = read_options(trainer_option_declarations(), bag);
  if (auto* error = std::get_if<InputError>(&read)) return *error;
  TrainerSetup setup;
  setup.options = std::get<TrainerOptions>(read);
  const TrainerOptions& o = setup.options;
  setup.task = std::get<const Task*>(parse_task(o.task));  // the table checked both names
  setup.scheme = std::get<const PositionScheme*>(parse_scheme(o.scheme));
  if (auto error = check_shape(o, *setup.scheme)) return *error;
  if (auto error = check_lengths(o)) return *error;
  RawSchemeSettings raw;
  raw.base = o.base, raw.layout = o.layout, raw.pairing = o.pairing;
  auto settings = parse_scheme_settings(raw);
  if (auto* error = std::get_if<InputError>(&settings)) return *error;
  setup.settings = std::get<SchemeSettings>(settings);
  setup.settings.table_seed = static_cast<std::uint64_t>(o.seed);
  setup.shape = shape_of(o, *setup.task);
  setup.adamw = {o.beta1, o.beta2, o.epsilon, o.weight_decay};
  setup.evaluation_length = o.evaluation_length ? o.evaluation_length : 4 * o.training_length;
  return setup;
}

}  // namespace pe
