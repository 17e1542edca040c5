#!/usr/bin/env bash
# Re-normalises the whole tree to .editorconfig: whitespace (indentation, spacing, new lines), then the code-style
# rules the build enforces (file-scoped namespaces, braces, var, modifiers, naming, ...). Run it after merging
# branches; the build (EnforceCodeStyleInBuild, warnings as errors) fails on what it would still change.
# Usage: bash scripts/format.sh            rewrite files in place, then list what changed (git diff --stat)
#        bash scripts/format.sh --check    change nothing; exit non-zero if a file would change
set -euo pipefail
cd "$(dirname "$0")/.."
mode=()
case "${1:-}" in
  --check) mode=(--verify-no-changes) ;;
  "") ;;
  *) echo "usage: bash scripts/format.sh [--check]" >&2; exit 2 ;;
esac
# Snapshot files (*.verified.*) are compared byte for byte and are not C#: dotnet format only touches code files.
dotnet format whitespace LibvirtNested.sln "${mode[@]}" -v q
# --severity warn: exactly the rules .editorconfig raises to warning, i.e. what the build enforces.
dotnet format style LibvirtNested.sln --severity warn "${mode[@]}" -v q
if [ ${#mode[@]} -eq 0 ] && command -v git >/dev/null 2>&1 && git rev-parse --git-dir >/dev/null 2>&1; then
  git diff --stat
fi
