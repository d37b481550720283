#!/usr/bin/env bash
# The project's one test command: installs Janus, and the browser the WebRTC call test drives, when
# missing, then runs every unit test and IT.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-janus.sh
bash scripts/install-browser.sh
exec mvn -B verify "$@"
