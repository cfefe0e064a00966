#pragma once
// Everything a trainer is made from, declared once beside its raw request (core/options.hpp): the
// task, the position scheme and its options, the model's shape, the optimiser and the schedule,
// the first position and the seed. pe.trainer, pe-train's command line, the benchmark and the
// fuzz harness all read these rows; parse_trainer_request checks each value against its spec,
// then what involves several options at once, and resolves the names against the registries.
#include <cstdint>
#include <string>
#include <tuple>
#include <variant>
#include <vector>

#include "core/input_error.hpp"
#include "core/options.hpp"
#include "positions/position_scheme.hpp"
#include "positions/scheme_options.hpp"
#include "positions/scheme_registry.hpp"
#include "training/model_shape.hpp"
#include "training/optimizer.hpp"
#include "training/tasks/task.hpp"
#include "training/tasks/task_registry.hpp"

namespace pe {

constexpr double kMaxSeed = 9007199254740991.0;  // 2^53 - 1, JS's largest safe integer
// Limits that involve more than one option.
constexpr int kMaxBatchTokens = 2048;      // batchSize x trainingLength: the activations' size
constexpr int kMaxEvaluationLength = 512;  // the longest sequence evaluate() and attention() take

std::vector<OptionChoice> norm_choices();

inline constexpr OptionSpec kTrainerScheme{
    "scheme", "rope", one_of_choices(),
    "how the model is told where each token is: a name of pe.schemes", &scheme_choices};
inline constexpr OptionSpec kNorm{
    "norm", "rms", one_of_choices(),
    "RMSNorm (Llama, DeepSeek) or LayerNorm (GPT-2), before each sublayer and the output",
    &norm_choices};
inline constexpr OptionSpec kTrainerCausal{
    "causal",
    true,
    {},
    "whether token i attends only to tokens 0 .. i (a decoder) or to every token"};
inline constexpr OptionSpec kLayers{"layers", 2.0, integer_from(1, 4), "transformer layers"};
inline constexpr OptionSpec kTrainerDModel{"dModel", 32.0, integer_from(8, 128),
                                           "numbers per token (d_model)"};
inline constexpr OptionSpec kTrainerHeads{"heads", 4.0, integer_from(1, 8),
                                          "attention heads; they split dModel"};
inline constexpr OptionSpec kTrainerEmbeddingStd{
    "embeddingStd", 1.0, number_from(0, 100),
    "the token embeddings' initial standard deviation: 1 (PyTorch's nn.Embedding), the scale of "
    "binary and sinusoidal values; GPT-2 starts at 0.02, where integer positions drown the words "
    "from position 1 on"};
inline constexpr OptionSpec kTrainingLength{
    "trainingLength", 16.0, integer_from(1, 64),
    "the longest training sequence; lengths are uniform in 1 .. trainingLength"};
inline constexpr OptionSpec kBatchSize{"batchSize", 32.0, integer_from(1, 256),
                                       "sequences per step"};
inline constexpr OptionSpec kSteps{"steps", 600.0, integer_from(1, 1000000),
                                   "optimiser steps in the whole run (the schedule's length)"};
inline constexpr OptionSpec kWarmupSteps{
    "warmupSteps", 30.0, integer_from(0, 1000000),
    "steps of linear warm-up before the cosine decay (more than steps: the run ends warming up)"};
inline constexpr OptionSpec kLearningRate{"learningRate", 1e-2, above_at_most(0, 10),
                                          "the peak learning rate of AdamW"};
inline constexpr OptionSpec kWeightDecay{
    "weightDecay", 0.01, number_from(0, 1),
    "AdamW's decoupled weight decay, on the linear layers' matrices only"};
inline constexpr OptionSpec kBeta1{"beta1", 0.9, at_least_below(0, 1),
                                   "AdamW's first-moment decay"};
inline constexpr OptionSpec kBeta2{"beta2", 0.999, at_least_below(0, 1),
                                   "AdamW's second-moment decay"};
inline constexpr OptionSpec kEpsilon{"epsilon", 1e-8, above_at_most(0, 1), "AdamW's epsilon"};
inline constexpr OptionSpec kClipNorm{
    "clipNorm", 1.0, number_from(0, 1e6),
    "gradients are scaled down to this global L2 norm when above it (0: never)"};
inline constexpr OptionSpec kFirstPosition{
    "firstPosition", 0.0, integer_from(0, 1e9),
    "the position of every sequence's first token, in training and evaluation alike"};
inline constexpr OptionSpec kEvaluationLength{
    "evaluationLength", 0.0, integer_from(0, kMaxEvaluationLength),
    "the longest sequence evaluate() takes (0: 4 x trainingLength)"};
inline constexpr OptionSpec kTrainerSeed{
    "seed", 1.0, integer_from(0, kMaxSeed),
    "every random number of the run: weights, batches, held-out sequences"};

// Caller input before any checking; the defaults are the options' own.
struct RawTrainerRequest {
  std::string task = kTask.text();
  std::string scheme = kTrainerScheme.text();
  RawSchemeOptions scheme_options;
  std::string norm = kNorm.text();
  bool causal = kTrainerCausal.flag();
  double layers = kLayers.number(), d_model = kTrainerDModel.number(),
         heads = kTrainerHeads.number(), embedding_std = kTrainerEmbeddingStd.number();
  double training_length = kTrainingLength.number(), batch_size = kBatchSize.number(),
         steps = kSteps.number(), warmup_steps = kWarmupSteps.number();
  double learning_rate = kLearningRate.number(), weight_decay = kWeightDecay.number(),
         beta1 = kBeta1.number(), beta2 = kBeta2.number(), epsilon = kEpsilon.number(),
         clip_norm = kClipNorm.number();
  double first_position = kFirstPosition.number(), evaluation_length = kEvaluationLength.number(),
         seed = kTrainerSeed.number();
};
// The scheme options a trainer uses: ALiBi's slopes are the paper's per head, RoPE is unscaled.
inline constexpr std::tuple kTrainerOptions{
    option<&RawTrainerRequest::task>(kTask),
    option<&RawTrainerRequest::scheme>(kTrainerScheme),
    option<&RawTrainerRequest::scheme_options, &RawSchemeOptions::base>(kBase),
    option<&RawTrainerRequest::scheme_options, &RawSchemeOptions::layout>(kLayout),
    option<&RawTrainerRequest::scheme_options, &RawSchemeOptions::pairing>(kPairing),
    option<&RawTrainerRequest::norm>(kNorm),
    option<&RawTrainerRequest::causal>(kTrainerCausal),
    option<&RawTrainerRequest::layers>(kLayers),
    option<&RawTrainerRequest::d_model>(kTrainerDModel),
    option<&RawTrainerRequest::heads>(kTrainerHeads),
    option<&RawTrainerRequest::embedding_std>(kTrainerEmbeddingStd),
    option<&RawTrainerRequest::training_length>(kTrainingLength),
    option<&RawTrainerRequest::batch_size>(kBatchSize),
    option<&RawTrainerRequest::steps>(kSteps),
    option<&RawTrainerRequest::warmup_steps>(kWarmupSteps),
    option<&RawTrainerRequest::learning_rate>(kLearningRate),
    option<&RawTrainerRequest::weight_decay>(kWeightDecay),
    option<&RawTrainerRequest::beta1>(kBeta1),
    option<&RawTrainerRequest::beta2>(kBeta2),
    option<&RawTrainerRequest::epsilon>(kEpsilon),
    option<&RawTrainerRequest::clip_norm>(kClipNorm),
    option<&RawTrainerRequest::first_position>(kFirstPosition),
    option<&RawTrainerRequest::evaluation_length>(kEvaluationLength),
    option<&RawTrainerRequest::seed>(kTrainerSeed),
};

// The options checked, in the types the trainer computes with.
struct TrainerOptions {
  std::string task, scheme, norm;
  bool causal = true;
  int layers = 0, d_model = 0, heads = 0;
  int training_length = 0, batch_size = 0, steps = 0, warmup_steps = 0, evaluation_length = 0;
  double embedding_std = 0;
  double learning_rate = 0, weight_decay = 0, beta1 = 0, beta2 = 0, epsilon = 0, clip_norm = 0;
  std::int64_t first_position = 0, seed = 0;
};

// Options resolved into what a trainer is built from.
struct TrainerSetup {
  RawTrainerRequest request;  // as given, defaults filled in: every value checked
  TrainerOptions options;
  const Task* task = nullptr;
  const PositionScheme* scheme = nullptr;
  SchemeOptions scheme_options;  // table_seed set from the seed
  ModelShape shape;
  AdamWSettings adamw;
  int evaluation_length = 0;  // options.evaluation_length, or 4 x training_length for 0
};

// Each option against its spec, in the table's order; then heads against dModel, the scheme's
// even dimensions, batchSize x trainingLength and evaluationLength against trainingLength.
std::variant<TrainerSetup, InputError> parse_trainer_request(const RawTrainerRequest& raw);
inline auto parse(const RawTrainerRequest& raw) { return parse_trainer_request(raw); }

}  // namespace pe
