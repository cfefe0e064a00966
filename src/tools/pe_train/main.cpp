// pe-train: the training lab from the command line. For every task, position scheme and seed it
// trains a trainer to the end, evaluates it on held-out sequences of every length up to
// evaluationLength, and prints the accuracy-by-length table (and, with --csv, every number).
//   build/native/pe-train --task kback --schemes all --seeds 3
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "arguments.hpp"
#include "experiment.hpp"
#include "report.hpp"

int main(int argc, char** argv) {
  using namespace pe_train;
  auto parsed = parse_arguments(std::vector<std::string>(argv + 1, argv + argc));
  if (auto* error = std::get_if<std::string>(&parsed)) {
    std::cerr << "pe-train: " << *error << '\n';
    return 2;
  }
  const Arguments& arguments = std::get<Arguments>(parsed);
  if (arguments.help) {
    print_usage(std::cout);
    return 0;
  }
  const ExperimentPlan& plan = arguments.plan;
  std::vector<Run> runs;
  int training_length = 0;
  for (const std::string& task : plan.tasks)
    for (const std::string& scheme : plan.schemes)
      for (int s = 0; s < plan.seeds; ++s) {
        auto run = run_one(run_request(plan, task, scheme, s), plan.evaluation_sequences);
        if (auto* error = std::get_if<pe::InputError>(&run)) {
          std::cerr << "pe-train: " << error->message << '\n';
          return 2;
        }
        runs.push_back(std::get<Run>(run));
        training_length = runs.back().options.training_length;
        std::cerr << task << ' ' << scheme << " seed " << runs.back().seed << ": "
                  << runs.back().seconds << " s of processor time\n";
      }
  print_tables(std::cout, runs, plan, training_length, arguments.metric);
  if (arguments.csv == "-")
    write_csv(std::cout, runs);
  else if (!arguments.csv.empty()) {
    std::ofstream file(arguments.csv);
    write_csv(file, runs);
  }
  return 0;
}
