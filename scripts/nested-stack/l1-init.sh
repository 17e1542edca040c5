#!/bin/bash
# L1's init (PID 1), run after the initramfs switched into the overlay over L0's read-only root. L1 has no systemd
# and no udev: mount what libvirtd needs, load the drivers, give libvirt state of its own (tmpfs over L0's), start
# virtlogd and libvirtd listening on TCP for L0, write the readiness report of the probe, then run the command files
# L0 drops into the share. Settings come from /lvshare/l1.env, written by L0 for this run.
set -u
share=/lvshare
exec >"$share/l1-init.log" 2>&1
. "$share/l1.env"      # LV_KVER LV_MODULES LV_DRIVER LV_TCP_PORT LV_SCSI_MB LV_DOTNET_ROOT
echo "L1-INIT $(date -u +%T)"
mount -t proc proc /proc
mount -t sysfs sys /sys
mkdir -p /dev/pts /dev/shm
mount -t devpts devpts /dev/pts
mount -t tmpfs tmpfs /dev/shm
mount -t cgroup2 cgroup2 /sys/fs/cgroup
mount -t tmpfs -o mode=0755 tmpfs /run
mount -t tmpfs tmpfs /tmp
mount -t tracefs tracefs /sys/kernel/tracing 2>/dev/null
mount -t debugfs debugfs /sys/kernel/debug 2>/dev/null
# L0's libvirt state and definitions (among them L1's own) must not be L1's.
for d in /var/lib/libvirt /var/cache/libvirt /var/log /etc/libvirt/qemu /root; do mkdir -p "$d"; mount -t tmpfs tmpfs "$d"; done
mkdir -p /var/log/libvirt/qemu /var/lib/libvirt/qemu /var/lib/libvirt/dnsmasq
# L1 runs another kernel than L0: its modules come from the unpacked Debian package.
mkdir -p "/lib/modules/$LV_KVER"
mount --bind "$LV_MODULES" "/lib/modules/$LV_KVER"
for m in virtio_net tun bridge br_netfilter kvm_amd kvm_intel sd_mod sg; do modprobe "$m" 2>/dev/null && echo "L1-MODULE $m"; done
modprobe scsi_debug "dev_size_mb=$LV_SCSI_MB" && echo "L1-MODULE scsi_debug"
hostname l1
ip link set lo up
# QEMU user-mode networking: the guest is 10.0.2.15, L0's forward to libvirtd arrives here.
nic=$(ls /sys/class/net | grep -v -e '^lo$' | head -n 1)
ip link set "$nic" up
ip addr add 10.0.2.15/24 dev "$nic"
ip route add default via 10.0.2.2
getent group libvirt-dnsmasq >/dev/null || echo 'libvirt-dnsmasq:x:990:' >>/etc/group
getent passwd libvirt-dnsmasq >/dev/null || echo 'libvirt-dnsmasq:x:990:990::/var/lib/libvirt/dnsmasq:/usr/sbin/nologin' >>/etc/passwd
getent group libvirt-qemu >/dev/null || echo 'libvirt-qemu:x:991:' >>/etc/group
getent passwd libvirt-qemu >/dev/null || echo 'libvirt-qemu:x:991:991::/var/lib/libvirt:/usr/sbin/nologin' >>/etc/passwd
cat >/run/libvirtd.conf <<CONF
listen_tls = 0
listen_tcp = 1
tcp_port = "$LV_TCP_PORT"
listen_addr = "0.0.0.0"
auth_tcp = "none"
CONF
# A new file, not a rewrite of the one L1 read from L0's root (9p cache=loose).
rm -f /etc/libvirt/qemu.conf
cat >/etc/libvirt/qemu.conf <<CONF
user = "root"
group = "root"
stdio_handler = "file"
security_driver = "none"
namespaces = [ ]
CONF
virtlogd -d
libvirtd -d --listen -f /run/libvirtd.conf -p /run/libvirtd.pid && echo "L1-LIBVIRTD started $(date -u +%T)"
# libvirtd probes QEMU's capabilities on first use (slow under TCG): start that now, beside the probe below,
# instead of when L0 defines L2.
virsh -q -c qemu:///system domcapabilities --virttype kvm >/dev/null 2>&1 &
# The readiness report of L1, by the probe of the shared build (the walkthrough's "L1 guest check").
export DOTNET_ROOT=$LV_DOTNET_ROOT HOME=/root DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_TieredPGO=0
"$LV_DOTNET_ROOT/dotnet" "$LV_DRIVER" l1-report --out "$share/l1-report.json.tmp" && mv "$share/l1-report.json.tmp" "$share/l1-report.json"
echo "L1-REPORT $(date -u +%T) exit $?"
# Commands from L0: each NAME.sh runs once; NAME.out holds its output, NAME.done its exit code (written last).
mkdir -p "$share/cmd"
while true; do
  for f in "$share"/cmd/*.sh; do
    [ -e "$f" ] || continue
    base=${f%.sh}
    [ -e "$base.started" ] && continue
    : >"$base.started"
    ( bash "$f" >"$base.out" 2>&1; echo $? >"$base.done.tmp"; mv "$base.done.tmp" "$base.done" ) &
  done
  sleep 0.5
done
