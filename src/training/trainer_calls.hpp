#pragma once
// What a trainer's methods take, declared once beside their raw requests (core/options.hpp), and
// what they return, declared as fields (core/fields.hpp): pe.trainer's step, evaluate and
// attention read these rows, and its results are written from these fields, as every request of
// the API is. The limits that depend on the trainer (evaluationLength, layers, heads) are
// checked by the trainer itself (trainer.hpp) and worded in the specs' notes.
#include <optional>
#include <tuple>
#include <variant>

#include "core/fields.hpp"
#include "core/input_error.hpp"
#include "core/options.hpp"
#include "training/evaluation.hpp"
#include "training/tasks/task.hpp"
#include "training/trainer.hpp"

namespace pe {

constexpr double kMaxStepsPerCall = 1000000;
constexpr double kMaxStepMilliseconds = 3600000;  // an hour

// --- step({ steps, maxMs }).

struct RawStepRequest {
  std::optional<double> steps, max_ms;
};
inline constexpr OptionSpec kStepCount{
    "steps", Optional{}, integer_from(1, kMaxStepsPerCall),
    "steps to run: 1 by default, or every step left when maxMs is given"};
inline constexpr OptionSpec kStepTime{
    "maxMs", Optional{}, number_from(0, kMaxStepMilliseconds),
    "no new step starts after this many milliseconds (the first always runs)"};
inline constexpr std::tuple kStepOptions{option<&RawStepRequest::steps>(kStepCount),
                                         option<&RawStepRequest::max_ms>(kStepTime)};

struct StepRequest {
  int steps = 1;
  double max_milliseconds = 0;  // infinity when not given
};
std::variant<StepRequest, InputError> parse_step_request(const RawStepRequest& raw);
inline auto parse(const RawStepRequest& raw) { return parse_step_request(raw); }

// --- evaluate({ lengths, sequences }) and attention({ length, example, layer, head }).

inline constexpr OptionSpec kEvaluationLengths{
    "lengths", Required{}, stated("integers from 1 to evaluationLength"),
    "the lengths of the held-out sequences, in the order the results list them"};
inline constexpr OptionSpec kEvaluationSequences{"sequences", kHeldOutSequences,
                                                 integer_from(1, kMaxEvaluationSequences),
                                                 "held-out sequences of each length"};
inline constexpr std::tuple kEvaluateOptions{
    option<&RawEvaluationRequest::lengths>(kEvaluationLengths),
    option<&RawEvaluationRequest::sequences>(kEvaluationSequences)};

inline constexpr OptionSpec kAttentionLength{"length", Required{},
                                             stated("an integer from 1 to evaluationLength"),
                                             "the length of the held-out sequence"};
inline constexpr OptionSpec kAttentionExample{
    "example", 0.0, integer_from(0, kMaxEvaluationSequences - 1),
    "which held-out sequence of that length (the same as evaluate's first ones)"};
inline constexpr OptionSpec kAttentionLayer{"layer", 0.0, stated("an integer from 0 to layers - 1"),
                                            "the layer, from 0"};
inline constexpr OptionSpec kAttentionHead{"head", 0.0, stated("an integer from 0 to heads - 1"),
                                           "the head, from 0"};
inline constexpr std::tuple kAttentionOptions{
    option<&RawAttentionRequest::length>(kAttentionLength),
    option<&RawAttentionRequest::example>(kAttentionExample),
    option<&RawAttentionRequest::layer>(kAttentionLayer),
    option<&RawAttentionRequest::head>(kAttentionHead)};

// --- Results.

constexpr auto fields_of(const StepReport&) {
  return std::tuple{field<&StepReport::first_step>("firstStep"),
                    field<&StepReport::losses>("losses")};
}
constexpr auto fields_of(const LengthResult&) {
  return std::tuple{field<&LengthResult::length>("length"),
                    field<&LengthResult::sequences>("sequences"),
                    field<&LengthResult::labelled>("labelled"),
                    field<&LengthResult::token_accuracy>("tokenAccuracy"),
                    field<&LengthResult::sequence_accuracy>("sequenceAccuracy"),
                    field<&LengthResult::loss>("loss")};
}
constexpr auto fields_of(const Evaluation&) {
  return std::tuple{
      field<&Evaluation::by_length>("byLength"), field<&Evaluation::by_position>("byPosition"),
      field<&Evaluation::position_labelled>("positionLabelled"), field<&Evaluation::loss>("loss")};
}
constexpr auto fields_of(const AttentionMap&) {
  return std::tuple{field<&AttentionMap::length>("length"), field<&AttentionMap::tokens>("tokens"),
                    field<&AttentionMap::labels>("labels"),
                    field<&AttentionMap::predictions>("predictions"),
                    field<&AttentionMap::weights>("weights")};
}
constexpr auto fields_of(const PositionTable&) {
  return std::tuple{field<&PositionTable::first_position>("firstPosition"),
                    field<&PositionTable::rows>("rows"),
                    field<&PositionTable::dim>("dim"),
                    field<&PositionTable::learned>("learned"),
                    field<&PositionTable::values>("values"),
                    field<&PositionTable::trained>("trained")};
}
constexpr auto fields_of(const WeightTensor&) {
  return std::tuple{field<&WeightTensor::name>("name"), field<&WeightTensor::rows>("rows"),
                    field<&WeightTensor::cols>("cols"), field<&WeightTensor::decayed>("decayed"),
                    field<&WeightTensor::values>("values")};
}
constexpr auto fields_of(const TrainerState&) {
  return std::tuple{field<&TrainerState::step>("step"),
                    field<&TrainerState::steps>("steps"),
                    field<&TrainerState::finished>("finished"),
                    field<&TrainerState::diverged_at>("divergedAt").null_when(NullWhen::zero),
                    field<&TrainerState::learning_rate>("learningRate"),
                    field<&TrainerState::loss>("loss"),
                    field<&TrainerState::parameters>("parameters"),
                    field<&TrainerState::memory_bytes>("memoryBytes")};
}
constexpr auto fields_of(const Task&) {
  return std::tuple{field<&Task::name>("name"),
                    field<&Task::label>("label"),
                    field<&Task::needs>("needs"),
                    field<&Task::description>("description"),
                    field<&Task::vocabulary>("vocabulary"),
                    field<&Task::classes>("classes")};
}

}  // namespace pe
