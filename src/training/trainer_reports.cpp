// What a trainer reports besides its losses: its state, one head's attention on a held-out
// example, and the positional table it adds to its input.
#include <algorithm>
#include <string>

#include "training/optimizer.hpp"
#include "training/trainer.hpp"

namespace pe {

namespace {

std::optional<InputError> check_attention_request(const RawAttentionRequest& raw,
                                                  const TrainerSetup& setup) {
  const std::string longest = std::to_string(setup.evaluation_length);
  if (!is_integer_in(raw.length, 1, setup.evaluation_length))
    return range_error("length", "an integer from 1 to evaluationLength (" + longest + ")",
                       raw.length);
  if (!is_integer_in(raw.example, 0, kMaxEvaluationSequences - 1))
    return range_error("example",
                       "an integer from 0 to " + std::to_string(kMaxEvaluationSequences - 1),
                       raw.example);
  if (!is_integer_in(raw.layer, 0, setup.shape.layers - 1))
    return range_error("layer", "an integer from 0 to " + std::to_string(setup.shape.layers - 1),
                       raw.layer);
  if (!is_integer_in(raw.head, 0, setup.shape.heads - 1))
    return range_error("head", "an integer from 0 to " + std::to_string(setup.shape.heads - 1),
                       raw.head);
  return std::nullopt;
}

}  // namespace

std::variant<AttentionMap, InputError> Trainer::attention(const RawAttentionRequest& request) {
  if (auto error = check_attention_request(request, setup_)) return *error;
  const int length = static_cast<int>(request.length);
  SplitMix64 random = held_out_stream(held_out_seed_, length);
  for (int i = 0; i <= static_cast<int>(request.example); ++i) {  // the example-th of the stream
    held_out_batch_.clear();
    held_out_batch_.add(*setup_.task, random, length);
  }
  model_.forward(parameters_.data(), held_out_batch_);
  AttentionMap map;
  map.length = length;
  map.tokens.assign(held_out_batch_.token_ids(), held_out_batch_.token_ids() + length);
  map.labels.assign(held_out_batch_.labels(), held_out_batch_.labels() + length);
  const int classes = setup_.shape.classes;
  for (int t = 0; t < length; ++t) {
    const float* p = model_.probabilities() + static_cast<long>(t) * classes;
    map.predictions.push_back(static_cast<int>(std::max_element(p, p + classes) - p));
  }
  const float* weights =
      model_.attention(static_cast<int>(request.layer), 0, static_cast<int>(request.head));
  map.weights.assign(weights, weights + static_cast<long>(length) * length);
  return map;
}

PositionTable Trainer::position_table() const {
  PositionTable table;
  table.first_position = setup_.options.first_position;
  table.dim = setup_.shape.d_model;
  table.learned = setup_.scheme->learned;
  const float* values =
      table.learned ? parameters_.data() + layout_.position_table : model_.terms().added_table();
  if (!values) return table;
  table.rows = model_.terms().rows();
  table.values.assign(values, values + static_cast<long>(table.rows) * table.dim);
  table.trained.assign(table.rows, 0);
  if (table.learned) std::fill_n(table.trained.begin(), trained_rows_, 1);
  return table;
}

std::vector<WeightTensor> Trainer::weights() const {
  std::vector<WeightTensor> tensors;
  for (const TensorSlot& slot : layout_.tensors) {
    const std::size_t count = static_cast<std::size_t>(slot.rows) * slot.cols;
    if (count == 0) continue;
    const float* values = parameters_.data() + slot.offset;
    tensors.push_back(
        {slot.name, slot.rows, slot.cols, slot.offset < layout_.decayed, {values, values + count}});
  }
  return tensors;
}

TrainerState Trainer::state() const {
  const TrainerOptions& o = setup_.options;
  TrainerState state;
  state.step = step_;
  state.steps = o.steps;
  state.diverged_at = diverged_at_;
  state.finished = diverged_at_ > 0 || step_ >= o.steps;
  state.learning_rate =
      learning_rate_at(std::min(step_, o.steps - 1), o.warmup_steps, o.steps, o.learning_rate);
  if (!losses_.empty()) state.loss = losses_.back();
  state.parameters = layout_.total;
  const std::size_t batches = 2 * static_cast<std::size_t>(max_tokens()) * 3 * sizeof(int);
  state.memory_bytes = 4 * layout_.total * sizeof(float) + model_.buffer_bytes() + batches +
                       losses_.capacity() * sizeof(float);
  return state;
}

}  // namespace pe
