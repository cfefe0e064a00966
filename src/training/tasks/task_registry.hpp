#pragma once
// The registry of the training lab's tasks: the one list every name, message and selector reads.
#include <string>
#include <variant>
#include <vector>

#include "core/input_error.hpp"
#include "training/tasks/task.hpp"

namespace pe {

// Every task, in the order the lab offers them; the first is the default.
const std::vector<const Task*>& training_tasks();

// The task named name, or a TypeError listing every name.
std::variant<const Task*, InputError> parse_task(const std::string& name);

}  // namespace pe
