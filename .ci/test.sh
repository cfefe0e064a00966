#!/usr/bin/env bash
# Runs every suite against an existing build: native Boost.Test (CTest), again under the
# sanitizers, the JS API through the real wasm module (node --test), the typed example and the
# packed package, and the page in headless Chromium. Each stage prints how long it took.
set -euo pipefail
cd "$(dirname "$0")/.."

stage() {
  local began=$SECONDS
  "$@"
  echo "[stage: $* took $((SECONDS - began)) s]"
}

stage ctest --test-dir build/native --output-on-failure
stage ctest --test-dir build/asan --output-on-failure
stage node --test tests/js/*.test.mjs
stage node --test tests/types/*.test.mjs tests/package/*.test.mjs
stage node --test --test-concurrency=1 tests/e2e/*.test.mjs
