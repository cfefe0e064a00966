#pragma once
// Everything a trainer is made from, declared once (training/option_table.hpp): the task, the
// position scheme and its options, the model's shape, the optimiser and the schedule, the first
// position and the seed. parse_trainer_options reads a caller's options through the table, then
// checks what involves several options at once, and resolves the names against the registries.
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/input_error.hpp"
#include "positions/position_scheme.hpp"
#include "training/model_shape.hpp"
#include "training/optimizer.hpp"
#include "training/option_table.hpp"
#include "training/tasks/task.hpp"

namespace pe {

// The caller's options, checked one by one; defaults come from the table.
struct TrainerOptions {
  std::string task, scheme, layout, pairing, norm;
  double base = 0;
  bool causal = true;
  int layers = 0, d_model = 0, heads = 0;
  int training_length = 0, batch_size = 0, steps = 0, warmup_steps = 0, evaluation_length = 0;
  double embedding_std = 0;
  double learning_rate = 0, weight_decay = 0, beta1 = 0, beta2 = 0, epsilon = 0, clip_norm = 0;
  std::int64_t first_position = 0, seed = 0;
};

const std::vector<OptionDeclaration<TrainerOptions>>& trainer_option_declarations();

// Limits that involve more than one option.
constexpr int kMaxBatchTokens = 2048;      // batchSize x trainingLength: the activations' size
constexpr int kMaxEvaluationLength = 512;  // the longest sequence evaluate() and attention() take

// Options resolved into what a trainer is built from.
struct TrainerSetup {
  TrainerOptions options;
  const Task* task = nullptr;
  const PositionScheme* scheme = nullptr;
  SchemeSettings settings;  // table_seed set from the seed
  ModelShape shape;
  AdamWSettings adamw;
  int evaluation_length = 0;  // options.evaluation_length, or 4 x training_length for 0
};

std::variant<TrainerSetup, InputError> parse_trainer_options(const OptionBag& bag);

}  // namespace pe
