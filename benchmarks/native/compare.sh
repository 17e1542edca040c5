#!/usr/bin/env bash
# Builds benchmarks/native/cycle.c and the benchmark project, then runs the define -> read inactive XML ->
# undefine cycle on test:///default in C and in C# (Stopwatch mode), alternately, ROUNDS times each.
# Installs what it needs where missing (as root): gcc and libvirt-dev (libvirt's headers and the unversioned
# libvirt.so that -lvirt links against), besides the libvirt0 the C# side needs.
# Usage: benchmarks/native/compare.sh [cycles=20000] [rounds=2]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
bash "$repo/scripts/install-prerequisites.sh" gcc libc6-dev libvirt-dev
cycles="${1:-20000}"
rounds="${2:-2}"
out="${TMPDIR:-/tmp}/libvirtnested-cycle"
# cycle.c needs libvirt's C headers and the unversioned libvirt.so, both only in libvirt-dev.
if [ ! -f /usr/include/libvirt/libvirt.h ]; then
    bash "$repo/scripts/install-prerequisites.sh" libvirt-dev
fi
gcc -O2 -Wall -Wextra -o "$out" "$here/cycle.c" -lvirt
dotnet build -c Release "$repo/benchmarks/LibvirtNested.Benchmarks" -v q -nologo > /dev/null
bench="$repo/benchmarks/LibvirtNested.Benchmarks/bin/Release/net10.0/LibvirtNested.Benchmarks.dll"
for round in $(seq 1 "$rounds"); do
    echo "== round $round"
    "$out" "$cycles" "$here/domain.xml"
    dotnet "$bench" cycle "$cycles"
done
