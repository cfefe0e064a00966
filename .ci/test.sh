#!/usr/bin/env bash
# Runs every suite against an existing build: native Boost.Test (CTest), the JS API through the
# real wasm module (node --test), and the page in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

ctest --test-dir build/native --output-on-failure
node --test tests/js/*.test.mjs
node --test --test-concurrency=1 tests/e2e/*.test.mjs
