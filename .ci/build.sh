#!/usr/bin/env bash
# Builds PE Lab. `build.sh web` makes what the page needs (wasm module + page bundle in
# web/generated/); `build.sh all` also builds the native core and its Boost.Test suites, and
# dist/ (the self-contained page the browser tests open over file://).
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)

emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/wasm -j "$jobs"
node web/build/bundle.mjs

if [[ ${1:-web} == all ]]; then
  cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build/native -j "$jobs"
  node web/build/dist.mjs
fi
