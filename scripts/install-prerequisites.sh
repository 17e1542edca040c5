#!/usr/bin/env bash
# Installs what LibvirtNested's samples and tests need on Debian 12, only where it is missing.
#   libvirt0          libvirt.so.0 with the in-process test driver (test:///default) and the RelaxNG schemas
#   libvirt-clients   virsh and virt-xml-validate (the schema oracle)
#   libxml2-utils     xmllint, used by virt-xml-validate and by the test summary
# The real daemon for integration tests is installed by scripts/libvirtd-sandbox.sh; the remote-transport fleet
# (gnutls-bin, sasl2-bin, libsasl2-modules, openssh-server) by scripts/libvirtd-fleet.sh install.
set -euo pipefail
PKGS=(libvirt0 libvirt-clients libxml2-utils "$@")
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "install-prerequisites: missing packages: ${missing[*]} (run as root, or: sudo apt-get install ${missing[*]})" >&2
    exit 1
  fi
  echo "install-prerequisites: installing ${missing[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=900 --no-install-recommends "${missing[@]}" >/dev/null
fi
if ! command -v dotnet >/dev/null 2>&1; then
  echo "install-prerequisites: the .NET 10 SDK (dotnet) is required and is not on PATH." >&2
  exit 1
fi
