#include "training/tasks/task_registry.hpp"

namespace pe {

// Each defined in its own <name>_task.cpp. A new task: its file, then one line here and one entry
// below.
extern const Task kKbackTask;
extern const Task kFirstTokenTask;
extern const Task kSeenBeforeTask;
extern const Task kMaxSoFarTask;
extern const Task kReverseTask;

const std::vector<const Task*>& training_tasks() {
  static const std::vector<const Task*> tasks{&kKbackTask, &kFirstTokenTask, &kMaxSoFarTask,
                                              &kSeenBeforeTask, &kReverseTask};
  return tasks;
}

std::vector<OptionChoice> task_choices() {
  std::vector<OptionChoice> choices;
  for (const Task* task : training_tasks()) choices.push_back({task->name, task->label});
  return choices;
}

std::variant<const Task*, InputError> parse_task(const std::string& name) {
  auto chosen = check_choice(kTask, name);
  if (auto* error = std::get_if<InputError>(&chosen)) return *error;
  return training_tasks()[std::get<std::size_t>(chosen)];
}

}  // namespace pe
