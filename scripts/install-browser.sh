#!/usr/bin/env bash
# Installs what the real WebRTC call test and example need when missing: Debian's chromium and
# chromium-driver (the headless browser and its WebDriver), and iproute2 (ip, for the network
# namespace Janus runs in during the call). Idempotent.
set -euo pipefail

if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1 \
    && command -v ip >/dev/null 2>&1; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install-browser.sh: chromium, chromedriver or ip is not on PATH and installing them needs root." >&2
  echo "Run as root, or: sudo apt-get update && sudo apt-get install -y chromium chromium-driver iproute2" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends chromium chromium-driver iproute2

for tool in chromium chromedriver ip; do
  command -v "$tool" >/dev/null 2>&1 || { echo "install-browser.sh: $tool still not on PATH after install" >&2; exit 1; }
done
echo "install-browser.sh: installed $(chromium --version 2>/dev/null | head -n 1), $(chromedriver --version 2>/dev/null | head -n 1)"
