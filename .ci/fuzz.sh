#!/usr/bin/env bash
# Runs each libFuzzer harness of tests/fuzz (built by `build.sh asan`: clang, every library
# instrumented, with AddressSanitizer and UndefinedBehaviorSanitizer) for the given number of
# seconds (default 60): `npm run fuzz [-- seconds]`; `npm test` runs each for 20. The harnesses run
# one per core at a time (each is one process on one core), so the run takes ceil(harnesses /
# cores) x seconds. New inputs go to a scratch folder, so the committed seed corpus only changes by
# hand. Any crash, sanitizer report or failed property fails the run, and libFuzzer writes the
# input that caused it to build/asan/crash-* (turn it into a regression test).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}

harnesses=(build/asan/tests/fuzz/fuzz_*)
if [[ ! -x ${harnesses[0]} ]]; then
  echo "No fuzz harness in build/asan: run \`bash .ci/build.sh asan\` first." >&2
  exit 1
fi

# fuzz_one HARNESS: runs it for $seconds on its own scratch corpus and prints one line.
fuzz_one() {
  local harness=$1 name scratch log status=0
  name=$(basename "$harness")
  scratch=$(mktemp -d)
  log=build/asan/$name.log
  "$harness" -max_total_time="$seconds" -artifact_prefix=build/asan/ \
    "$scratch" "tests/fuzz/corpus/$name" >"$log" 2>&1 || status=$?
  rm -rf "$scratch"
  if ((status != 0)); then
    tail -n 40 "$log" >&2
    echo "$name failed: see $log and the crash-* input in build/asan/" >&2
    return 1
  fi
  echo "$name: $(grep -Eo '#[0-9]+[[:space:]]+DONE.*' "$log" | tail -n 1)"
}
export -f fuzz_one
export seconds

printf '%s\n' "${harnesses[@]}" | xargs -P "$(nproc)" -I{} bash -c 'fuzz_one "$1"' _ {}
