#!/usr/bin/env bash
# Style and types checked by machine, first in `npm test` because they fail fastest; nothing here
# needs the build. Each step prints how long it took.
#   clang-format  every C++ file as the committed .clang-format says
#   ESLint        every JavaScript file (eslint.config.js), no warnings allowed
#   Prettier      JavaScript, TypeScript, CSS and JSON as .prettierrc.json says
#   tsc           the page against the API's types (web/tsconfig.json), and the typed example of
#                 the API under --strict (tests/types/tsconfig.json)
# `lint.sh format` (npm run format) rewrites the files both formatters cover instead.
# The caches (under node_modules/.cache) only skip files unchanged since the last clean run.
set -euo pipefail
cd "$(dirname "$0")/.."

mapfile -t cpp < <(git ls-files '*.cpp' '*.hpp')
# .prettierignore leaves out the lock file and the fuzz corpus.
mapfile -t web < <(git ls-files '*.js' '*.mjs' '*.ts' '*.css' '*.json')

if [[ ${1:-check} == format ]]; then
  clang-format -i "${cpp[@]}"
  npx --no-install prettier --write --log-level warn "${web[@]}"
  exit
fi

# Runs a step, says how long it took and returns its status.
step() {
  local name=$1 began=$SECONDS status=0
  shift
  "$@" || status=$?
  echo "[lint: $name took $((SECONDS - began)) s]"
  return "$status"
}

fail() {
  echo "$1" >&2
  return 1
}

step clang-format clang-format --dry-run --Werror "${cpp[@]}" ||
  fail "C++ formatting differs from .clang-format: run \`npm run format\` and commit the result."
step eslint npx --no-install eslint --max-warnings 0 --cache --cache-location node_modules/.cache/eslint/ .
step prettier npx --no-install prettier --check --cache --log-level warn "${web[@]}" ||
  fail "The files above differ from .prettierrc.json: run \`npm run format\` and commit the result."
step tsc-web npx --no-install tsc -p web
step tsc-example npx --no-install tsc -p tests/types
