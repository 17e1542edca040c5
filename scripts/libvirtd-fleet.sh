#!/usr/bin/env bash
# libvirtd-fleet.sh - run N REAL libvirtd daemons side by side for integration tests and benchmarks on Debian 12
# as root, each one confined twice:
#   * network namespace ${LV_FLEET_PREFIX}-N: its bridges, dnsmasq, iptables rules, guests and listening sockets
#     (TCP 16509 with SASL, TLS 16514, sshd on 2222) live there;
#   * a private mount namespace (unshare -m): /run/libvirt, /var/lib/libvirt, /var/cache/libvirt, /etc/libvirt,
#     /var/log/libvirt and /etc/sasl2 are bind mounts of the daemon's own folder under $LV_FLEET_STATE/N, so it
#     never sees or touches the default daemon's socket (/run/libvirt/libvirt-sock) or its definitions.
# Clients in the root namespace reach daemon N by
#   qemu+unix:///system?socket=$LV_FLEET_STATE/N/run/libvirt-sock      (the daemon's /run/libvirt, seen from outside)
#   10.213.S.(N+1) over a veth whose other end sits on the bridge ${LV_FLEET_PREFIX}-br (10.213.S.1) in the root
#   namespace: qemu+tcp:// (SASL DIGEST-MD5), qemu+tls:// (throw-away CA), qemu+ssh:// and qemu+libssh:// (port 2222).
#   S is derived from the prefix (LV_FLEET_SUBNET overrides it), so two fleets (lvfleet, lvpool) can run at once.
#   Each namespace also holds 10.213.S.(N+101), an address its TLS certificate does NOT name (wrong-host tests).
#
# Usage (as a program, or source it and call the fleet_* functions):
#   libvirtd-fleet.sh install          apt packages (the sandbox's, plus gnutls-bin sasl2-bin libsasl2-modules
#                                      openssh-server) without letting any service start in the root namespace
#   libvirtd-fleet.sh start [N]        start daemons 1..N (default LV_FLEET_COUNT or 1); prints one line per daemon
#   libvirtd-fleet.sh stop             destroy guests and networks, stop every daemon and sshd by pid, delete the
#                                      namespaces, veths, bridge and state (keeps the shared QEMU capability cache)
#   libvirtd-fleet.sh kill N           SIGKILL daemon N (a crash: guests keep running, clients read end-of-file)
#   libvirtd-fleet.sh restart N        start daemon N again after kill, keeping guests and definitions
#   libvirtd-fleet.sh status           one line per daemon
#
# Files a client needs (all under $LV_FLEET_STATE):
#   pki/client/{cacert,clientcert,clientkey}.pem    pkipath= for qemu+tls:// (a CA-signed client certificate)
#   ssh/id_ed25519, ssh/known_hosts                 keyfile= (qemu+ssh://, qemu+libssh://), known_hosts= (libssh)
#   ssh/ssh                                         command= for qemu+ssh://: ssh with the fleet's known_hosts
#   ssh/ssh-unknown-hosts                           the same with an empty known_hosts (ssh/known_hosts.empty)
#   ssh/refused_ed25519, pki/rogue/                 a key no sshd accepts; a foreign CA and a client cert it signed
#   sasl-user, sasl-password                        the SASL user and password every daemon's passwd.db holds
#   N/address, N/run/libvirt-sock, N/libvirtd.pid   per daemon
#
# Tunables: LV_FLEET_PREFIX (lvfleet; at most 10 characters: interface names), LV_FLEET_STATE (/tmp/$prefix),
#   LV_FLEET_COUNT (1), LV_FLEET_SUBNET (10.213.S, S from the prefix), LV_FLEET_TRANSPORTS ("tcp tls ssh";
#   "" = unix socket only, which is all a benchmark needs).

_fleet_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=libvirtd-sandbox.sh
source "$_fleet_dir/libvirtd-sandbox.sh"   # lv_install: packages, libvirt-qemu user, /etc/libvirt/qemu.conf

LV_FLEET_PREFIX=${LV_FLEET_PREFIX:-lvfleet}
LV_FLEET_STATE=${LV_FLEET_STATE:-/tmp/$LV_FLEET_PREFIX}
LV_FLEET_COUNT=${LV_FLEET_COUNT:-1}
LV_FLEET_TRANSPORTS=${LV_FLEET_TRANSPORTS-tcp tls ssh}
# A /24 per prefix so the fleets of two helpers (or of two test runs) never share addresses.
LV_FLEET_SUBNET=${LV_FLEET_SUBNET:-10.213.$(( $(printf '%s' "$LV_FLEET_PREFIX" | cksum | cut -d' ' -f1) % 200 + 20 ))}
LV_FLEET_BRIDGE=$LV_FLEET_PREFIX-br
LV_FLEET_SASL_USER=${LV_FLEET_SASL_USER:-fleet}
LV_FLEET_SSH_PORT=2222
# Shared by every fleet and kept across runs: the one-time QEMU capability probe (~8 s of CPU per daemon) is
# done once, not once per daemon. libvirt itself discards a stale entry (it checks the QEMU binary's ctime).
LV_FLEET_CACHE_SEED=${LV_FLEET_CACHE_SEED:-/tmp/libvirtd-fleet-qemu-cache}

LV_FLEET_EXTRA_PKGS=(gnutls-bin sasl2-bin libsasl2-modules openssh-server)

fleet_log() { echo "libvirtd-fleet: $*" >&2; }

fleet_ns() { echo "$LV_FLEET_PREFIX-$1"; }
fleet_home() { echo "$LV_FLEET_STATE/$1"; }
fleet_address() { echo "$LV_FLEET_SUBNET.$(( $1 + 1 ))"; }
fleet_other_address() { echo "$LV_FLEET_SUBNET.$(( $1 + 101 ))"; }
fleet_socket() { echo "$(fleet_home "$1")/run/libvirt-sock"; }
fleet_uri() { echo "qemu+unix:///system?socket=$(fleet_socket "$1")"; }
fleet_pid() { cat "$(fleet_home "$1")/libvirtd.pid" 2>/dev/null || true; }
fleet_sshd_pid() { cat "$(fleet_home "$1")/sshd.pid" 2>/dev/null || true; }
fleet_has() { case " $LV_FLEET_TRANSPORTS " in *" $1 "*) return 0;; esac; return 1; }
fleet_virsh() { local n=$1; shift; virsh -q -c "$(fleet_uri "$n")" "$@"; }

fleet_install() {
  lv_install || return 1
  local missing=() p
  for p in "${LV_FLEET_EXTRA_PKGS[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    # openssh-server's and sasl2-bin's postinst call invoke-rc.d to start sshd/saslauthd in the ROOT namespace;
    # a policy-rc.d that answers 101 forbids that (Docker images ship one; a fresh machine may not).
    local policy=/usr/sbin/policy-rc.d ours=no
    if [ ! -e "$policy" ]; then
      printf '#!/bin/sh\n# written by libvirtd-fleet.sh for the length of one apt-get install\nexit 101\n' > "$policy"
      chmod 755 "$policy"; ours=yes
    fi
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=900 \
      --no-install-recommends "${missing[@]}" >/dev/null
    local rc=$?
    [ "$ours" = yes ] && rm -f "$policy"
    [ "$rc" = 0 ] || return 1
  fi
  # Belt and braces: if an sshd answers in the root namespace now, say so (we end nothing we did not start).
  if ss -ltnp 2>/dev/null | grep -q '"sshd"'; then
    fleet_log "warning: an sshd listens in the root network namespace (not started by this script)"
  fi
  mkdir -p /run/sshd /etc/sasl2   # sshd's privilege-separation dir; /etc/sasl2 is a mount point for the daemons
}

# One CA, one client certificate and one ssh key pair per fleet; one server certificate per daemon.
fleet_make_credentials() {
  local pki=$LV_FLEET_STATE/pki ssh=$LV_FLEET_STATE/ssh
  if fleet_has tls && [ ! -e "$pki/client/clientcert.pem" ]; then
    mkdir -p "$pki/client" "$pki/rogue"
    certtool --generate-privkey --key-type=rsa --bits=2048 --outfile "$pki/cakey.pem" 2>/dev/null
    printf 'cn = %s test CA\nca\ncert_signing_key\nexpiration_days = 30\n' "$LV_FLEET_PREFIX" > "$pki/ca.info"
    certtool --generate-self-signed --load-privkey "$pki/cakey.pem" --template "$pki/ca.info" \
      --outfile "$pki/cacert.pem" 2>/dev/null
    cp "$pki/cacert.pem" "$pki/client/cacert.pem"
    certtool --generate-privkey --key-type=rsa --bits=2048 --outfile "$pki/client/clientkey.pem" 2>/dev/null
    printf 'cn = %s client\ntls_www_client\nencryption_key\nsigning_key\nexpiration_days = 30\n' \
      "$LV_FLEET_PREFIX" > "$pki/client.info"
    certtool --generate-certificate --load-privkey "$pki/client/clientkey.pem" --load-ca-certificate "$pki/cacert.pem" \
      --load-ca-privkey "$pki/cakey.pem" --template "$pki/client.info" --outfile "$pki/client/clientcert.pem" 2>/dev/null
    # A second, untrusted CA and a client certificate it signed (the "untrusted certificate" case).
    certtool --generate-privkey --key-type=rsa --bits=2048 --outfile "$pki/rogue/cakey.pem" 2>/dev/null
    printf 'cn = rogue CA\nca\ncert_signing_key\nexpiration_days = 30\n' > "$pki/rogue/ca.info"
    certtool --generate-self-signed --load-privkey "$pki/rogue/cakey.pem" --template "$pki/rogue/ca.info" \
      --outfile "$pki/rogue/roguecacert.pem" 2>/dev/null
    certtool --generate-privkey --key-type=rsa --bits=2048 --outfile "$pki/rogue/clientkey.pem" 2>/dev/null
    certtool --generate-certificate --load-privkey "$pki/rogue/clientkey.pem" \
      --load-ca-certificate "$pki/rogue/roguecacert.pem" --load-ca-privkey "$pki/rogue/cakey.pem" \
      --template "$pki/client.info" --outfile "$pki/rogue/clientcert.pem" 2>/dev/null
    cp "$pki/rogue/roguecacert.pem" "$pki/rogue/cacert.pem"   # a complete foreign PKI: trusts no fleet daemon
    [ -s "$pki/client/clientcert.pem" ] && [ -s "$pki/rogue/clientcert.pem" ] || { fleet_log "certtool failed"; return 1; }
  fi
  if fleet_has ssh && [ ! -e "$ssh/id_ed25519" ]; then
    mkdir -p "$ssh"
    ssh-keygen -q -t ed25519 -N '' -C "$LV_FLEET_PREFIX client" -f "$ssh/id_ed25519"
    ssh-keygen -q -t ed25519 -N '' -C "refused key" -f "$ssh/refused_ed25519"
    cp "$ssh/id_ed25519.pub" "$ssh/authorized_keys"
    : > "$ssh/known_hosts"
    # libvirt's qemu+ssh:// transport runs "ssh" with the user's ~/.ssh/known_hosts and offers no URI parameter for
    # another file (known_hosts= is for libssh/libssh2 only); its command= parameter names the ssh to run. This
    # wrapper gives the tests the fleet's known_hosts without touching ~/.ssh (strict: an unknown key is refused).
    printf '#!/bin/sh\nexec /usr/bin/ssh -F /dev/null -o UserKnownHostsFile=%s -o GlobalKnownHostsFile=/dev/null -o StrictHostKeyChecking=yes -o IdentitiesOnly=yes "$@"\n' \
      "$ssh/known_hosts" > "$ssh/ssh"
    chmod 755 "$ssh/ssh"
    # The same with a known_hosts that names no host: the "unknown host key" case.
    : > "$ssh/known_hosts.empty"
    sed "s|$ssh/known_hosts|$ssh/known_hosts.empty|" "$ssh/ssh" > "$ssh/ssh-unknown-hosts"
    chmod 755 "$ssh/ssh-unknown-hosts"
  fi
  if fleet_has tcp && [ ! -e "$LV_FLEET_STATE/sasl-password" ]; then
    printf '%s' "$LV_FLEET_SASL_USER" > "$LV_FLEET_STATE/sasl-user"
    head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$LV_FLEET_STATE/sasl-password"
  fi
  return 0
}

# Daemon N's private folders and configuration (idempotent: restart reuses them).
fleet_prepare_home() {
  local n=$1 home address other d
  home=$(fleet_home "$n"); address=$(fleet_address "$n"); other=$(fleet_other_address "$n")
  for d in run lib cache etc log/qemu sasl2 ssh; do mkdir -p "$home/$d"; done
  chmod 700 "$home"
  if [ ! -d "$home/cache/qemu" ] && [ -d "$LV_FLEET_CACHE_SEED/qemu" ]; then cp -a "$LV_FLEET_CACHE_SEED/qemu" "$home/cache/"; fi
  cp /etc/libvirt/qemu.conf "$home/etc/qemu.conf"   # as lv_install wrote it: root, no virtlogd
  {
    echo 'auth_unix_ro = "none"'
    echo 'auth_unix_rw = "none"'
    echo 'log_outputs = "3:file:/var/log/libvirt/libvirtd.log"'
    if fleet_has tcp; then
      echo 'listen_tcp = 1'
      echo 'auth_tcp = "sasl"'
    else echo 'listen_tcp = 0'; fi
    if fleet_has tls; then
      echo 'listen_tls = 1'
      echo 'auth_tls = "none"'
      echo "ca_file = \"$home/pki/cacert.pem\""
      echo "cert_file = \"$home/pki/servercert.pem\""
      echo "key_file = \"$home/pki/serverkey.pem\""
    else echo 'listen_tls = 0'; fi
  } > "$home/etc/libvirtd.conf"
  if fleet_has tcp; then
    # DIGEST-MD5, not SCRAM-SHA-256: over plain TCP libvirt demands a SASL security layer (SSF >= 56) and SCRAM
    # offers none ("negotiation SSF 0 was not strong enough"); DIGEST-MD5 encrypts.
    printf 'mech_list: digest-md5\nsasldb_path: /etc/libvirt/passwd.db\n' > "$home/sasl2/libvirt.conf"
    saslpasswd2 -c -p -a libvirt -f "$home/etc/passwd.db" "$LV_FLEET_SASL_USER" < "$LV_FLEET_STATE/sasl-password" || return 1
  fi
  if fleet_has tls && [ ! -e "$home/pki/servercert.pem" ]; then
    local pki=$LV_FLEET_STATE/pki
    mkdir -p "$home/pki"
    cp "$pki/cacert.pem" "$home/pki/cacert.pem"
    certtool --generate-privkey --key-type=rsa --bits=2048 --outfile "$home/pki/serverkey.pem" 2>/dev/null
    printf 'cn = %s\ndns_name = %s\nip_address = %s\ntls_www_server\nencryption_key\nsigning_key\nexpiration_days = 30\n' \
      "$(fleet_ns "$n")" "$(fleet_ns "$n")" "$address" > "$home/pki/server.info"
    certtool --generate-certificate --load-privkey "$home/pki/serverkey.pem" --load-ca-certificate "$pki/cacert.pem" \
      --load-ca-privkey "$pki/cakey.pem" --template "$home/pki/server.info" --outfile "$home/pki/servercert.pem" 2>/dev/null
    [ -s "$home/pki/servercert.pem" ] || { fleet_log "certtool failed for daemon $n"; return 1; }
  fi
  if fleet_has ssh && [ ! -e "$home/ssh/host_ed25519" ]; then
    ssh-keygen -q -t ed25519 -N '' -C "$(fleet_ns "$n") host" -f "$home/ssh/host_ed25519"
    cat > "$home/ssh/sshd_config" <<EOF
Port $LV_FLEET_SSH_PORT
ListenAddress $address
ListenAddress $other
HostKey $home/ssh/host_ed25519
PidFile $home/sshd.pid
AuthorizedKeysFile $LV_FLEET_STATE/ssh/authorized_keys
PermitRootLogin prohibit-password
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
PrintMotd no
EOF
    # known_hosts for clients: the host key under both of the namespace's addresses, with the port.
    local key
    key=$(cut -d' ' -f1,2 "$home/ssh/host_ed25519.pub")
    echo "[$address]:$LV_FLEET_SSH_PORT $key" >> "$LV_FLEET_STATE/ssh/known_hosts"
  fi
  echo "$address" > "$home/address"
}

# The root namespace's end: one bridge for the fleet, one veth per daemon.
# (The bridge is made once, before daemons start in parallel.)
fleet_bridge() {
  ip link show "$LV_FLEET_BRIDGE" >/dev/null 2>&1 && return 0
  if ip -4 -o addr show | grep -q " $LV_FLEET_SUBNET\."; then
    fleet_log "$LV_FLEET_SUBNET.0/24 is already in use in the root namespace; set LV_FLEET_SUBNET"; return 1
  fi
  ip link add "$LV_FLEET_BRIDGE" type bridge || return 1
  ip addr add "$LV_FLEET_SUBNET.1/24" dev "$LV_FLEET_BRIDGE"
  ip link set "$LV_FLEET_BRIDGE" up
}

fleet_link() {
  local n=$1 ns veth
  ns=$(fleet_ns "$n"); veth="$LV_FLEET_PREFIX-v$n"
  fleet_bridge || return 1
  ip netns add "$ns" 2>/dev/null || true     # tolerate a leftover one
  ip netns exec "$ns" ip link set lo up
  if ! ip netns exec "$ns" ip link show eth0 >/dev/null 2>&1; then
    ip link del "$veth" 2>/dev/null || true
    ip link add "$veth" type veth peer name eth0 netns "$ns" || return 1
    ip link set "$veth" master "$LV_FLEET_BRIDGE"
    ip link set "$veth" up
    ip netns exec "$ns" ip addr add "$(fleet_address "$n")/24" dev eth0
    ip netns exec "$ns" ip addr add "$(fleet_other_address "$n")/24" dev eth0
    ip netns exec "$ns" ip link set eth0 up
  fi
}

# Starts libvirtd (and sshd) of daemon N inside its netns and a fresh private mount namespace.
fleet_launch() {
  local n=$1 home ns listen=""
  home=$(fleet_home "$n"); ns=$(fleet_ns "$n")
  { fleet_has tcp || fleet_has tls; } && listen=--listen
  local sshd=""
  if fleet_has ssh; then
    local spid; spid=$(fleet_sshd_pid "$n")
    if [ -z "$spid" ] || ! kill -0 "$spid" 2>/dev/null; then sshd="/usr/sbin/sshd -f $home/ssh/sshd_config -E $home/log/sshd.log"; fi
  fi
  rm -f "$home/run/libvirt-sock" "$home/run/libvirt-sock-ro" "$home/run/libvirt-admin-sock"
  # --propagation private: none of these mounts is seen outside; they vanish with the last process inside.
  ip netns exec "$ns" unshare --mount --propagation private bash -c '
    set -e
    home=$1
    mount --bind "$home/run"   /run/libvirt
    mount --bind "$home/lib"   /var/lib/libvirt
    mount --bind "$home/cache" /var/cache/libvirt
    mount --bind "$home/etc"   /etc/libvirt
    mount --bind "$home/log"   /var/log/libvirt
    mount --bind "$home/sasl2" /etc/sasl2
    libvirtd -d '"$listen"' -p "$home/libvirtd.pid"
    if [ -n "$2" ]; then $2; fi   # sshd shares this mount namespace: virt-ssh-helper must find OUR socket
  ' fleet "$home" "$sshd" || { fleet_log "daemon $n did not start:"; tail -20 "$home/log/libvirtd.log" >&2; return 1; }
}

# Waits until daemon N answers (a qemu driver call: includes the capability probe), then checks that it is ours.
fleet_wait() {
  local n=$1 i
  for i in $(seq 1 1200); do          # up to 120 s (8 daemons on 2 loaded cores)
    if fleet_virsh "$n" version >/dev/null 2>&1; then
      local want have pid
      pid=$(fleet_pid "$n")
      want=$(stat -L -c %i "/run/netns/$(fleet_ns "$n")")
      have=$(stat -L -c %i "/proc/$pid/ns/net" 2>/dev/null)
      if [ "$want" != "$have" ] || [ "$(stat -L -c %i "/proc/$pid/ns/mnt")" = "$(stat -L -c %i /proc/self/ns/mnt)" ]; then
        fleet_log "daemon $n (pid $pid) is not in its own network and mount namespaces"; return 1
      fi
      if fleet_has ssh; then
        local spid; spid=$(fleet_sshd_pid "$n")
        for i in $(seq 1 100); do spid=$(fleet_sshd_pid "$n"); [ -n "$spid" ] && break; sleep 0.1; done
        [ -n "$spid" ] || { fleet_log "sshd of daemon $n did not start"; cat "$(fleet_home "$n")/log/sshd.log" >&2; return 1; }
      fi
      return 0
    fi
    sleep 0.1
  done
  fleet_log "daemon $n did not answer within 120 s"; tail -20 "$(fleet_home "$n")/log/libvirtd.log" >&2
  return 1
}

fleet_print() {
  local n=$1
  echo "daemon $n pid=$(fleet_pid "$n") netns=$(fleet_ns "$n") address=$(fleet_address "$n") socket=$(fleet_socket "$n") sshd=$(fleet_sshd_pid "$n")"
}

fleet_start_one() {
  local n=$1
  fleet_prepare_home "$n" && fleet_link "$n" && fleet_launch "$n" && fleet_wait "$n"
}

fleet_start() {
  local count=${1:-$LV_FLEET_COUNT} n
  case $count in ''|*[!0-9]*) fleet_log "count must be a number"; return 2;; esac
  [ "$count" -ge 1 ] && [ "$count" -le 99 ] || { fleet_log "count must be 1..99"; return 2; }
  [ ${#LV_FLEET_PREFIX} -le 10 ] || { fleet_log "LV_FLEET_PREFIX must have at most 10 characters"; return 2; }
  [ "$(id -u)" = 0 ] || { fleet_log "must run as root"; return 1; }
  command -v libvirtd >/dev/null || { fleet_log "libvirtd is not installed (run: $0 install)"; return 1; }
  mkdir -p "$LV_FLEET_STATE"; chmod 700 "$LV_FLEET_STATE"
  # Mount points the private mount namespaces bind over (mkdir -p leaves existing folders alone).
  mkdir -p /run/libvirt /var/lib/libvirt /var/cache/libvirt /etc/libvirt /var/log/libvirt /etc/sasl2 /run/sshd
  echo "$count" > "$LV_FLEET_STATE/count"
  fleet_make_credentials && fleet_bridge || { fleet_log "could not create credentials or the bridge"; fleet_stop; return 1; }
  # libvirt demands keyEncipherment in its certificates, which ECDSA keys cannot have: hence RSA keys above.
  # The first daemon alone, to fill the shared QEMU capability cache; the others start seeded, in parallel.
  if [ ! -d "$LV_FLEET_CACHE_SEED/qemu" ]; then
    fleet_start_one 1 || { fleet_stop; return 1; }
    mkdir -p "$LV_FLEET_CACHE_SEED"
    cp -a "$(fleet_home 1)/cache/qemu" "$LV_FLEET_CACHE_SEED/qemu.tmp.$$" &&
      mv "$LV_FLEET_CACHE_SEED/qemu.tmp.$$" "$LV_FLEET_CACHE_SEED/qemu" 2>/dev/null || rm -rf "$LV_FLEET_CACHE_SEED/qemu.tmp.$$"
  fi
  local pids=() failed=0
  for n in $(seq 1 "$count"); do
    if [ -n "$(fleet_pid "$n")" ] && kill -0 "$(fleet_pid "$n")" 2>/dev/null; then continue; fi
    fleet_start_one "$n" & pids+=($!)
  done
  for n in "${pids[@]}"; do wait "$n" || failed=1; done
  if [ "$failed" = 1 ]; then fleet_log "a daemon did not start; stopping the fleet"; fleet_stop; return 1; fi
  for n in $(seq 1 "$count"); do fleet_print "$n"; done
}

fleet_count() {
  local count
  count=$(cat "$LV_FLEET_STATE/count" 2>/dev/null || echo 0)
  # Also every namespace of ours that exists (a start that died half-way may not have written the count).
  local ns n
  for ns in $(ip netns list | cut -d' ' -f1); do
    case $ns in "$LV_FLEET_PREFIX"-*) n=${ns#"$LV_FLEET_PREFIX"-}
      case $n in ''|*[!0-9]*) ;; *) [ "$n" -gt "$count" ] && count=$n;; esac;; esac
  done
  echo "$count"
}

fleet_end_pid() {
  local pid=$1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done   # up to 10 s
  kill -KILL "$pid" 2>/dev/null || true
}

fleet_stop_one() {
  local n=$1 ns d pid
  ns=$(fleet_ns "$n")
  if fleet_virsh "$n" version >/dev/null 2>&1; then
    # Guests and active networks outlive libvirtd. Everything in this daemon is the fleet's own: all of it goes.
    for d in $(fleet_virsh "$n" list --name); do fleet_virsh "$n" destroy "$d" >/dev/null 2>&1 || true; done
    for d in $(fleet_virsh "$n" net-list --name); do fleet_virsh "$n" net-destroy "$d" >/dev/null 2>&1 || true; done
    for d in $(fleet_virsh "$n" pool-list --name); do fleet_virsh "$n" pool-destroy "$d" >/dev/null 2>&1 || true; done
  fi
  fleet_end_pid "$(fleet_pid "$n")"
  fleet_end_pid "$(fleet_sshd_pid "$n")"
  # Anything still running inside OUR namespace (qemu, dnsmasq, ssh sessions) was started by this daemon or sshd.
  if [ -e "/run/netns/$ns" ]; then
    for pid in $(ip netns pids "$ns"); do kill -TERM "$pid" 2>/dev/null || true; done
    for _ in $(seq 1 50); do [ -z "$(ip netns pids "$ns")" ] && break; sleep 0.1; done
    for pid in $(ip netns pids "$ns"); do kill -KILL "$pid" 2>/dev/null || true; done
    ip netns del "$ns" 2>/dev/null || true   # takes eth0 and so its root-namespace peer with it
  fi
  ip link del "$LV_FLEET_PREFIX-v$n" 2>/dev/null || true
  rm -rf "$(fleet_home "$n")"
}

fleet_stop() {
  local count n pids=()
  count=$(fleet_count)
  for n in $(seq 1 "$count"); do fleet_stop_one "$n" & pids+=($!); done
  for n in "${pids[@]}"; do wait "$n" || true; done
  ip link del "$LV_FLEET_BRIDGE" 2>/dev/null || true
  case $LV_FLEET_STATE in /tmp/?*) rm -rf "$LV_FLEET_STATE";; *) rm -f "$LV_FLEET_STATE/count";; esac
  return 0
}

# A crash: SIGKILL to libvirtd only; its guests, sshd and namespaces stay.
fleet_kill() {
  local n=$1 pid
  pid=$(fleet_pid "$n")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || { fleet_log "daemon $n is not running"; return 1; }
  kill -KILL "$pid"
  for _ in $(seq 1 300); do [ -d "/proc/$pid" ] && [ "$(cut -d' ' -f3 "/proc/$pid/stat" 2>/dev/null)" != Z ] || break; sleep 0.1; done
  echo "$pid"
}

fleet_restart() {
  local n=$1 pid
  pid=$(fleet_pid "$n")
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && [ "$(cut -d' ' -f3 "/proc/$pid/stat")" != Z ]; then
    fleet_log "daemon $n (pid $pid) still runs"; return 1
  fi
  rm -f "$(fleet_home "$n")/libvirtd.pid"
  fleet_launch "$n" && fleet_wait "$n" && fleet_print "$n"
}

fleet_status() {
  local n pid state
  for n in $(seq 1 "$(fleet_count)"); do
    pid=$(fleet_pid "$n"); state=stopped
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && state=running
    echo "daemon $n $state $(fleet_print "$n" | cut -d' ' -f3-)"
  done
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -uo pipefail
  case ${1:-} in
    install) fleet_install ;;
    start)   fleet_start "${2:-}" ;;
    stop)    fleet_stop ;;
    kill)    fleet_kill "${2:?daemon number}" ;;
    restart) fleet_restart "${2:?daemon number}" ;;
    status)  fleet_status ;;
    uri)     fleet_uri "${2:?daemon number}" ;;
    *) echo "usage: $0 install|start [N]|stop|kill N|restart N|status|uri N" >&2; exit 2 ;;
  esac
fi
