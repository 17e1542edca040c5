#!/usr/bin/env bash
# libvirtd-sandbox.sh - install and run a REAL libvirtd (qemu + network drivers) for
# integration tests on Debian 12 (bookworm) as root, without systemd, with the
# daemon and everything it starts (bridges, dnsmasq, iptables rules, qemu
# guests, tap devices) confined to a private network namespace.
#
# Usage:
#   source libvirtd-sandbox.sh
#   lv_install          # apt packages + the bits libvirt-daemon-system would add
#   lv_start            # netns + libvirtd; returns when qemu:///system answers
#   trap lv_stop EXIT   # always clean up (domains, networks, daemon, netns)
#   ... run tests against qemu:///system ...
#
# Tunables (environment):
#   LV_NETNS        network namespace name            (default lvnested)
#   LV_STATE        dir for pid file                  (default /tmp/lvnested)
#   LV_TEST_PREFIX  lv_start/lv_stop undefine domains, networks and storage
#                   pools whose name starts with this prefix (default lvn-it-;
#                   set but empty = undefine nothing)
#
# "restart" (lv_restart) starts the daemon again after a test killed it, keeping
# guests and definitions: the crash/reconnect tests need their guest to survive.

LV_NETNS=${LV_NETNS:-lvnested}
LV_STATE=${LV_STATE:-/tmp/lvnested}
LV_TEST_PREFIX=${LV_TEST_PREFIX-lvn-it-}   # "-", not ":-": an empty prefix must stay empty
LV_URI=qemu:///system

# Minimal set. --no-install-recommends keeps it at ~22 MB download / ~96 MB on
# disk (with recommends: 173 MB / 502 MB, incl. GTK, gstreamer, ovmf, swtpm...).
# Do NOT install libvirt-daemon-system: it depends on
# libvirt-daemon-config-network, whose autostarted 'default' NAT network
# (virbr0, 192.168.122.0/24) would come up in the ROOT namespace.
# qemu-utils brings qemu-img, without which libvirt cannot create qcow2 volumes.
LV_PKGS=(libvirt-daemon libvirt-daemon-driver-qemu libvirt-clients
         qemu-system-x86 qemu-utils dnsmasq-base iptables libxml2-utils)

lv_install() {
  local missing=0 p
  for p in "${LV_PKGS[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing=1
  done
  if [ "$missing" = 1 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
      -o DPkg::Lock::Timeout=900 --no-install-recommends "${LV_PKGS[@]}"
  fi
  # Debian's qemu driver resolves user AND group 'libvirt-qemu' before it even
  # reads qemu.conf; without them: "Failed to parse user 'libvirt-qemu'" and the
  # daemon exits. (libvirt-daemon-system's postinst normally creates them.)
  getent group libvirt-qemu >/dev/null || groupadd -r libvirt-qemu
  getent passwd libvirt-qemu >/dev/null ||
    useradd -r -g libvirt-qemu -d /var/lib/libvirt -M -s /usr/sbin/nologin libvirt-qemu
  # libvirtd -d logs to this dir and exits if it is missing.
  mkdir -p /var/log/libvirt/qemu /etc/libvirt
  # Run qemu as root (it must open /dev/kvm crw------- and the loop devices),
  # and let qemu write its own log (no virtlogd; without this, starting a
  # guest fails: "Failed to connect socket to '/run/libvirt/virtlogd-sock'").
  cat > /etc/libvirt/qemu.conf <<'EOF'
user = "root"
group = "root"
stdio_handler = "file"
EOF
}

lv_pid() { cat "$LV_STATE/libvirtd.pid" 2>/dev/null || true; }

# Persistent definitions live in /etc/libvirt/{qemu,qemu/networks,storage}/*.xml and
# survive daemon restarts; drop the ones the tests own (by name prefix).
lv_undefine_prefixed() {
  [ -n "$LV_TEST_PREFIX" ] || return 0
  local d n
  for d in $(virsh -q -c "$LV_URI" list --all --name); do
    case $d in "$LV_TEST_PREFIX"*)
      virsh -q -c "$LV_URI" destroy "$d" >/dev/null 2>&1 || true
      virsh -q -c "$LV_URI" undefine "$d" >/dev/null || true;; esac; done
  for n in $(virsh -q -c "$LV_URI" net-list --all --name); do
    case $n in "$LV_TEST_PREFIX"*)
      virsh -q -c "$LV_URI" net-destroy "$n" >/dev/null 2>&1 || true
      virsh -q -c "$LV_URI" net-undefine "$n" >/dev/null || true;; esac; done
  for n in $(virsh -q -c "$LV_URI" pool-list --all --name); do
    case $n in "$LV_TEST_PREFIX"*)
      virsh -q -c "$LV_URI" pool-destroy "$n" >/dev/null 2>&1 || true
      virsh -q -c "$LV_URI" pool-undefine "$n" >/dev/null || true;; esac; done
}

lv_start() {
  mkdir -p "$LV_STATE"
  if virsh -q -c "$LV_URI" version >/dev/null 2>&1; then
    echo "lv_start: a libvirtd already answers on $LV_URI; refusing to start a second one" >&2
    return 1
  fi
  ip netns add "$LV_NETNS" 2>/dev/null || true     # tolerate a leftover one
  ip netns exec "$LV_NETNS" ip link set lo up
  # 'ip netns exec' also gives the daemon a sysfs of that netns (so /sys/class/net
  # shows virbr*/vnet* correctly) and, as a side effect, hides the cgroup mounts,
  # so libvirt runs guests without cgroups (nothing left under /sys/fs/cgroup).
  # The UNIX sockets in /run/libvirt are shared, so clients in the root netns
  # (virsh, the C# library via libvirt.so.0) connect normally.
  ip netns exec "$LV_NETNS" libvirtd -d -p "$LV_STATE/libvirtd.pid" || {
    cat /var/log/libvirt/libvirtd.log >&2; return 1; }
  local i
  # The socket answers within ~0.1 s, but the first call that needs the qemu
  # driver (version/define/start) waits for the one-time QEMU capabilities
  # probe: ~8 s on a fresh machine, then cached in /var/cache/libvirt/qemu.
  for i in $(seq 1 600); do            # up to 60 s
    if virsh -q -c "$LV_URI" version >/dev/null 2>&1; then
      # Safety check: the daemon that answers must live in our namespace.
      local want have
      want=$(stat -L -c %i "/run/netns/$LV_NETNS")
      have=$(stat -L -c %i "/proc/$(lv_pid)/ns/net")
      if [ "$want" != "$have" ]; then
        echo "lv_start: libvirtd is not in netns $LV_NETNS - stopping it" >&2
        lv_stop; return 1
      fi
      lv_undefine_prefixed      # leftovers of an earlier run that crashed
      return 0
    fi
    sleep 0.1
  done
  echo "lv_start: libvirtd did not become ready" >&2
  cat /var/log/libvirt/libvirtd.log >&2
  return 1
}

lv_stop() {
  local d n pid
  if virsh -q -c "$LV_URI" version >/dev/null 2>&1; then
    # Running guests (qemu) and active networks (dnsmasq, virbr*) OUTLIVE
    # libvirtd, so tear them down through the daemon first.
    for d in $(virsh -q -c "$LV_URI" list --name); do virsh -q -c "$LV_URI" destroy "$d" >/dev/null || true; done
    for n in $(virsh -q -c "$LV_URI" net-list --name); do virsh -q -c "$LV_URI" net-destroy "$n" >/dev/null || true; done
    lv_undefine_prefixed
  fi
  pid=$(lv_pid)
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done   # up to 10 s (usually ~1.5 s)
    if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid"; fi
  fi
  # Fallback: anything still running inside OUR namespace (qemu, dnsmasq) was
  # started by this daemon; end it by pid. (Don't trust /run/libvirt/network/
  # *.pid: dnsmasq's pid file stays behind after net-destroy.)
  if [ -e "/run/netns/$LV_NETNS" ]; then
    for pid in $(ip netns pids "$LV_NETNS"); do kill -TERM "$pid" 2>/dev/null || true; done
    for _ in $(seq 1 50); do [ -z "$(ip netns pids "$LV_NETNS")" ] && break; sleep 0.1; done
    for pid in $(ip netns pids "$LV_NETNS"); do kill -KILL "$pid" 2>/dev/null || true; done
  fi
  ip netns del "$LV_NETNS" 2>/dev/null || true       # drops virbr*, vnet*, iptables rules
  rm -f "$LV_STATE/libvirtd.pid"
  lv_detach_prefixed_loops
}

# A daemon that a test killed (SIGKILL: a crash) leaves its netns, guests (qemu
# outlives libvirtd) and definitions; start it again without sweeping them.
lv_restart() { LV_TEST_PREFIX='' lv_start; }

# Tests pass loop devices to guests as LUNs and detach them themselves; a test
# process that was killed leaves them attached. Only loops over files in a
# folder named with the test prefix are touched.
lv_detach_prefixed_loops() {
  [ -n "$LV_TEST_PREFIX" ] || return 0
  local dev file
  losetup -n -l -O NAME,BACK-FILE 2>/dev/null | while read -r dev file; do
    case $file in */"$LV_TEST_PREFIX"*) losetup -d "$dev" 2>/dev/null || true;; esac
  done
}

# Allow "bash libvirtd-sandbox.sh install|start|stop" as well as sourcing.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  case ${1:-} in
    install) lv_install ;;
    start)   lv_start ;;
    restart) lv_restart ;;
    stop)    lv_stop ;;
    *) echo "usage: $0 install|start|restart|stop" >&2; exit 2 ;;
  esac
fi
