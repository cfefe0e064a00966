// The trainer's speed natively: steps per second of one configuration (the defaults, or the
// trainer options given as --name value), and the GFLOP/s those steps achieve, counted from the
// tokens each batch really holds. Time is the process's CPU time, which other work on a shared
// machine inflates far less than the wall clock; the wall clock is printed too. The same file
// builds to WebAssembly for Node (tests/bench/CMakeLists.txt). Prints one
// line of JSON; tests/bench/trainer-bench.mjs runs it beside PyTorch and the WebAssembly build and
// prints the ratios.
//   build/native/trainer-bench [--steps 300] [--dModel 64 ...]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

#include "core/option_words.hpp"
#include "training/trainer.hpp"
#include "training/training_flops.hpp"

#ifdef __EMSCRIPTEN__
#include <emscripten/em_macros.h>  // before em_js.h in Emscripten 3.1.6
// clock() is the wall clock under Emscripten: ask Node for the process's CPU time instead.
#include <emscripten/em_js.h>
EM_JS(double, cpu_seconds, (), {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1e6;
});
#else
double cpu_seconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }
#endif

int main(int argc, char** argv) {
  const auto words =
      pe::options_from_words(pe::kTrainerOptions, std::vector<std::string>(argv + 1, argv + argc));
  if (const auto* error = std::get_if<std::string>(&words)) {
    std::fprintf(stderr, "trainer-bench: %s\n", error->c_str());
    return 2;
  }
  auto parsed = pe::parse_trainer_request(std::get<pe::RawTrainerRequest>(words));
  if (auto* error = std::get_if<pe::InputError>(&parsed)) {
    std::fprintf(stderr, "trainer-bench: %s\n", error->message.c_str());
    return 2;
  }
  const pe::TrainerSetup& setup = std::get<pe::TrainerSetup>(parsed);
  pe::Trainer trainer(setup);
  // Warm caches, pages and (in WebAssembly) the engine's optimising compiler.
  const int warm = std::max(20, setup.options.steps / 10);
  trainer.step(warm);
  double flops = 0;
  const int steps = setup.options.steps - warm;
  const double cpu_began = cpu_seconds();
  const auto wall_began = std::chrono::steady_clock::now();
  for (int s = 0; s < steps; ++s) {
    trainer.step(1);
    flops += pe::training_step_flops(setup.shape, trainer.last_batch());
  }
  const double seconds = cpu_seconds() - cpu_began;
  const double wall =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_began).count();
  std::printf(
      "{\"steps\": %d, \"cpuSeconds\": %.6f, \"wallSeconds\": %.6f, \"stepsPerSecond\": %.3f, "
      "\"flopsPerStep\": %.0f, \"gflops\": %.4f, \"options\": %s}\n",
      steps, seconds, wall, steps / seconds, flops / steps, flops / seconds * 1e-9,
      pe::options_json(pe::kTrainerOptions, setup.request).c_str());
  return 0;
}
