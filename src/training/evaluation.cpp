#include "training/evaluation.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

namespace pe {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Running totals over the evaluated tokens and sequences.
struct Tally {
  std::vector<long> position_right, position_labelled;
  long right = 0, labelled = 0, sequences_right = 0, sequences_labelled = 0;
  double loss = 0;
};

int predicted_class(const float* probabilities, int classes) {
  return static_cast<int>(std::max_element(probabilities, probabilities + classes) - probabilities);
}

void tally_batch(const Transformer<float>& model, const Batch& batch, Tally& tally) {
  const int classes = model.shape().classes;
  for (int b = 0; b < batch.sequences(); ++b) {
    bool all_right = true, any_label = false;
    for (int t = batch.offset(b); t < batch.offset(b) + batch.length(b); ++t) {
      const int label = batch.labels()[t];
      if (label == kUnlabelled) continue;
      const bool right =
          predicted_class(model.probabilities() + static_cast<long>(t) * classes, classes) == label;
      const int row = batch.rows()[t];
      tally.position_right[row] += right, ++tally.position_labelled[row];
      tally.right += right, ++tally.labelled;
      tally.loss += model.token_losses()[t];
      all_right = all_right && right, any_label = true;
    }
    tally.sequences_right += any_label && all_right;
    tally.sequences_labelled += any_label;
  }
}

double ratio(double part, double whole) { return whole > 0 ? part / whole : kNaN; }

std::uint64_t mix(std::uint64_t a, std::uint64_t b) {
  return SplitMix64(a ^ SplitMix64(b).next()).next();
}

}  // namespace

SplitMix64 held_out_stream(std::uint64_t seed, int length) {
  return SplitMix64(mix(seed, static_cast<std::uint64_t>(length)));
}

std::optional<InputError> check_evaluation_request(const RawEvaluationRequest& raw,
                                                   int max_length) {
  if (raw.lengths.empty())
    return InputError{ErrorKind::type, "lengths must list at least one length; received none"};
  for (std::size_t i = 0; i < raw.lengths.size(); ++i)
    if (!is_integer_in(raw.lengths[i], 1, max_length))
      return range_error(
          "lengths[" + std::to_string(i) + "]",
          "an integer from 1 to evaluationLength (" + std::to_string(max_length) + ")",
          raw.lengths[i]);
  if (!is_integer_in(raw.sequences, 1, kMaxEvaluationSequences))
    return range_error("sequences",
                       "an integer from 1 to " + std::to_string(kMaxEvaluationSequences),
                       raw.sequences);
  return std::nullopt;
}

Evaluation evaluate_by_length(Transformer<float>& model, const float* parameters, const Task& task,
                              std::uint64_t seed, const RawEvaluationRequest& request, Batch& batch,
                              int max_tokens, long max_square_lengths) {
  const int sequences = static_cast<int>(request.sequences);
  const auto longest =
      static_cast<std::size_t>(*std::max_element(request.lengths.begin(), request.lengths.end()));
  Tally total;
  total.position_right.assign(longest, 0), total.position_labelled.assign(longest, 0);
  Evaluation result;
  for (const double asked : request.lengths) {
    const int length = static_cast<int>(asked);
    const long square = static_cast<long>(length) * length;
    const int per_batch = static_cast<int>(
        std::min<long>({sequences, max_tokens / length, max_square_lengths / square}));
    SplitMix64 random = held_out_stream(seed, length);
    Tally tally = total;  // the totals so far, plus this length's
    for (int done = 0; done < sequences; done += per_batch) {
      batch.clear();
      for (int b = 0; b < std::min(per_batch, sequences - done); ++b)
        batch.add(task, random, length);
      model.forward(parameters, batch);
      tally_batch(model, batch, tally);
    }
    const double right = tally.right - total.right, labelled = tally.labelled - total.labelled;
    result.by_length.push_back({length, sequences, static_cast<int>(labelled),
                                ratio(right, labelled),
                                ratio(tally.sequences_right - total.sequences_right,
                                      tally.sequences_labelled - total.sequences_labelled),
                                ratio(tally.loss - total.loss, labelled)});
    total = tally;
  }
  for (std::size_t r = 0; r < longest; ++r) {
    result.by_position.push_back(ratio(total.position_right[r], total.position_labelled[r]));
    result.position_labelled.push_back(static_cast<int>(total.position_labelled[r]));
  }
  result.loss = ratio(total.loss, total.labelled);
  return result;
}

}  // namespace pe
