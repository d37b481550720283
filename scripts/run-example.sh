#!/usr/bin/env bash
# Runs an example against a throwaway Janus until Ctrl-C, or for --seconds N.
#
#   scripts/run-example.sh                 # examples/janus-quickstart: the live event stream of a
#                                          # VideoRoom, one JSON line per event on stdout
#   scripts/run-example.sh --seconds 20    # stop after 20 seconds
#   JANUS_URL=ws://127.0.0.1:8188 scripts/run-example.sh   # use an existing Janus instead
#   scripts/run-example.sh browser-call    # examples/browser-call: prints the URL to open in a
#                                          # browser on this machine for a real WebRTC call (root)
#
# Installs Janus if missing. The throwaway Janus is started through JanusServer from
# camel-janus-testing, the config generator the tests use (for browser-call inside a network
# namespace of its own), and is stopped on exit, Ctrl-C or failure.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=""
example=examples/janus-quickstart
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds="${2:?--seconds needs a number}"; shift 2 ;;
    --seconds=*) seconds="${1#--seconds=}"; shift ;;
    quickstart|janus-quickstart) example=examples/janus-quickstart; shift ;;
    browser-call) example=examples/browser-call; shift ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run-example.sh: unknown argument $1 (try --help)" >&2; exit 2 ;;
  esac
done
if [ -n "$seconds" ] && ! [[ "$seconds" =~ ^[0-9]+$ ]]; then
  echo "run-example.sh: --seconds needs a whole number, got '$seconds'" >&2; exit 2
fi

log() { echo "run-example.sh: $*" >&2; }

if [ -z "${JANUS_URL:-}" ]; then
  bash scripts/install-janus.sh
fi
if [ "$example" = examples/browser-call ] && [ -z "${JANUS_URL:-}" ] && [ "$(id -u)" -ne 0 ]; then
  log "browser-call starts Janus in a network namespace of its own, which needs root;"
  log "or point it at your own Janus: JANUS_URL, JANUS_ADMIN_URL, JANUS_ADMIN_SECRET (see its README)"
  exit 1
fi

log "building $example and what it uses (mvn -q -DskipTests install)"
# Maven's output goes to stderr: stdout carries only the event lines.
mvn -B -q -Dstyle.color=never -DskipTests install -pl $example -am >&2
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

# Starts $1 (a main class printing KEY=value lines, JANUS_URL last) in its own process group, and
# exports the KEY=value lines it printed once JANUS_URL=... is among them.
start_janus() {
  # setsid: its own process group, so a terminal's Ctrl-C reaches the example (which then stops
  # cleanly, destroying its sessions) and not Janus; the EXIT trap stops Janus afterwards.
  setsid java -cp "$classpath" "$@" >"$workdir/janus.out" &
  janus_pid=$!
  for _ in $(seq 1 300); do
    if grep -q '^JANUS_URL=' "$workdir/janus.out" 2>/dev/null; then break; fi
    if ! kill -0 "$janus_pid" 2>/dev/null; then log "Janus did not start (see above)"; exit 1; fi
    sleep 0.1
  done
  grep -q '^JANUS_URL=' "$workdir/janus.out" || { log "Janus did not report its URL in 30 s"; exit 1; }
  while IFS='=' read -r key value; do
    [[ "$key" =~ ^[A-Z_]+$ ]] && export "$key=$value"
  done <"$workdir/janus.out"
}

if [ -n "$seconds" ]; then
  export CAMEL_MAIN_DURATION_MAX_SECONDS="$seconds"
fi

if [ "$example" = examples/browser-call ]; then
  if [ -z "${JANUS_URL:-}" ]; then
    log "starting a throwaway Janus in a network namespace (media stays on its veth pair)"
    # the application and Janus share this secret; it is never printed
    JANUS_ADMIN_SECRET="$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')"
    export JANUS_ADMIN_SECRET
    start_janus io.github.cameljanus.examples.browsercall.DemoJanus "${BROWSER_CALL_EVENTS_PORT:-8099}"
  fi
  export BROWSER_CALL_HTTP_PORT="${BROWSER_CALL_HTTP_PORT:-8080}"
  page="http://127.0.0.1:$BROWSER_CALL_HTTP_PORT"
  log "Janus at $JANUS_URL. Open, in a browser on this machine (Ctrl-C here to stop):"
  log "  $page/                           EchoTest: your camera, echoed by Janus"
  log "  $page/?mode=publish&room=4242    VideoRoom publisher (its page links a subscriber)"
  echo "$page/"
  set +e
  java -cp "$classpath" io.github.cameljanus.examples.browsercall.BrowserCallApp
  status=$?
  set -e
  exit "$status"
fi

if [ -z "${JANUS_URL:-}" ]; then
  log "starting a throwaway Janus on 127.0.0.1"
  start_janus io.github.cameljanus.testing.LocalJanus
fi
log "Janus at $JANUS_URL; event lines below (Ctrl-C to stop)"

export QUICKSTART_EVENTS_DIR="${QUICKSTART_EVENTS_DIR:-$example/target/quickstart}"
set +e
java -cp "$classpath" io.github.cameljanus.examples.quickstart.QuickstartApp
status=$?
set -e
log "event lines were also written to $QUICKSTART_EVENTS_DIR/room-events.jsonl"
exit "$status"
