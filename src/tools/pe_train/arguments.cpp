#include "arguments.hpp"

#include <cstdio>
#include <cstdlib>
#include <sstream>

#include "core/option_words.hpp"
#include "positions/scheme_registry.hpp"
#include "training/tasks/task_registry.hpp"
#include "training/trainer_request.hpp"

namespace pe_train {

namespace {

std::vector<std::string> split(const std::string& list) {
  std::vector<std::string> items;
  std::stringstream stream(list);
  for (std::string item; std::getline(stream, item, ',');) items.push_back(item);
  return items;
}

std::vector<std::string> every_scheme() {
  std::vector<std::string> names;
  for (const pe::PositionScheme* scheme : pe::position_schemes()) names.emplace_back(scheme->name);
  return names;
}

std::vector<std::string> every_task() {
  std::vector<std::string> names;
  for (const pe::Task* task : pe::training_tasks()) names.emplace_back(task->name);
  return names;
}

std::string apply(Arguments& arguments, const std::string& name, const std::string& value) {
  ExperimentPlan& plan = arguments.plan;
  if (name == "task")
    plan.tasks = value == "all" ? every_task() : split(value);
  else if (name == "schemes")
    plan.schemes = value == "all" ? every_scheme() : split(value);
  else if (name == "seeds")
    plan.seeds = std::atoi(value.c_str());
  else if (name == "eval-sequences")
    plan.evaluation_sequences = std::atoi(value.c_str());
  else if (name == "csv")
    arguments.csv = value;
  else if (name == "metric" && (value == "token" || value == "sequence"))
    arguments.metric = value == "token" ? Metric::token : Metric::sequence;
  else if (name == "metric")
    return "--metric must be token or sequence; received " + value;
  else {
    if (auto error = pe::set_option(pe::kTrainerOptions, plan.request, name, value)) return *error;
  }
  if (plan.seeds < 1) return "--seeds must be a whole number from 1; received " + value;
  if (plan.evaluation_sequences < 1)
    return "--eval-sequences must be a whole number from 1; received " + value;
  return "";
}

}  // namespace

std::variant<Arguments, std::string> parse_arguments(const std::vector<std::string>& words) {
  Arguments arguments;
  arguments.plan.tasks = {std::string(pe::training_tasks().front()->name)};
  arguments.plan.schemes = every_scheme();
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (words[i] == "--help" || words[i] == "-h") {
      arguments.help = true;
      continue;
    }
    if (words[i].rfind("--", 0) != 0 || i + 1 >= words.size())
      return "expected --name value; received " + words[i];
    const std::string error = apply(arguments, words[i].substr(2), words[i + 1]);
    if (!error.empty()) return error;
    ++i;
  }
  return arguments;
}

void print_usage(std::ostream& out) {
  out << "pe-train: trains the training lab's transformer with each position scheme and prints\n"
         "its accuracy on held-out sequences by length.\n\n"
         "  --task NAME[,NAME]      tasks (all: every task)           default: the first task\n"
         "  --schemes all|A,B       position schemes                  default: all\n"
         "  --seeds N               runs per scheme, seeds seed .. seed + N - 1   default: 3\n"
         "  --eval-sequences N      held-out sequences per length     default: 32\n"
         "  --metric token|sequence accuracy per labelled token or per whole sequence\n"
         "  --csv FILE|-            also write every length and seed as CSV\n\n"
         "Trainer options (the JS API's names):\n";
  pe::for_each_option(pe::kTrainerOptions, [&out](const pe::OptionSpec& spec) {
    char line[240];
    std::snprintf(line, sizeof line, "  --%-18s %-12s %s\n", spec.name,
                  pe::default_text(spec).c_str(), spec.doc);
    out << line;
  });
}

}  // namespace pe_train
