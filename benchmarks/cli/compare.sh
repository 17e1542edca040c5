#!/usr/bin/env bash
# Issue 11: virt-nest from the shell, side by side with virt-xml and virsh in ONE run (commands interleaved round by
# round, so the machine's load hits all of them alike). Prints median and p90 wall time of each command and the ratios
# the issue sets targets for, the startup of the three forms, the AOT binary's size and peak RSS.
#
# Usage: bash benchmarks/cli/compare.sh [ROUNDS]        (default 25 rounds; at least 20)
#        VIRT_NEST_AOT_DIR=DIR bash benchmarks/cli/compare.sh   measures DIR/virt-nest instead of publishing it
# Installs (benchmark only): virtinst (virt-xml), time (/usr/bin/time -v for peak RSS), clang and zlib1g-dev (NativeAOT).
#
# What is timed (each a fresh process, output to /dev/null, timed with bash's $EPOCHREALTIME, no fork for the clock):
#   edit on a connection: a domain of a test:/// node file (test:///ABS/node.xml: every process loads the same domain
#     from the file, so each run does the real edit, as virt-xml's own comparisons do):
#       virt-nest (AOT)     virt-nest -c test:///…/node.xml edit nested-L1 --host-passthrough
#       virt-nest (.NET)    dotnet virt-nest.dll …  (the .NET tool form: what the tool shim runs)
#       virt-xml            virt-xml --connect test:///…/node.xml nested-L1 --edit --cpu host-passthrough
#       virsh define        virsh -c test:///…/node.xml define edited.xml   (the same domain, already edited)
#   edit of a file: the same domain as a file, restored before every run (not timed):
#       virt-nest (AOT)     virt-nest edit guest.xml --host-passthrough       (in place, atomic save)
#       virt-xml            virt-xml --connect test:///default --edit --cpu host-passthrough < guest.xml
#                           (virt-xml has no in-place file mode: it reads stdin and prints the result)
#   startup: --version of virt-nest (AOT), virt-nest (.NET: dotnet virt-nest.dll), virt-nest (apphost), virsh.
set -euo pipefail
export LC_ALL=C   # $EPOCHREALTIME with a dot
cd "$(dirname "$0")/../.."
rounds=${1:-25}
[ "$rounds" -ge 20 ] || { echo "compare.sh: at least 20 rounds" >&2; exit 2; }
bash scripts/install-prerequisites.sh clang zlib1g-dev virtinst time

work=$(mktemp -d /tmp/virt-nest-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

echo "== builds"
# VIRT_NEST_AOT_DIR: a directory holding an already published NativeAOT virt-nest (scripts/publish-virt-nest.sh DIR),
# to measure without publishing again (a publish takes minutes on a loaded machine).
if [ -n "${VIRT_NEST_AOT_DIR:-}" ]; then
  mkdir -p "$work/aot" && cp "$VIRT_NEST_AOT_DIR/virt-nest" "$work/aot/"
else
  bash scripts/publish-virt-nest.sh "$work/aot"
fi
jit_start=$(date +%s%N)
dotnet build src/VirtNest/VirtNest.csproj -c Release -nologo -v quiet >/dev/null
echo "compare.sh: framework-dependent build (the .NET tool form) took $(( ($(date +%s%N) - jit_start) / 1000000 )) ms"
aot="$work/aot/virt-nest"
jit_dll=src/VirtNest/bin/Release/net10.0/virt-nest.dll
apphost=src/VirtNest/bin/Release/net10.0/virt-nest

# The L1 guest of the walkthrough, as the test driver runs it (type='test'); a fixed UUID so that virsh can redefine it.
domain="<domain type='test'>
  <name>nested-L1</name>
  <uuid>6f9b3d1e-2c4a-4b8e-9d7f-1a2b3c4d5e6f</uuid>
  <memory unit='MiB'>1024</memory>
  <vcpu>2</vcpu>
  <os><type arch='x86_64'>hvm</type></os>
  <devices>
    <disk type='file' device='disk'><source file='/var/lib/libvirt/images/l1.qcow2'/><target dev='vda' bus='virtio'/></disk>
    <interface type='network'><source network='default'/></interface>
  </devices>
</domain>"
printf '<node>\n%s\n</node>\n' "$domain" >"$work/node.xml"
printf '%s\n' "$domain" >"$work/original.xml"
node="test://$work/node.xml"
cp "$work/original.xml" "$work/edited.xml"
"$aot" -q edit "$work/edited.xml" --host-passthrough >/dev/null
grep -q "host-passthrough" "$work/edited.xml"

restore() { cp "$work/original.xml" "$work/guest.xml"; }

# Every command must succeed once before it is timed (a failing command would be fast, not good).
check_runs() {
  local label=$1; shift
  if ! "$@" >/dev/null 2>"$work/err"; then
    echo "compare.sh: '$label' failed: $(cat "$work/err")" >&2
    exit 1
  fi
}

declare -A samples
time_one() {   # label command...  -> appends microseconds to samples[label]
  local label=$1; shift
  local start=$EPOCHREALTIME
  "$@" >/dev/null 2>&1 || { echo "compare.sh: '$label' failed during the run" >&2; exit 1; }
  local end=$EPOCHREALTIME
  samples[$label]+="$(( (${end/./} - ${start/./}) )) "
}
time_stdin() {   # label file command...  (stdin from file)
  local label=$1 input=$2; shift 2
  local start=$EPOCHREALTIME
  "$@" <"$input" >/dev/null 2>&1 || { echo "compare.sh: '$label' failed during the run" >&2; exit 1; }
  local end=$EPOCHREALTIME
  samples[$label]+="$(( (${end/./} - ${start/./}) )) "
}

conn_aot=(edit-conn-aot "$aot" -q -c "$node" edit nested-L1 --host-passthrough)
conn_jit=(edit-conn-dotnet dotnet "$jit_dll" -q -c "$node" edit nested-L1 --host-passthrough)
conn_virtxml=(edit-conn-virt-xml virt-xml --connect "$node" nested-L1 --edit --cpu host-passthrough)
conn_virsh=(define-virsh virsh -c "$node" define "$work/edited.xml")
file_aot=(edit-file-aot "$aot" -q edit "$work/guest.xml" --host-passthrough)
file_jit=(edit-file-dotnet dotnet "$jit_dll" -q edit "$work/guest.xml" --host-passthrough)
version_aot=(version-aot "$aot" --version)
version_jit=(version-dotnet dotnet "$jit_dll" --version)
version_apphost=(version-apphost "$apphost" --version)
version_virsh=(version-virsh virsh --version)

for c in conn_aot conn_jit conn_virtxml conn_virsh version_aot version_jit version_apphost version_virsh; do
  declare -n cmd=$c
  check_runs "${cmd[@]}"
done
restore; check_runs "${file_aot[@]}"
restore; check_runs "${file_jit[@]}"
check_runs virt-xml-file bash -c "virt-xml --connect test:///default --edit --cpu host-passthrough < '$work/original.xml'"
grep -q "host-passthrough" "$work/guest.xml"

echo "== $rounds rounds, interleaved"
for ((i = 1; i <= rounds; i++)); do
  time_one "${conn_aot[@]}"
  time_one "${conn_virtxml[@]}"
  time_one "${conn_virsh[@]}"
  time_one "${conn_jit[@]}"
  restore; time_one "${file_aot[@]}"
  restore; time_one "${file_jit[@]}"
  time_stdin edit-file-virt-xml "$work/original.xml" virt-xml --connect test:///default --edit --cpu host-passthrough
  time_one "${version_aot[@]}"
  time_one "${version_jit[@]}"
  time_one "${version_apphost[@]}"
  time_one "${version_virsh[@]}"
done

declare -A median p90
for label in "${!samples[@]}"; do
  sorted=$(tr ' ' '\n' <<<"${samples[$label]}" | grep -v '^$' | sort -n)
  n=$(wc -l <<<"$sorted")
  median[$label]=$(awk -v n="$n" 'NR == int((n + 1) / 2) { m = $1 } NR == int((n + 2) / 2) { m2 = $1 } END { printf "%d", (m + m2) / 2 }' <<<"$sorted")
  p90[$label]=$(awk -v n="$n" 'BEGIN { k = int(n * 0.9 + 0.999999) } NR == k { print $1 }' <<<"$sorted")
done
ms() { awk -v us="$1" 'BEGIN { printf "%8.1f", us / 1000 }'; }
ratio() { awk -v a="${median[$1]}" -v b="${median[$2]}" 'BEGIN { printf "%.2f", a / b }'; }
row() { printf '  %-52s %s ms  %s ms\n' "$2" "$(ms "${median[$1]}")" "$(ms "${p90[$1]}")"; }

echo
echo "== wall time per command ($rounds runs each)            median       p90"
echo "edit on a connection (test:/// node file):"
row edit-conn-aot      "virt-nest edit --host-passthrough (AOT)"
row edit-conn-dotnet   "virt-nest edit --host-passthrough (.NET tool form)"
row edit-conn-virt-xml "virt-xml --edit --cpu host-passthrough"
row define-virsh       "virsh define (the same XML, edited)"
echo "edit of a file:"
row edit-file-aot      "virt-nest edit FILE --host-passthrough (AOT)"
row edit-file-dotnet   "virt-nest edit FILE --host-passthrough (.NET tool form)"
row edit-file-virt-xml "virt-xml --edit --cpu host-passthrough < FILE"
echo "startup (--version):"
row version-aot        "virt-nest --version (AOT)"
row version-dotnet     "dotnet virt-nest.dll --version (.NET tool form)"
row version-apphost    "virt-nest --version (apphost of the .NET build)"
row version-virsh      "virsh --version"
echo
echo "== ratios of medians"
echo "  edit on a connection: AOT / virt-xml      $(ratio edit-conn-aot edit-conn-virt-xml)   (target <= 0.5)"
echo "  edit on a connection: AOT / virsh define  $(ratio edit-conn-aot define-virsh)   (target <= 2)"
echo "  edit of a file:       AOT / virt-xml      $(ratio edit-file-aot edit-file-virt-xml)   (target <= 0.5)"
echo "  edit of a file:       AOT / virsh define  $(ratio edit-file-aot define-virsh)   (target <= 2)"
echo "  edit on a connection: .NET tool / AOT     $(ratio edit-conn-dotnet edit-conn-aot)"
echo "  startup: .NET tool form / AOT             $(ratio version-dotnet version-aot)"
echo "  startup: AOT / virsh --version            $(ratio version-aot version-virsh)"

echo
echo "== the AOT binary"
echo "  size: $(stat -c %s "$aot") bytes ($(awk -v b="$(stat -c %s "$aot")" 'BEGIN { printf "%.1f", b / 1048576 }') MiB)"
rss() {   # peak RSS in KiB of one run, by /usr/bin/time -v (exit codes other than 0 are fine: check says 3 when not ready)
  /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F: '/Maximum resident set size/ { gsub(/ /, "", $2); print $2 }'
}
restore
echo "  peak RSS, edit of a file:        $(rss "$aot" -q edit "$work/guest.xml" --host-passthrough) KiB"
echo "  peak RSS, edit on a connection:  $(rss "$aot" -q -c "$node" edit nested-L1 --host-passthrough) KiB"
echo "  peak RSS, check:                 $(rss "$aot" check) KiB"
echo "  peak RSS, --version:             $(rss "$aot" --version) KiB"
echo "  for comparison: dotnet virt-nest.dll edit $(rss dotnet "$jit_dll" -q -c "$node" edit nested-L1 --host-passthrough) KiB," \
  "virt-xml --edit $(rss virt-xml --connect "$node" nested-L1 --edit --cpu host-passthrough) KiB," \
  "virsh define $(rss virsh -c "$node" define "$work/edited.xml") KiB"
echo "  load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
