#!/usr/bin/env bash
# QUIC and HTTP/3 benchmark: examples/quic-echo on the JVM (socketiwa:run) and as an Isolated Web App in headless
# Chromium (socketiwa:dev, wasm + Direct Sockets), and ngtcp2's gtlsserver as the native anchor, measured in one run:
# handshakes/s (our QuicClient), echo-stream throughput (our QuicClient, ALPN echo), HTTP/3 download and HTTP/3
# requests/s (ngtcp2 gtlsclient against all three), WebTransport datagram echoes/s (our HTTP/3 client, /wt). Prints a
# table and ends with one line of browser/JVM ratios.
#
#   bench/run-quic.sh [--quick|--full|--smoke] [--json FILE] [--jvm-only] [--no-native] [--no-build] [--docs]
#                     [--jvm-target HOST:PORT] [--browser-target HOST:PORT]
#
#   --quick (default) a few seconds per measurement and target (about 3 min with the build); --full longer runs,
#                     larger transfers (about 10 min); --smoke a seconds-long check.
#   --jvm-only        skip the browser; --no-native skips gtlsserver.
#   --no-build        reuse what an earlier run built and installed.
#   --docs            write the QUIC section of docs/benchmarks.md (between its markers; the UDP section stays) and
#                     docs/benchmarks-quic.svg (the ratio chart).
#   --jvm-target / --browser-target   measure a quic-echo that is already running there instead of starting one.
# Extra Maven options (e.g. -o -Dmaven.repo.local=...) go in SOCKETIWA_MVN_ARGS. Loopback only. Logs of the started
# apps and gtlsclient's downloads go to bench/target/run-quic/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
tag=run-quic
# shellcheck source=bench/lib.sh
. bench/lib.sh

native=yes
invocation="bench/run-quic.sh $*"
while [ $# -gt 0 ]; do
  if bench_app_option "$@"; then shift "$taken"; continue; fi
  case "$1" in
    --no-native) native=no; shift ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "run-quic.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done

if [ "$docs" = yes ] && { [ "$browser" != yes ] || [ "$native" != yes ]; }; then
  echo "run-quic.sh: --docs compares all three (JVM, browser, native); drop --jvm-only / --no-native" >&2
  exit 2
fi
command -v gtlsclient >/dev/null || [ -x /usr/bin/gtlsclient ] || {
  echo "run-quic.sh: gtlsclient missing: run scripts/setup-test-tools.sh (apt-get install ngtcp2-client ngtcp2-server)" >&2
  exit 1
}

# shellcheck disable=SC2206
mvn_args=(-B ${SOCKETIWA_MVN_ARGS:-})
logs=bench/target/run-quic
if [ "$build" = yes ]; then
  echo "[run-quic] building and installing examples/quic-echo (wasm + bundle), the plugin and bench..."
  # installed, so socketiwa:run and socketiwa:dev below resolve the plugin by its prefix in the example alone
  mvn "${mvn_args[@]}" -q -pl examples/quic-echo,bench -am install -DskipTests
fi
mvn "${mvn_args[@]}" -q -pl bench dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
cp="bench/target/classes:$(cat bench/target/classpath.txt)"
mkdir -p "$logs"

trap bench_cleanup EXIT

mapfile -t udp_ports < <(java -cp "$cp" dev.socketiwa.bench.suite.FreePorts udp 2)
bench_start_apps quic-echo
if [ "$docs" = yes ]; then bench_docs_args docs/benchmarks-quic.svg; fi

targets=(--target "jvm=$jvm_target")
if [ "$browser" = yes ]; then targets+=(--target "browser=$browser_target"); fi
if [ "$native" = yes ]; then targets+=(--with-native); fi
status=0
bench_run_suite "$logs" java -cp "$cp" dev.socketiwa.bench.quic.QuicSuite --wait-ready 180 --work "$logs" "${suite_args[@]}" "${targets[@]}" || status=$?
exit "$status"
