#pragma once
// pe-train's output: the accuracy-by-length table (one row per scheme, mean and range over seeds)
// and the same numbers, every length and seed, as CSV.
#include <ostream>
#include <string>
#include <vector>

#include "experiment.hpp"

namespace pe_train {

enum class Metric { token, sequence };

// One table per task: accuracy on lengths 1 .. trainingLength pooled, then at trainingLength,
// 2x and 4x it, the held-out loss and the seconds per run.
void print_tables(std::ostream& out, const std::vector<Run>& runs, const ExperimentPlan& plan,
                  int training_length, Metric metric);

void write_csv(std::ostream& out, const std::vector<Run>& runs);

}  // namespace pe_train
