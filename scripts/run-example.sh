#!/usr/bin/env bash
# Runs examples/janus-quickstart and shows the live event stream of a VideoRoom (one JSON line per
# event on stdout; logs on stderr) until Ctrl-C, or for --seconds N.
#
#   scripts/run-example.sh                 # installs Janus if missing, starts a throwaway one on 127.0.0.1
#   scripts/run-example.sh --seconds 20    # stop after 20 seconds
#   JANUS_URL=ws://127.0.0.1:8188 scripts/run-example.sh   # use an existing Janus instead
#
# The throwaway Janus is started by LocalJanus (camel-janus-testing) through JanusServer from
# camel-janus-testing, the config generator the tests use, and is stopped on exit, Ctrl-C or failure.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=""
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds="${2:?--seconds needs a number}"; shift 2 ;;
    --seconds=*) seconds="${1#--seconds=}"; shift ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run-example.sh: unknown argument $1 (try --help)" >&2; exit 2 ;;
  esac
done
if [ -n "$seconds" ] && ! [[ "$seconds" =~ ^[0-9]+$ ]]; then
  echo "run-example.sh: --seconds needs a whole number, got '$seconds'" >&2; exit 2
fi

example=examples/janus-quickstart
log() { echo "run-example.sh: $*" >&2; }

if [ -z "${JANUS_URL:-}" ]; then
  bash scripts/install-janus.sh
fi

log "building camel-janus-testing, camel-janus and $example (mvn -q -DskipTests install)"
# Maven's output goes to stderr: stdout carries only the event lines.
mvn -B -q -Dstyle.color=never -DskipTests install -pl camel-janus-testing,camel-janus,$example -am >&2
mvn -B -q -Dstyle.color=never dependency:build-classpath -pl $example \
  -Dmdep.outputFile=target/classpath.txt >&2
classpath="$example/target/classes:$(cat $example/target/classpath.txt)"

workdir="$(mktemp -d -t camel-janus-example.XXXXXX)"
janus_pid=""
cleanup() {
  status=$?
  trap - EXIT INT TERM
  if [ -n "$janus_pid" ] && kill -0 "$janus_pid" 2>/dev/null; then
    log "stopping the throwaway Janus"
    kill -TERM "$janus_pid" 2>/dev/null || true
    wait "$janus_pid" 2>/dev/null || true
  fi
  rm -rf "$workdir"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ -z "${JANUS_URL:-}" ]; then
  log "starting a throwaway Janus on 127.0.0.1"
  # setsid: its own process group, so a terminal's Ctrl-C reaches the quickstart (which then stops
  # cleanly, destroying its sessions) and not Janus; the EXIT trap stops Janus afterwards.
  setsid java -cp "$classpath" io.github.cameljanus.testing.LocalJanus >"$workdir/janus.out" &
  janus_pid=$!
  for _ in $(seq 1 300); do
    if grep -q '^JANUS_URL=' "$workdir/janus.out" 2>/dev/null; then break; fi
    if ! kill -0 "$janus_pid" 2>/dev/null; then log "Janus did not start (see above)"; exit 1; fi
    sleep 0.1
  done
  JANUS_URL="$(sed -n 's/^JANUS_URL=//p' "$workdir/janus.out" | head -n 1)"
  [ -n "$JANUS_URL" ] || { log "Janus did not report its URL in 30 s"; exit 1; }
fi
export JANUS_URL
log "Janus at $JANUS_URL; event lines below (Ctrl-C to stop)"

if [ -n "$seconds" ]; then
  export CAMEL_MAIN_DURATION_MAX_SECONDS="$seconds"
fi
export QUICKSTART_EVENTS_DIR="${QUICKSTART_EVENTS_DIR:-$example/target/quickstart}"
set +e
java -cp "$classpath" io.github.cameljanus.examples.quickstart.QuickstartApp
status=$?
set -e
log "event lines were also written to $QUICKSTART_EVENTS_DIR/room-events.jsonl"
exit "$status"
