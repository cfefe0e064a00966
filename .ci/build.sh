#!/usr/bin/env bash
# Builds PE Lab: `build.sh TARGET...`, each target once, in the order given.
#   web     the wasm module and the page bundle in web/generated/ (what the page and web/pe.js need),
#           and web/types/options.d.ts from the module's declarations (checked in)
#   native  the native core, its Boost.Test suites and commands (build/native)
#   asan    the same suites, and the libFuzzer harnesses of tests/fuzz, against the libraries built
#           once with AddressSanitizer and UndefinedBehaviorSanitizer (build/asan: any report fails
#           the run)
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
      # clang, for libFuzzer (named as a cache setting, so a folder configured with GCC before is
      # configured again); the libraries carry libFuzzer's coverage hooks (fuzzer-no-link), which
      # the suites' executables ignore, so one compile serves the suites and the harnesses. -O1 and
      # line tables, as AddressSanitizer's documentation advises: reports keep their file and line.
      # (GCC at -O2 -g took 2.4 times the CPU for src/core/rope_request.cpp.)
      cmake_build build/asan cmake -S . -DCMAKE_CXX_COMPILER=clang++ -DPE_FUZZ=ON -DPE_PROGRAMS=OFF \
        -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only -DNDEBUG" \
        -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
      ;;
    dist) node web/build/dist.mjs ;;
    all) "$0" web native asan dist ;;
    *)
      echo "build.sh: unknown target '$target' (web, native, asan, dist or all)" >&2
      exit 2
      ;;
  esac
done
