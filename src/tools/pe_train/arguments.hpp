#pragma once
// pe-train's command line: its own flags (--task, --schemes, --seeds, --csv, --metric,
// --eval-sequences) and every trainer option by its JS name (--dModel 64, --causal false), read
// through the trainer's declared options (training/trainer_request.hpp), so the command knows
// every option the API knows.
#include <ostream>
#include <string>
#include <variant>
#include <vector>

#include "experiment.hpp"
#include "report.hpp"

namespace pe_train {

struct Arguments {
  ExperimentPlan plan;
  std::string csv;  // "" (none), "-" (standard output) or a file
  Metric metric = Metric::token;
  bool help = false;
};

// The arguments, or a message saying which one is wrong and why.
std::variant<Arguments, std::string> parse_arguments(const std::vector<std::string>& words);

void print_usage(std::ostream& out);

}  // namespace pe_train
