#pragma once
// The registry of the training lab's tasks: the one list every name, message and selector reads.
#include <string>
#include <variant>
#include <vector>

#include "core/input_error.hpp"
#include "core/options.hpp"
#include "training/tasks/task.hpp"

namespace pe {

// Every task, in the order the lab offers them; the first is the default.
const std::vector<const Task*>& training_tasks();

// The tasks' names and labels, in that order.
std::vector<OptionChoice> task_choices();

// The option that names a task.
inline constexpr OptionSpec kTask{"task", "kback", one_of_choices(),
                                  "the task the model learns: a name of pe.tasks", &task_choices};

// The task named name, or a TypeError listing every name.
std::variant<const Task*, InputError> parse_task(const std::string& name);

}  // namespace pe
