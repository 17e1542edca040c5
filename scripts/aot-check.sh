#!/usr/bin/env bash
# NativeAOT check of the libraries (issue 11): publishes tests/aot/AotSmoke — a console app that uses every public area
# of LibvirtNested.Xml, LibvirtNested and LibvirtNested.Hosting — with NativeAOT for linux-x64, FAILS on any trim, AOT
# or single-file warning (IL2xxx, IL3xxx, ILC's own), then runs the native binary on test:///default and checks that it
# exercised every area and that every check passed.
#
# Usage: bash scripts/aot-check.sh                 publish, scan the log, run, verify (exit 0 only if all is clean)
#        bash scripts/aot-check.sh --scan-log FILE exit 1 if a publish log holds a trim/AOT warning or any error
#        bash scripts/aot-check.sh --verify-run FILE CODE
#                                                  exit 1 unless FILE (the binary's output) and CODE (its exit code)
#                                                  show every area run and every check passed
# Environment: AOT_CHECK_OUT (default artifacts/aot/AotSmoke) is where the binary and publish.log go.
# Needs clang and zlib1g-dev (ILC links with clang): installed here through scripts/install-prerequisites.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

# The areas Program.cs runs, in order; a missing one means the app stopped exercising part of the libraries.
AREAS="xml,native,events,resilient,telemetry,host,hosting"
# Fewer checks than this means whole groups of checks stopped running (there are 128 today).
MIN_CHECKS=100

# Trim/AOT/single-file diagnostics (IL2xxx, IL3xxx, ILC's "AOT analysis" lines), and any warning or error at all:
# with warnings as errors a warning shows up as "error IL2026", and an error of another kind also fails the check.
scan_log() {
  local log=$1 hits
  hits=$(grep -E '(warning|error) (IL[0-9]{4}|NETSDK[0-9]+|CS[0-9]+|CA[0-9]+|SYSLIB[0-9]+)|\b(IL2[0-9]{3}|IL3[0-9]{3})\b|: (warning|error) |AOT analysis (warning|error)|Trim analysis (warning|error)' "$log" | sort -u || true)
  if [ -n "$hits" ]; then
    echo "aot-check: the publish reported trim/AOT warnings or errors:" >&2
    echo "$hits" >&2
    return 1
  fi
}

verify_run() {
  local output=$1 code=$2 summary checks failed areas
  if [ "$code" != 0 ]; then
    echo "aot-check: the native AotSmoke exited with $code" >&2
    grep -E '^FAIL ' "$output" >&2 || tail -20 "$output" >&2
    return 1
  fi
  if grep -qE '^FAIL ' "$output"; then
    echo "aot-check: failed checks:" >&2
    grep -E '^FAIL ' "$output" >&2
    return 1
  fi
  summary=$(grep -E '^AotSmoke: [0-9]+ checks passed, [0-9]+ failed$' "$output" | tail -1 || true)
  checks=$(sed -E 's/^AotSmoke: ([0-9]+) checks passed.*/\1/' <<<"$summary")
  failed=$(sed -E 's/.* ([0-9]+) failed$/\1/' <<<"$summary")
  areas=$(sed -nE 's/^AotSmoke: areas (.*)$/\1/p' "$output" | tail -1)
  if [ -z "$summary" ] || [ "$failed" != 0 ] || [ "$checks" -lt "$MIN_CHECKS" ]; then
    echo "aot-check: expected at least $MIN_CHECKS passed checks and none failed; the summary was: ${summary:-missing}" >&2
    return 1
  fi
  if [ "$areas" != "$AREAS" ]; then
    echo "aot-check: expected the areas $AREAS, the binary ran: ${areas:-none}" >&2
    return 1
  fi
  echo "aot-check: $checks checks passed in the areas $areas"
}

case "${1:-}" in
  --scan-log) scan_log "$2"; exit ;;
  --verify-run) verify_run "$2" "$3"; exit ;;
  "") ;;
  *) echo "usage: bash scripts/aot-check.sh [--scan-log FILE | --verify-run FILE CODE]" >&2; exit 2 ;;
esac

bash scripts/install-prerequisites.sh clang zlib1g-dev
out=${AOT_CHECK_OUT:-artifacts/aot/AotSmoke}
mkdir -p "$out"
out=$(cd "$out" && pwd)
log="$out/publish.log"
# ILC is incremental: with unchanged inputs it would not run, and its warnings would not be printed again. Removing
# its output makes every check compile (and report) afresh.
rm -rf tests/aot/AotSmoke/obj/Release/net10.0/linux-x64/native "$out/AotSmoke"
start=$(date +%s%N)
status=0
# -warnaserror and TreatWarningsAsErrors fail the C# compile and the trim analysis; IlcTreatWarningsAsErrors the native
# compile. The log is scanned as well, so a warning that some tool does not promote still fails the check.
dotnet publish tests/aot/AotSmoke/AotSmoke.csproj -c Release -r linux-x64 -p:PublishAot=true \
  -p:TreatWarningsAsErrors=true -p:IlcTreatWarningsAsErrors=true -p:TrimmerSingleWarn=false -warnaserror \
  -o "$out" -nologo -v:minimal >"$log" 2>&1 || status=$?
seconds=$(( ($(date +%s%N) - start) / 1000000 ))
echo "aot-check: publish took $((seconds / 1000)).$(printf '%03d' $((seconds % 1000))) s (exit $status)"
if [ "$status" != 0 ]; then
  echo "aot-check: dotnet publish failed; its log: $log" >&2
  scan_log "$log" || true
  tail -30 "$log" >&2
  exit 1
fi
scan_log "$log"
if ! head -c 4 "$out/AotSmoke" | grep -q 'ELF'; then
  echo "aot-check: $out/AotSmoke is not a native executable" >&2
  exit 1
fi
echo "aot-check: native binary $out/AotSmoke, $(stat -c %s "$out/AotSmoke") bytes"

code=0
timeout 600 "$out/AotSmoke" >"$out/run.txt" 2>&1 || code=$?
verify_run "$out/run.txt" "$code"
