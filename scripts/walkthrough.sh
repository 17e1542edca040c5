#!/usr/bin/env bash
# Quick start 1: the nested-virtualization walkthrough on libvirt's in-process test driver (test:///default).
# Installs what is missing (libvirt0, libvirt-clients, libxml2-utils), then runs samples/NestedLab; arguments are
# passed on, e.g. `bash scripts/walkthrough.sh --dry-run --out /tmp/lab` or `--connect qemu:///system --l1 myguest`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-prerequisites.sh
exec dotnet run --project samples/NestedLab -c Release -- "$@"
