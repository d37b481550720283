#!/usr/bin/env bash
# The project's one test command: installs Janus when missing, then runs every unit test and IT.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-janus.sh
exec mvn -B verify "$@"
