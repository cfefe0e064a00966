#!/usr/bin/env bash
# Style checked by machine, first in `npm test` because it fails fastest: every C++ file of the
# project formatted as the committed .clang-format says (`npm run format` applies it).
set -euo pipefail
cd "$(dirname "$0")/.."

mapfile -t cpp < <(git ls-files '*.cpp' '*.hpp')
if ! clang-format --dry-run --Werror "${cpp[@]}"; then
  echo "C++ formatting differs from .clang-format: run \`npm run format\` and commit the result." >&2
  exit 1
fi
