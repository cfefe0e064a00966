#pragma once
// Held-out evaluation by length: sequences the model never trained on, from a stream of their own
// (seeded apart from the training batches), forward only.
#include <cstdint>
#include <variant>
#include <vector>

#include "core/input_error.hpp"
#include "core/random.hpp"
#include "training/batch.hpp"
#include "training/tasks/task.hpp"
#include "training/transformer.hpp"

namespace pe {

// How the model did on the sequences of one length.
struct LengthResult {
  int length = 0;
  int sequences = 0;             // evaluated
  int labelled = 0;              // labelled tokens among them
  double token_accuracy = 0;     // labelled tokens named right / labelled (NaN if none)
  double sequence_accuracy = 0;  // sequences with every label right / sequences with a label
  double loss = 0;               // mean -log p(label) over the labelled tokens (NaN if none)
};

struct Evaluation {
  std::vector<LengthResult> by_length;  // in the order asked
  // Accuracy of the labelled tokens at each position row 0 .. longest - 1, over every length
  // evaluated (NaN where no token was labelled), and how many there were.
  std::vector<double> by_position;
  std::vector<int> position_labelled;
  double loss = 0;  // over every labelled token evaluated
};

constexpr int kMaxEvaluationSequences = 4096;
constexpr double kHeldOutSequences = 32;  // per length, unless asked otherwise

// Caller input before any checking (declared in trainer_calls.hpp).
struct RawEvaluationRequest {
  std::vector<double> lengths;
  double sequences = kHeldOutSequences;  // per length
};

// Sequence i of length `length` of the held-out set of a run seeded with seed: the i-th drawn
// from held_out_stream(seed, length).
SplitMix64 held_out_stream(std::uint64_t seed, int length);

// Every length must be an integer from 1 to max_length, sequences an integer from 1 to
// kMaxEvaluationSequences, and at least one length given.
std::optional<InputError> check_evaluation_request(const RawEvaluationRequest& raw, int max_length);

// Runs model (forward only) on request.sequences held-out sequences of each length, in batches
// that fit batch and model.
Evaluation evaluate_by_length(Transformer<float>& model, const float* parameters, const Task& task,
                              std::uint64_t seed, const RawEvaluationRequest& request, Batch& batch,
                              int max_tokens, long max_square_lengths);

}  // namespace pe
