#!/usr/bin/env bash
# The whole test suite, from a fresh Debian 12 machine: installs what is missing, starts a real libvirtd for
# the integration tests inside its own network namespace (as root; skipped otherwise, and the integration
# tests then say why they skip), builds, runs every test project and ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
results="$root/artifacts/test-results"

# e2fsprogs, util-linux and mount give mkfs.ext4, losetup and swapon for the block-device safety tests.
bash scripts/install-prerequisites.sh e2fsprogs util-linux mount || exit 1

daemon=no
if [ "$(id -u)" = 0 ] && [ "${LIBVIRTNESTED_NO_DAEMON:-}" != 1 ]; then
  # shellcheck source=libvirtd-sandbox.sh
  source scripts/libvirtd-sandbox.sh
  if lv_install >/dev/null && lv_start; then
    echo "test.sh: libvirtd $(lv_pid) answers on qemu:///system from network namespace $LV_NETNS" >&2
    daemon=yes
    trap lv_stop EXIT
    export LIBVIRTNESTED_INTEGRATION_URI=qemu:///system
  else
    echo "test.sh: could not start libvirtd; integration tests will report why." >&2
  fi
fi
export LIBVIRTNESTED_DAEMON_STARTED=$daemon

# Fleet stage (issue 10, remote transports): the integration tests start their own daemons through
# tests/LibvirtNested.Testing's LibvirtFleet (scripts/libvirtd-fleet.sh: netns lvtransp-N plus a private mount
# namespace each, sockets under /tmp, a bridge with 10.213.x.0/24, TCP+SASL, TLS and sshd listeners) and stop them
# when they end. Here only the packages are installed (gnutls-bin, sasl2-bin, libsasl2-modules, openssh-server; no
# service is started in the root namespace). Tests skip and say why where the fleet cannot start; with CI=true they fail.
if [ "$(id -u)" = 0 ] && [ "${LIBVIRTNESTED_NO_DAEMON:-}" != 1 ]; then
  fleet_started=$(date +%s)
  if bash scripts/libvirtd-fleet.sh install; then
    echo "test.sh: fleet packages ready ($(( $(date +%s) - fleet_started )) s); the transport tests start their own daemons" >&2
  else
    echo "test.sh: could not install the fleet's packages; the transport tests will report why." >&2
  fi
fi

rm -rf "$results"
dotnet build LibvirtNested.sln -c Release -nologo -v quiet || { echo "0 passed, 1 failed"; exit 1; }
status=0
for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  [ "$name" = LibvirtNested.Testing ] && continue
  dotnet test "$project" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" --results-directory "$results" || status=1
done

passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  p=$(xmllint --xpath 'string(//*[local-name()="Counters"]/@passed)' "$trx")
  f=$(xmllint --xpath 'string(//*[local-name()="Counters"]/@failed)' "$trx")
  e=$(xmllint --xpath 'string(//*[local-name()="Counters"]/@error)' "$trx")
  t=$(xmllint --xpath 'string(//*[local-name()="Counters"]/@timeout)' "$trx")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0} + ${e:-0} + ${t:-0}))
done
if [ "$status" != 0 ] && [ "$failed" = 0 ]; then failed=1; fi   # a crash or a build error counts
echo "$passed passed, $failed failed"
[ "$status" = 0 ] && [ "$failed" = 0 ]
