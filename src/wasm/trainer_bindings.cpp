// The Embind surface of the training lab's module (web/api/trainer.js loads it on demand, so the
// page's first load never carries the trainer): which core function each raw JS function and
// method calls. Requests are read from their declarations, results written from their declared
// fields and errors unwrapped by marshal.hpp, as in the core module (bindings.cpp).
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <memory>

#include "declarations.hpp"
#include "marshal.hpp"
#include "module_basics.hpp"
#include "training/tasks/task_registry.hpp"
#include "training/trainer.hpp"
#include "training/trainer_calls.hpp"
#include "training/trainer_request.hpp"

using emscripten::val;
using marshal::answer;
using marshal::read;
using marshal::to_js;

namespace {

// A result the trainer checked its request for: the result, or its error.
template <typename Result>
val answered(const std::variant<Result, pe::InputError>& result) {
  return answer(result, [](const Result& value) -> const Result& { return value; });
}

// One trainer as JS holds it: the handle pe.trainer's object wraps, deleted by its dispose().
class TrainerHandle {
 public:
  explicit TrainerHandle(const pe::TrainerSetup& setup)
      : trainer_(std::make_unique<pe::Trainer>(setup)) {}

  val step(val options) {
    return answer(pe::parse(read(options, pe::kStepOptions)), [this](const pe::StepRequest& r) {
      return trainer_->step(r.steps, r.max_milliseconds);
    });
  }
  val evaluate(val options) {
    return answered(trainer_->evaluate(read(options, pe::kEvaluateOptions)));
  }
  val attention(val options) {
    return answered(trainer_->attention(read(options, pe::kAttentionOptions)));
  }
  val position_table() const { return to_js(trainer_->position_table()); }
  val weights() const { return to_js(trainer_->weights()); }
  val state() const { return to_js(trainer_->state()); }

 private:
  std::unique_ptr<pe::Trainer> trainer_;
};

// A trainer for the options, or their error: { error, message } or the handle.
val create_trainer(val options) {
  return answer(pe::parse(read(options, pe::kTrainerOptions)),
                [](const pe::TrainerSetup& setup) { return val(TrainerHandle(setup)); });
}

val tasks() {
  val all = val::array();
  for (const pe::Task* task : pe::training_tasks()) all.call<void>("push", to_js(*task));
  return all;
}

}  // namespace

EMSCRIPTEN_BINDINGS(pe_trainer) {
  marshal::Declarations& api = marshal::module_declarations();
  marshal::expose_module_basics(api);
  api.expose<pe::kTrainerOptions>("trainer", &create_trainer);
  emscripten::class_<TrainerHandle>("TrainerHandle")
      .function("step", &TrainerHandle::step)
      .function("evaluate", &TrainerHandle::evaluate)
      .function("attention", &TrainerHandle::attention)
      .function("positionTable", &TrainerHandle::position_table)
      .function("weights", &TrainerHandle::weights)
      .function("state", &TrainerHandle::state);
  api.declare<pe::kStepOptions>("Trainer.step");
  api.declare<pe::kEvaluateOptions>("Trainer.evaluate");
  api.declare<pe::kAttentionOptions>("Trainer.attention");
  api.expose("tasks", &tasks);
}
