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

std::variant<const Task*, InputError> parse_task(const std::string& name) {
  std::vector<std::string> names;
  for (const Task* task : training_tasks()) {
    if (task->name == name) return task;
    names.push_back("\"" + std::string(task->name) + "\"");
  }
  return InputError{ErrorKind::type,
                    "task must be " + join(names, " or ") + "; received \"" + name + "\""};
}

}  // namespace pe
