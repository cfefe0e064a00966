#!/usr/bin/env bash
# Builds the libFuzzer harnesses of tests/fuzz (clang, every library instrumented, with
# AddressSanitizer and UndefinedBehaviorSanitizer) and runs each for the given number of seconds
# (default 60): `npm run fuzz [-- seconds]`; `npm test` runs each for 20. New inputs go to a
# scratch folder, so the committed seed corpus only changes by hand. Any crash, sanitizer report
# or failed property stops the run, and libFuzzer writes the input that caused it to
# build/fuzz/crash-* (turn it into a regression test).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}

CC=clang CXX=clang++ cmake -S . -B build/fuzz -DPE_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all" >/dev/null
cmake --build build/fuzz -j "$(nproc)"

for harness in build/fuzz/tests/fuzz/fuzz_*; do
  name=$(basename "$harness")
  scratch=$(mktemp -d)
  log=build/fuzz/$name.log
  if ! "$harness" -max_total_time="$seconds" -artifact_prefix=build/fuzz/ \
      "$scratch" "tests/fuzz/corpus/$name" >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    echo "$name failed: see $log and the crash-* input in build/fuzz/" >&2
    exit 1
  fi
  echo "$name: $(grep -Eo '#[0-9]+[[:space:]]+DONE.*' "$log" | tail -n 1)"
  rm -rf "$scratch"
done
