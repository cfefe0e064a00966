#!/usr/bin/env bash
# Installs whatever PE Lab needs and is missing, so `npm start` / `npm test` work on a fresh
# Debian 12 machine. Elsewhere (or without root) it prints exactly what to install and stops.
#   ensure-toolchain.sh start   build tools: cmake, a C++ compiler, Emscripten
#   ensure-toolchain.sh test    also Boost.Test (native suites), Chromium (browser tests),
#                               clang-format (the style check), clang with libFuzzer (fuzzing),
#                               NumPy and PyTorch for Debian's python3 (the "Copy as code" tests)
set -euo pipefail
cd "$(dirname "$0")/.."
purpose=${1:-start}

node_major=$(node -p 'process.versions.node.split(".")[0]')
if ((node_major < 20)); then
  echo "PE Lab needs Node.js 20 or newer; this is $(node --version)." >&2
  exit 1
fi

missing=()
command -v cmake >/dev/null || missing+=(cmake)
command -v g++ >/dev/null && command -v make >/dev/null || missing+=(build-essential)
command -v emcc >/dev/null || missing+=(emscripten)
if [[ $purpose == test ]]; then
  [[ -f /usr/include/boost/test/unit_test.hpp ]] || missing+=(libboost-test-dev)
  [[ -x /usr/lib/chromium/chromium ]] || missing+=(chromium)
  command -v clang-format >/dev/null || missing+=(clang-format)
  command -v clang++ >/dev/null || missing+=(clang)
  compgen -G '/usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a' >/dev/null ||
    missing+=(libclang-rt-14-dev)
  # Debian's own python3 (tests/js/python-snippets.test.mjs runs /usr/bin/python3).
  [[ -d /usr/lib/python3/dist-packages/numpy ]] || missing+=(python3-numpy)
  [[ -d /usr/lib/python3/dist-packages/torch ]] || missing+=(python3-torch)
fi

if ((${#missing[@]})); then
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    echo "Installing Debian packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      ca-certificates "${missing[@]}"
  else
    cat >&2 <<MSG
PE Lab is missing: ${missing[*]}
On Debian 12 / Ubuntu:  sudo apt-get install -y --no-install-recommends ${missing[*]}
Elsewhere install the equivalents: CMake >= 3.20, a C++17 compiler, Emscripten 3.1 (emcc),
Boost.Test >= 1.74, Chromium at /usr/lib/chromium/chromium, clang-format 14, clang 14 with
its libFuzzer runtime, and /usr/bin/python3 with NumPy and PyTorch. Then run the command again.
MSG
    exit 1
  fi
fi

# npm's own marker is newer than the lock file once `npm ci` has installed it.
if [[ ! node_modules/.package-lock.json -nt package-lock.json ]]; then
  npm ci --no-audit --no-fund
fi
