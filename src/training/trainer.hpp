#pragma once
// A small transformer trained on one task with one position scheme: the training lab's engine.
// Built from checked options (training/trainer_request.hpp), it owns the weights, the optimiser's
// moments, the batches and every buffer of the model, all allocated here, once: step() allocates
// nothing per step. Everything random comes from the options' seed, through separate streams for
// the weights, the training batches and the held-out sequences.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <variant>
#include <vector>

#include "core/input_error.hpp"
#include "core/random.hpp"
#include "training/batch.hpp"
#include "training/evaluation.hpp"
#include "training/parameters.hpp"
#include "training/trainer_request.hpp"
#include "training/transformer.hpp"

namespace pe {

struct StepReport {
  int first_step = 0;         // the step the first loss belongs to (1 for the run's first)
  std::vector<float> losses;  // the training loss of each step run, in order
};

struct TrainerState {
  int step = 0;           // steps done
  int steps = 0;          // steps in the run
  bool finished = false;  // every step done, or diverged
  int diverged_at =
      0;  // the step whose loss or gradient was not finite ("diverged at step N"), else 0
  double learning_rate = 0;  // of the next step (of the last, once finished)
  double loss = std::numeric_limits<double>::quiet_NaN();  // the last step's training loss
  std::size_t parameters = 0;                              // trained numbers
  std::size_t memory_bytes = 0;  // weights, moments, gradients, batches and activations
};

// A held-out sequence with what the model made of it: tokens, labels, the class it predicts at
// each position, and one head's attention weights (length, length): row i over keys 0 .. length-1.
struct AttentionMap {
  int length = 0;
  std::vector<int> tokens, labels, predictions;
  std::vector<float> weights;
};

// Declared in trainer_calls.hpp.
struct RawAttentionRequest {
  double length = 0, example = 0, layer = 0, head = 0;
};

// The positional vectors the model adds to its input, rows for positions first_position ..
// first_position + rows - 1: the learned table as trained so far, or the scheme's fixed table;
// empty (rows 0) for schemes that add nothing to the input.
struct PositionTable {
  std::int64_t first_position = 0;
  int rows = 0, dim = 0;
  bool learned = false;
  std::vector<float> values;          // (rows, dim)
  std::vector<std::uint8_t> trained;  // (rows): 1 if a training token sat at that row, so the
                                      // row received gradients; always 0 for fixed tables
};

// One tensor of the model's weights as trained so far, named as src/training/parameters.hpp
// names it (e.g. "layers.0.qkv", (in, out) row-major): what a script needs to start PyTorch from
// the core's own weights.
struct WeightTensor {
  std::string name;
  int rows = 0, cols = 0;  // a vector is (1, cols)
  bool decayed = false;    // AdamW decays it (the linear layers' matrices)
  std::vector<float> values;
};

class Trainer {
 public:
  explicit Trainer(const TrainerSetup& setup);

  // Runs up to max_steps steps, stopping early once max_milliseconds have passed (after at least
  // one step), at the end of the run, or when it diverges.
  StepReport step(int max_steps, double max_milliseconds = std::numeric_limits<double>::infinity());

  // Accuracy and loss by length on held-out sequences (training/evaluation.hpp).
  std::variant<Evaluation, InputError> evaluate(const RawEvaluationRequest& request);
  // The mean loss of a fixed held-out batch drawn like a training batch.
  double held_out_loss();
  // Held-out sequence `example` of `length`, and head `head`'s weights in `layer` on it.
  std::variant<AttentionMap, InputError> attention(const RawAttentionRequest& request);
  PositionTable position_table() const;
  // Every tensor with values (empty ones, e.g. RMSNorm's biases, left out), in buffer order.
  std::vector<WeightTensor> weights() const;
  TrainerState state() const;

  const TrainerSetup& setup() const { return setup_; }
  const ParameterLayout& layout() const { return layout_; }
  const std::vector<float>& parameters() const { return parameters_; }
  const std::vector<float>& loss_history() const { return losses_; }
  const Batch& last_batch() const { return batch_; }  // the last step's batch

 private:
  bool train_one_step();
  int max_tokens() const;
  long max_square_lengths() const;

  TrainerSetup setup_;
  ParameterLayout layout_;
  std::vector<float> parameters_, gradients_, first_moment_, second_moment_;
  Transformer<float> model_;
  Batch batch_, held_out_batch_;
  SplitMix64 batch_random_;
  std::uint64_t held_out_seed_;
  std::vector<float> losses_;
  int step_ = 0, diverged_at_ = 0, trained_rows_ = 0;
};

}  // namespace pe
