#!/usr/bin/env bash
# Installs Debian's janus package when the janus binary is missing. Idempotent.
# The packaged service is never started: its stock config listens on all interfaces.
set -euo pipefail

if command -v janus >/dev/null 2>&1; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install-janus.sh: 'janus' is not on PATH and installing it needs root." >&2
  echo "Run as root, or: sudo apt-get update && sudo apt-get install -y janus" >&2
  exit 1
fi

policy=/usr/sbin/policy-rc.d
guard_added=false
if [ ! -e "$policy" ]; then
  # Exit code 101 tells invoke-rc.d not to start services during the install.
  printf '#!/bin/sh\nexit 101\n' >"$policy"
  chmod 755 "$policy"
  guard_added=true
fi
cleanup() {
  if [ "$guard_added" = true ]; then
    rm -f "$policy"
  fi
}
trap cleanup EXIT

export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends janus

# A systemd unit may still be enabled for the next boot; stop anything that started anyway.
if command -v systemctl >/dev/null 2>&1; then
  systemctl disable --now janus >/dev/null 2>&1 || true
fi
pkill -x janus >/dev/null 2>&1 || true

command -v janus >/dev/null 2>&1 || { echo "install-janus.sh: janus still not on PATH after install" >&2; exit 1; }
echo "install-janus.sh: installed $(janus --version 2>/dev/null | head -n 1)"
