#include "training/batch.hpp"

#include <algorithm>

namespace pe {

Batch::Batch(int max_sequences, int max_tokens)
    : token_ids_(max_tokens),
      labels_(max_tokens),
      rows_(max_tokens),
      lengths_(max_sequences),
      offsets_(max_sequences) {}

void Batch::clear() { sequences_ = tokens_ = labelled_ = 0, square_lengths_ = 0; }

void Batch::add(const Task& task, SplitMix64& random, int length) {
  task.make(random, length, token_ids_.data() + tokens_, labels_.data() + tokens_);
  close_sequence(length);
}

void Batch::add(const int* tokens, const int* labels, int length) {
  std::copy(tokens, tokens + length, token_ids_.begin() + tokens_);
  std::copy(labels, labels + length, labels_.begin() + tokens_);
  close_sequence(length);
}

void Batch::close_sequence(int length) {
  for (int r = 0; r < length; ++r) {
    rows_[tokens_ + r] = r;
    labelled_ += labels_[tokens_ + r] != kUnlabelled;
  }
  lengths_[sequences_] = length;
  offsets_[sequences_] = tokens_;
  ++sequences_;
  tokens_ += length;
  square_lengths_ += static_cast<long>(length) * length;
}

void sample_batch(const Task& task, SplitMix64& random, int sequences, int max_length,
                  Batch& batch) {
  batch.clear();
  for (int b = 0; b < sequences; ++b)
    batch.add(task, random, 1 + static_cast<int>(random.next_below(max_length)));
}

}  // namespace pe
