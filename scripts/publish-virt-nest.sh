#!/usr/bin/env bash
# Publishes virt-nest as one NativeAOT executable for linux-x64 (src/VirtNest/Properties/PublishProfiles/
# native-linux-x64.pubxml) and FAILS on any trim/AOT warning or error in the publish output (the same scan as
# scripts/aot-check.sh). Prints the publish time and the binary's size.
# Usage: bash scripts/publish-virt-nest.sh [OUT_DIR]     (default artifacts/aot/virt-nest; the binary is OUT_DIR/virt-nest)
# Needs clang and zlib1g-dev (installed here through scripts/install-prerequisites.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-prerequisites.sh clang zlib1g-dev
out=${1:-artifacts/aot/virt-nest}
mkdir -p "$out"
out=$(cd "$out" && pwd)
log="$out/publish.log"
# ILC is incremental: remove its output so that every publish compiles, and reports, afresh.
rm -rf src/VirtNest/obj/Release/net10.0/linux-x64/native "$out/virt-nest"
start=$(date +%s%N)
status=0
dotnet publish src/VirtNest/VirtNest.csproj -c Release -r linux-x64 -p:PublishProfile=native-linux-x64 -warnaserror \
  -o "$out" -nologo -v:minimal >"$log" 2>&1 || status=$?
ms=$(( ($(date +%s%N) - start) / 1000000 ))
echo "publish-virt-nest: publish took $((ms / 1000)).$(printf '%03d' $((ms % 1000))) s (exit $status)"
if [ "$status" != 0 ]; then
  bash scripts/aot-check.sh --scan-log "$log" || true
  tail -30 "$log" >&2
  exit 1
fi
bash scripts/aot-check.sh --scan-log "$log"
if ! head -c 4 "$out/virt-nest" | grep -q 'ELF'; then
  echo "publish-virt-nest: $out/virt-nest is not a native executable" >&2
  exit 1
fi
echo "publish-virt-nest: native binary $out/virt-nest, $(stat -c %s "$out/virt-nest") bytes"
