#!/usr/bin/env bash
# Builds PE Lab. `build.sh web` makes what the page needs (wasm module + page bundle in
# web/generated/, and web/types/options.d.ts from the module's declarations); `build.sh all` also builds the native core and its Boost.Test suites, the same
# suites once more with AddressSanitizer and UndefinedBehaviorSanitizer (build/asan: any report
# fails the run), and dist/ (the self-contained page the browser tests open over file://).
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)

emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/wasm -j "$jobs"
# The option types are generated from the declarations the module exports (checked in).
node web/build/option-types.mjs
node web/build/bundle.mjs

if [[ ${1:-web} == all ]]; then
  cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build/native -j "$jobs"
  cmake -S . -B build/asan -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" >/dev/null
  cmake --build build/asan -j "$jobs"
  node web/build/dist.mjs
fi
