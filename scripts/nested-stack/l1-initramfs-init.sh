#!/bin/sh
# /init of L1's initramfs (busybox): load virtio/9p/overlay, mount L0's root read-only over virtio-9p with a tmpfs
# overlay on top, mount the writable share, and switch into the overlay to run L1's init (lv.init= on the cmdline).
/bin/busybox --install -s /bin
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev
echo "L1-INITRAMFS"
while read -r ko; do insmod "/lib/modules/$ko" || echo "L1-INITRAMFS insmod $ko failed"; done < /modules.list
mkdir -p /lower /rw /newroot
# cache=loose: L0's root does not change under L1 (new files are written as new files, see NESTED-STACK.md).
mount -t 9p -o trans=virtio,version=9p2000.L,ro,msize=512000,cache=loose root /lower || { echo "L1-INITRAMFS no root share"; poweroff -f; }
mount -t tmpfs -o size=1024m,mode=0755 tmpfs /rw
mkdir -p /rw/upper /rw/work
mount -t overlay overlay -o lowerdir=/lower,upperdir=/rw/upper,workdir=/rw/work /newroot
mkdir -p /newroot/lvshare
# No cache on the share: L0 drops command files into it while L1 runs.
mount -t 9p -o trans=virtio,version=9p2000.L,msize=512000 lvshare /newroot/lvshare || { echo "L1-INITRAMFS no writable share"; poweroff -f; }
init=$(sed -n 's/.*lv\.init=\([^ ]*\).*/\1/p' /proc/cmdline)
umount /proc /sys
mount --move /dev /newroot/dev
exec switch_root /newroot /bin/bash "$init"
