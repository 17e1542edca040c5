#!/bin/sh
# /init of L2's initramfs (busybox): load the NIC and SCSI drivers, report the SCSI disks it sees and reads, take a
# DHCP lease, and report the address. Every line for the test starts with "L2-" on the serial console.
/bin/busybox --install -s /bin
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev
echo "L2-BOOTED kernel=$(uname -r)"
while read -r ko; do insmod "/lib/modules/$ko" 2>/dev/null; done < /modules.list
for i in 1 2 3 4 5 6 7 8 9 10; do ls /sys/block | grep -q '^sd' && break; sleep 1; done
for d in /sys/block/sd*; do
  [ -e "$d" ] || continue
  name=${d##*/}
  echo "L2-SCSI name=$name vendor=$(cat "$d/device/vendor" | tr -d ' ') model=$(cat "$d/device/model" | tr -d ' ') sectors=$(cat "$d/size")"
  if dd if="/dev/$name" of=/dev/null bs=4096 count=64 2>/dev/null; then echo "L2-SCSI-READ name=$name ok"; fi
done
ip link set lo up
ip link set eth0 up
cat > /udhcpc.sh <<'S'
#!/bin/sh
[ "$1" = bound ] || [ "$1" = renew ] || exit 0
ip addr add "$ip/${mask:-24}" dev "$interface"
[ -n "$router" ] && ip route add default via "${router%% *}"
echo "L2-LEASE ip=$ip interface=$interface"
S
chmod +x /udhcpc.sh
udhcpc -i eth0 -s /udhcpc.sh -q -t 30 -T 2 -n || echo "L2-LEASE none"
echo "L2-READY"
while true; do sleep 3600; done
