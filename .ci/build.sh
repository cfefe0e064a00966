#!/usr/bin/env bash
# Builds PE Lab: `build.sh TARGET...`, each target once, in the order given.
#   web     the wasm module and the page bundle in web/generated/ (what the page and web/pe.js need),
#           and web/types/options.d.ts from the module's declarations (checked in)
#   native  the native core and its Boost.Test suites (build/native)
#   asan    the same suites with AddressSanitizer and UndefinedBehaviorSanitizer (build/asan: any
#           report fails the run)
#   fuzz    the libFuzzer harnesses of tests/fuzz, clang with both sanitizers (build/fuzz)
#   dist    dist/, the self-contained page the browser tests open over file:// (needs web)
#   all     web native asan dist
# `npm test` builds each target as a stage of its own (.ci/stages.mjs) and reuses it for every suite.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)

# Debian's emcc, em++ and emcmake run "${EMSDK_PYTHON:-python3}": the first python3 on PATH, which
# may be another interpreter (a pyenv shim costs 0.45 s of CPU per call, on each of ~45 calls).
# Debian's python3 is the one its emscripten package is built and tested with.
export EMSDK_PYTHON=/usr/bin/python3

# cmake_build DIR CONFIGURE-COMMAND...: configures DIR (again, so changed flags here take effect;
# quick once configured) and builds it.
cmake_build() {
  local dir=$1
  shift
  "$@" -B "$dir" >/dev/null
  cmake --build "$dir" -j "$jobs"
}

for target in "${@:-web}"; do
  case $target in
    web)
      cmake_build build/wasm emcmake cmake -S . -DCMAKE_BUILD_TYPE=Release
      node web/build/option-types.mjs
      node web/build/bundle.mjs
      ;;
    native) cmake_build build/native cmake -S . -DCMAKE_BUILD_TYPE=Release ;;
    asan)
      cmake_build build/asan cmake -S . -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DCMAKE_CXX_FLAGS="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
        -DPE_TESTS_CXX_FLAGS=-O0
      ;;
    fuzz)
      CC=clang CXX=clang++ cmake_build build/fuzz cmake -S . -DPE_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all"
      ;;
    dist) node web/build/dist.mjs ;;
    all) "$0" web native asan dist ;;
    *)
      echo "build.sh: unknown target '$target' (web, native, asan, fuzz, dist or all)" >&2
      exit 2
      ;;
  esac
done
