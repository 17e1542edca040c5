#!/usr/bin/env bash
# nested-stack.sh - the whole walkthrough on a real nested stack, L0 -> L1 -> L2, driven by LibvirtNested.
#
#   L0  this machine: the readiness probe, and the project's sandboxed libvirtd (scripts/libvirtd-sandbox.sh,
#       network namespace lvnested) that runs L1.
#   L1  a libvirt guest of L0 made by the library (DomainBuilder, direct kernel boot of Debian's 6.1 kernel, L0's
#       root shared read-only over virtio-9p with a tmpfs overlay, the library's nested CPU edit, virtio-scsi). It
#       runs under hardware KVM when L0 has usable KVM with nesting, else under TCG with an emulated svm CPU.
#       Inside: kvm_amd/kvm_intel, scsi_debug, libvirtd listening on TCP (reached from L0 only through QEMU's
#       user-mode network, restrict=on, forwarded to 127.0.0.1 inside the namespace).
#   L2  a KVM guest of L1 made by the library over qemu+tcp://: the walkthrough's NAT network, a SCSI LUN, its
#       DHCP address waited for by the library, perf kvm stat in L1 while it runs.
#
# Usage: bash scripts/nested-stack.sh [--keep] [--l1 auto|kvm|tcg] [--no-install] [--work DIR]
#   --keep        leave the stack up at the end and print how to reach L1 and L2 (stop it with --teardown)
#   --teardown    tear down a stack an earlier --keep left up
#   --l1 MODE     auto (default): KVM for L1 when L0 can nest, else TCG
#   --no-install  install nothing; refuse when something is missing
#   --work DIR    where everything is written (default artifacts/nested-stack); nothing is left elsewhere
# Tunables: NESTED_STACK_TOTAL_LIMIT (s, default 900), NESTED_STACK_ASSETS_LIMIT (s, 300), NESTED_STACK_MIN_MEM_MB
# (3072), NESTED_STACK_MIN_DISK_MB (1536).
# Results: DIR/results.json (read by tests/LibvirtNested.NestedStack.Tests), progress on stdout.
# Exit codes: 0 done, 2 refused (cannot run here), 3 a stage failed or went over its time limit, 130 interrupted.
set -uo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
work=$repo/artifacts/nested-stack
keep=no; teardown_only=no; l1_mode=auto; install=yes
while [ $# -gt 0 ]; do
  case $1 in
    --keep) keep=yes ;;
    --teardown) teardown_only=yes ;;
    --l1) l1_mode=${2:?--l1 needs auto, kvm or tcg}; shift ;;
    --no-install) install=no ;;
    --work) work=${2:?--work needs a directory}; shift ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "nested-stack: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
  shift
done
case $l1_mode in auto|kvm|tcg) ;; *) echo "nested-stack: --l1 must be auto, kvm or tcg" >&2; exit 2 ;; esac

KVER_GLOB='linux-image-6.1.0-*-amd64'
# Minimums for L1 (2 GiB guest RAM, ~1.6 GB used) plus L0's own work, and the unpacked kernel and images.
MIN_MEM_MB=${NESTED_STACK_MIN_MEM_MB:-3072}
MIN_DISK_MB=${NESTED_STACK_MIN_DISK_MB:-1536}
ASSETS_LIMIT=${NESTED_STACK_ASSETS_LIMIT:-300}
TOTAL_LIMIT=${NESTED_STACK_TOTAL_LIMIT:-900}
L1_NAME=lvn-it-nested-l1

refuse() {   # one paragraph, non-zero exit
  echo "nested-stack: cannot run here. $*" | fold -s -w 110 >&2
  exit 2
}

stage_start() { stage_name=$1; stage_t0=$(date +%s.%N); echo "== [$(date -u +%T)] $1"; }
stage_end() { printf '   %s: %.1f s\n' "$stage_name" "$(echo "$(date +%s.%N) - $stage_t0" | bc)"; }

# ---- preflight ---------------------------------------------------------------------------------------------------
[ "$(id -u)" = 0 ] || refuse "It must run as root: it starts libvirtd in a network namespace of its own (ip netns), \
runs QEMU with L0's root shared read-only, and installs Debian packages. Run it again with sudo."

# shellcheck source=libvirtd-sandbox.sh
source scripts/libvirtd-sandbox.sh
NST_PKGS=(kmod cpio bc linux-perf)
if [ "$install" = yes ]; then
  bash scripts/install-prerequisites.sh "${NST_PKGS[@]}" || refuse "Installing the packages it needs (${NST_PKGS[*]} and \
libvirt's) failed; see the apt output above."
  lv_install >/dev/null || refuse "Installing libvirtd and QEMU (${LV_PKGS[*]}) failed; see the apt output above."
fi
command -v qemu-system-x86_64 >/dev/null || refuse "QEMU (qemu-system-x86_64) is not installed, and L1 is a QEMU guest. \
Install qemu-system-x86 (apt-get install --no-install-recommends qemu-system-x86), or run without --no-install."
for tool in libvirtd virsh modprobe depmod cpio bc dotnet; do
  command -v "$tool" >/dev/null || refuse "'$tool' is missing. Install ${NST_PKGS[*]} and ${LV_PKGS[*]} with apt \
(or run without --no-install) and the .NET 10 SDK."
done
mem_mb=$(awk '/^MemAvailable:/ {print int($2/1024)}' /proc/meminfo)
[ "$mem_mb" -ge "$MIN_MEM_MB" ] || refuse "Only $mem_mb MB of memory are available; L1 alone takes 2048 MB and the \
stack needs at least $MIN_MEM_MB MB free. Stop other guests or jobs, or use a bigger machine."
mkdir -p "$work"
disk_mb=$(df -Pm "$work" | awk 'NR==2 {print $4}')
[ "$disk_mb" -ge "$MIN_DISK_MB" ] || refuse "Only $disk_mb MB are free under $work; the Debian kernel, its modules \
and the initramfs images need at least $MIN_DISK_MB MB. Free some space or pass --work on a bigger disk."

# ---- teardown on every exit path -----------------------------------------------------------------------------------
started_sandbox=no; driver_pid=
teardown() {
  local rc=$?
  trap - EXIT INT TERM
  if [ -n "$driver_pid" ] && kill -0 "$driver_pid" 2>/dev/null; then
    # SIGTERM, not SIGINT: a background job of a script ignores SIGINT. The driver tears down L2, the network and L1.
    kill -TERM "$driver_pid" 2>/dev/null
    for _ in $(seq 1 300); do kill -0 "$driver_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$driver_pid" 2>/dev/null
  fi
  if [ "$keep" = yes ] && [ "$rc" = 0 ]; then exit 0; fi
  # Whatever the driver could not remove: L1 (and with it L2, which runs inside it).
  if virsh -q -c "$LV_URI" domstate "$L1_NAME" >/dev/null 2>&1; then
    virsh -q -c "$LV_URI" destroy "$L1_NAME" >/dev/null 2>&1
    virsh -q -c "$LV_URI" undefine "$L1_NAME" >/dev/null 2>&1
  fi
  rm -f "/var/log/libvirt/qemu/$L1_NAME.log"
  if [ "$started_sandbox" = yes ]; then lv_stop; fi
  exit "$rc"
}
trap teardown EXIT
trap 'echo "nested-stack: interrupted; tearing down" >&2; exit 130' INT TERM

if [ "$teardown_only" = yes ]; then
  keep=no
  if ! virsh -q -c "$LV_URI" version >/dev/null 2>&1; then echo "nested-stack: no sandbox daemon runs; nothing to tear down"; exit 0; fi
  started_sandbox=yes     # a --keep run left it up for us
  exit 0
fi

t_begin=$(date +%s)
echo "nested-stack: load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores, $mem_mb MB available"

# ---- assets: Debian kernel, busybox, module closures, initramfs images -------------------------------------------------
stage_start assets
assets() {
  local cache=$work/cache kdir=$work/kernel bdir=$work/busybox pkg kver
  mkdir -p "$cache"
  if ! ls "$cache"/linux-image-6.1.0-*-amd64_*.deb >/dev/null 2>&1; then
    pkg=$(apt-cache search --names-only "^${KVER_GLOB//\*/[0-9]+}\$" | awk '{print $1}' | sort -V | tail -n 1)
    [ -n "$pkg" ] || { apt-get update -qq; pkg=$(apt-cache search --names-only "^${KVER_GLOB//\*/[0-9]+}\$" | awk '{print $1}' | sort -V | tail -n 1); }
    [ -n "$pkg" ] || { echo "no $KVER_GLOB package in apt's lists" >&2; return 1; }
    # apt-get download writes into the current directory as the _apt user when it can: a private cache dir is fine.
    (cd "$cache" && apt-get download -q "$pkg" busybox-static 2>&1 | grep -v '^W: Download is performed unsandboxed') || return 1
  fi
  ls "$cache"/busybox-static_*.deb >/dev/null 2>&1 || (cd "$cache" && apt-get download -q busybox-static) || return 1
  if [ ! -d "$kdir/lib/modules" ]; then
    rm -rf "$kdir.tmp" && dpkg-deb -x "$(ls "$cache"/linux-image-6.1.0-*-amd64_*.deb | sort -V | tail -n 1)" "$kdir.tmp" && mv "$kdir.tmp" "$kdir" || return 1
  fi
  [ -x "$bdir/bin/busybox" ] || dpkg-deb -x "$(ls "$cache"/busybox-static_*.deb | tail -n 1)" "$bdir" || return 1
  kver=$(ls "$kdir/lib/modules" | head -n 1)
  [ -e "$kdir/lib/modules/$kver/modules.dep" ] || depmod -b "$kdir" "$kver" || return 1
  echo "$kver" >"$work/kver"
  make_initramfs "$kver" "$work/l1-initrd.img" scripts/nested-stack/l1-initramfs-init.sh \
    virtio virtio_ring virtio_pci_modern_dev virtio_pci_legacy_dev virtio_pci 9pnet fscache netfs 9p 9pnet_virtio overlay || return 1
  make_initramfs "$kver" "$work/l2-initrd.img" scripts/nested-stack/l2-init.sh \
    virtio virtio_ring virtio_pci_modern_dev virtio_pci_legacy_dev virtio_pci failover net_failover virtio_net \
    scsi_common scsi_mod virtio_scsi t10-pi crc-t10dif crct10dif_common crct10dif_generic crc64_rocksoft_generic sd_mod sg || return 1
  cp "$kdir/boot/vmlinuz-$kver" "$work/vmlinuz"
}
# An initramfs of busybox-static, the modules' full dependency closure in load order, and INIT as /init.
make_initramfs() {
  local kver=$1 out=$2 init=$3 root m line ko
  shift 3
  root=$(mktemp -d "$work/initramfs.XXXXXX")
  mkdir -p "$root"/{bin,dev,proc,sys,lib/modules,mnt,tmp}
  cp "$work/busybox/bin/busybox" "$root/bin/busybox"
  ln -s busybox "$root/bin/sh"
  cp "$init" "$root/init" && chmod +x "$root/init"
  : >"$root/modules.list"
  for m in "$@"; do
    modprobe -d "$work/kernel" -S "$kver" --show-depends "$m" | while read -r line; do
      case $line in insmod\ *) ko=${line#insmod }; ko=${ko%% *}
        grep -qxF "$(basename "$ko")" "$root/modules.list" && continue
        cp "$ko" "$root/lib/modules/" && basename "$ko" >>"$root/modules.list";; esac
    done
  done
  (cd "$root" && find . -print0 | cpio --null -o -H newc --quiet | gzip -1 >"$out.tmp") && mv "$out.tmp" "$out"
  rm -rf "$root"
}
export -f make_initramfs
export work
timeout "$ASSETS_LIMIT" bash -c "$(declare -f assets make_initramfs); KVER_GLOB='$KVER_GLOB'; assets"
rc=$?
[ $rc = 124 ] && { echo "nested-stack: the assets stage went over its limit of $ASSETS_LIMIT s (apt mirror slow or unreachable?)." >&2; exit 3; }
[ $rc = 0 ] || { echo "nested-stack: building the kernel and initramfs images failed (exit $rc)." >&2; exit 3; }
stage_end

# ---- the sandboxed libvirtd on L0 ---------------------------------------------------------------------------------------
stage_start "L0 libvirtd sandbox"
if virsh -q -c "$LV_URI" version >/dev/null 2>&1; then
  # scripts/test.sh started it for every integration test: the same daemon, used while no other test runs.
  echo "   reusing the running sandbox daemon (pid $(lv_pid), netns $LV_NETNS)"
else
  lv_start || { echo "nested-stack: the sandboxed libvirtd did not start." >&2; exit 3; }
  started_sandbox=yes
  echo "   libvirtd $(lv_pid) in network namespace $LV_NETNS"
fi
[ -e "/run/netns/$LV_NETNS" ] || { echo "nested-stack: the sandbox's namespace $LV_NETNS is missing." >&2; exit 3; }
stage_end

# ---- the stack, driven by the library ----------------------------------------------------------------------------------
driver=$repo/samples/NestedStack/bin/Release/net10.0/NestedStack.dll
if [ ! -e "$driver" ] || [ -n "$(find samples/NestedStack src -name '*.cs' -newer "$driver" -print -quit)" ]; then
  stage_start "build the driver"
  dotnet build samples/NestedStack/NestedStack.csproj -c Release -nologo -v quiet >"$work/build.log" 2>&1 ||
    { cat "$work/build.log" >&2; echo "nested-stack: building samples/NestedStack failed." >&2; exit 3; }
  stage_end
fi
rm -rf "$work/share" "$work/results.json"
mkdir -p "$work/share/cmd"
cp scripts/nested-stack/l1-init.sh "$work/share/l1-init.sh"    # L1 runs it as its init, from the share
remaining=$((TOTAL_LIMIT - ($(date +%s) - t_begin)))
# The driver runs inside the sandbox's network namespace: L1's libvirtd is forwarded to 127.0.0.1 there, and
# nothing the stack does is reachable from (or reaches) the machine's own network.
ip netns exec "$LV_NETNS" dotnet "$driver" stack --work "$work" --l1 "$l1_mode" --l1-name "$L1_NAME" \
  --uri "$LV_URI" --budget "$remaining" $( [ "$keep" = yes ] && echo --keep ) &
driver_pid=$!
wait "$driver_pid"
rc=$?
driver_pid=
total=$(( $(date +%s) - t_begin ))
echo "nested-stack: total ${total} s, load average now $(cut -d' ' -f1-3 /proc/loadavg); results in $work/results.json"
if [ $rc = 0 ] && [ "$keep" = yes ]; then
  port=$(cat "$work/share/l1.port" 2>/dev/null)
  cat <<MSG
The stack stays up (--keep):
  L1: virsh -c $LV_URI console $L1_NAME        (L1's own libvirtd: ip netns exec $LV_NETNS virsh -c qemu+tcp://127.0.0.1:$port/system list)
  L2: ip netns exec $LV_NETNS virsh -c qemu+tcp://127.0.0.1:$port/system console lvn-nested-l2
  L1's commands: drop NAME.sh into $work/share/cmd/ (output in NAME.out, exit code in NAME.done)
  Tear it down: bash scripts/nested-stack.sh --teardown
MSG
fi
exit $rc
