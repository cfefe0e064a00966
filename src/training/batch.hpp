#pragma once
// Sequences packed one after the other, as the model reads them: sequence b is tokens
// offset(b) .. offset(b) + length(b) - 1, and token n sits at row(n) of its sequence (position
// first_position + row(n)). Storage is sized once, for the largest batch a trainer makes, so
// filling a batch allocates nothing.
#include <vector>

#include "core/random.hpp"
#include "training/tasks/task.hpp"

namespace pe {

class Batch {
 public:
  Batch(int max_sequences, int max_tokens);

  void clear();
  // Appends one sequence of length tokens made by task from random. The caller keeps within the
  // capacity given to the constructor.
  void add(const Task& task, SplitMix64& random, int length);
  // Appends one sequence given by its tokens and labels.
  void add(const int* tokens, const int* labels, int length);

  int sequences() const { return sequences_; }
  int tokens() const { return tokens_; }
  int labelled() const { return labelled_; }               // tokens with a label
  long square_lengths() const { return square_lengths_; }  // sum of length(b)^2
  int length(int b) const { return lengths_[b]; }
  int offset(int b) const { return offsets_[b]; }
  const int* token_ids() const { return token_ids_.data(); }
  const int* labels() const { return labels_.data(); }
  const int* rows() const { return rows_.data(); }

 private:
  void close_sequence(int length);

  std::vector<int> token_ids_, labels_, rows_;  // (max_tokens)
  std::vector<int> lengths_, offsets_;          // (max_sequences)
  int sequences_ = 0, tokens_ = 0, labelled_ = 0;
  long square_lengths_ = 0;
};

// A training batch: sequences sequences whose lengths are uniform in 1 .. max_length, each made
// by task, all drawn from random.
void sample_batch(const Task& task, SplitMix64& random, int sequences, int max_length,
                  Batch& batch);

}  // namespace pe
