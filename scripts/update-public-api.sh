#!/usr/bin/env bash
# Regenerates src/*/PublicAPI.Unshipped.txt from the current sources: empties each file, lets the
# PublicApiAnalyzers code fix add every public symbol the build reports as undeclared (RS0016, via
# `dotnet format analyzers`), sorts the result, and builds to prove the lists are complete (RS0016/RS0017
# are errors). PublicAPI.Shipped.txt is left alone: moving lines there is the release's deliberate step.
# Usage: bash scripts/update-public-api.sh            (then review `git diff src/*/PublicAPI.Unshipped.txt`)
set -euo pipefail
cd "$(dirname "$0")/.."
projects=(src/LibvirtNested.Xml/LibvirtNested.Xml.csproj src/LibvirtNested/LibvirtNested.csproj src/LibvirtNested.Hosting/LibvirtNested.Hosting.csproj)
for project in "${projects[@]}"; do
  printf '#nullable enable\n' > "$(dirname "$project")/PublicAPI.Unshipped.txt"
done
for project in "${projects[@]}"; do
  dir=$(dirname "$project")
  echo "update-public-api: $dir" >&2
  dotnet format analyzers "$project" --diagnostics RS0016 --severity warn -v q
  file="$dir/PublicAPI.Unshipped.txt"
  # grep finds nothing when a project adds no symbol (after a release): not an error.
  { echo '#nullable enable'; { grep -v -e '^#nullable enable$' -e '^$' "$file" || true; } | LC_ALL=C sort -u; } > "$file.tmp"
  mv "$file.tmp" "$file"
  echo "update-public-api: $(($(wc -l < "$file") - 1)) symbols in $file" >&2
done
for project in "${projects[@]}"; do
  dotnet build "$project" -nologo -v q
done
