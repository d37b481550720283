#!/usr/bin/env bash
# Runs the anchors harness (bench/anchors, never edited in place) with camel-janus added beside
# its reference clients, as docs/performance.md reports it.
#   examples/benchmark/harness.sh [path/to/bench/anchors]     (default /work/shared/bench/anchors)
# Environment: the harness's knobs (ANCHORS_WARMUP_S, ANCHORS_ROUNDS, ANCHORS_CLIENTS, ...);
# defaults here: ANCHORS_WARMUP_S=15 and the client set of docs/performance.md.
# Build first (repository root): mvn -B -q -o install -pl camel-janus-testing,camel-janus -DskipTests
#                                mvn -B -q -o package -pl examples/benchmark -DskipTests
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ANCHORS="${1:-/work/shared/bench/anchors}"
SNAP="${CJ_CP_DIR:-$(mktemp -d /tmp/cj-bench.XXXXXX)}"
WORK="$(mktemp -d /tmp/anchors-cj.XXXXXX)"

# 1. snapshot the benchmark's classes and every jar it needs (a rebuild during the run cannot
#    change what is measured)
CP_FILE="$HERE/target/classpath.txt"
rm -f "$CP_FILE"
(cd "$HERE/../.." && mvn -B -q -o -pl examples/benchmark dependency:build-classpath \
    -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=runtime) >&2
mkdir -p "$SNAP/lib"
rm -rf "$SNAP/classes" && cp -r "$HERE/target/classes" "$SNAP/classes"
tr ':' '\n' <"$CP_FILE" | xargs -I{} cp {} "$SNAP/lib/"

# 2. a private copy of the harness with camel-janus cases in client_cmd()
cp -r "$ANCHORS/." "$WORK/" && chmod -R u+w "$WORK"
python3 - "$WORK/run.sh" "$SNAP" <<'PY'
import sys
p, snap = sys.argv[1], sys.argv[2]
s = open(p).read()
main = 'java -cp "$CJ_CP" io.github.cameljanus.examples.benchmark.Main'
cases = ''.join(
    f'    {name}) CMD=({main} {args} --name {name}) ;;\n'
    for name, args in [
        ('camel-janus-camel', '--mode camel'),
        ('camel-janus-camel-async', '--mode camel --camel-api async'),
        ('camel-janus-camel-synchronous', '--mode camel --camel-api synchronous'),
        ('camel-janus-camel-tyrus', '--mode camel --transport tyrus'),
        ('camel-janus-client-jdk', '--mode client --transport jdk'),
        ('camel-janus-client-jdk-pooled', '--mode client --transport jdk-pooled'),
        ('camel-janus-client-tyrus', '--mode client --transport tyrus'),
    ])
anchor = '    janus-go)    CMD=("$SCRATCH/bin/janusgo-bench") ;;\n'
assert anchor in s, 'run.sh changed: cannot add the camel-janus cases'
s = s.replace(anchor, anchor + cases)
url = 'URL="ws://127.0.0.1:$PORT"\n'
assert url in s
s = s.replace(url, url + f'CJ_CP="{snap}/classes:{snap}/lib/*"\n')
open(p, 'w').write(s)
PY

# 3. run it
export ANCHORS_WARMUP_S="${ANCHORS_WARMUP_S:-15}"
export ANCHORS_CLIENTS="${ANCHORS_CLIENTS:-java-raw java-jdk node-raw janode janus-go camel-janus-camel camel-janus-client-jdk}"
echo "harness copy: $WORK (results.md is written there); classpath snapshot: $SNAP" >&2
exec "$WORK/run.sh"
