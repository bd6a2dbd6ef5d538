#!/usr/bin/env bash
# Measures a UDP echo in the four load modes (burst, constant, ramp, chaos) and prints a table, ending with one line of
# figures (or of browser/JVM ratios when a browser target is given).
#
#   bench/run-udp-echo.sh [--quick|--full|--smoke] [--json FILE] [--jvm-target HOST:PORT] [--browser-target HOST:PORT]
#
# Without --jvm-target it starts the bench module's plain java.nio echo (dev.socketiwa.bench.echo.JvmUdpEcho) in its own
# JVM as the JVM reference, and stops it at the end. Pass --jvm-target to measure an echo you started yourself instead
# (e.g. examples/udp-echo with socketiwa:run), and --browser-target for the wasm echo running in Chromium.
# Extra Maven options (e.g. -Dmaven.repo.local=...) go in SOCKETIWA_MVN_ARGS. Loopback only.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

jvm_target=""
browser_target=""
suite_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --jvm-target) jvm_target="$2"; shift 2 ;;
    --browser-target) browser_target="$2"; shift 2 ;;
    --quick|--full|--smoke) suite_args+=("$1"); shift ;;
    --json|--seed) suite_args+=("$1" "$2"); shift 2 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "run-udp-echo.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done

# shellcheck disable=SC2086
mvn -B -q ${SOCKETIWA_MVN_ARGS:-} -pl bench -am package -DskipTests
# shellcheck disable=SC2086
mvn -B -q ${SOCKETIWA_MVN_ARGS:-} -pl bench dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
cp="bench/target/classes:$(cat bench/target/classpath.txt)"

echo_pid=""
cleanup() { if [ -n "$echo_pid" ]; then kill "$echo_pid" 2>/dev/null || true; wait "$echo_pid" 2>/dev/null || true; fi; }
trap cleanup EXIT

if [ -z "$jvm_target" ]; then
  log=$(mktemp)
  java -cp "$cp" dev.socketiwa.bench.echo.JvmUdpEcho 0 >"$log" 2>&1 &
  echo_pid=$!
  for _ in $(seq 1 100); do
    if grep -q '^listening on ' "$log"; then break; fi
    if ! kill -0 "$echo_pid" 2>/dev/null; then cat "$log" >&2; echo "run-udp-echo.sh: the JVM echo did not start" >&2; exit 1; fi
    sleep 0.1
  done
  jvm_target=$(sed -n 's/^listening on //p' "$log" | head -1)
  [ -n "$jvm_target" ] || { echo "run-udp-echo.sh: the JVM echo printed no address" >&2; exit 1; }
  rm -f "$log"
  echo "JVM echo (bench's java.nio echo, pid $echo_pid) on $jvm_target"
fi

targets=(--target "jvm=$jvm_target")
if [ -n "$browser_target" ]; then targets+=(--target "browser=$browser_target"); fi
java -cp "$cp" dev.socketiwa.bench.suite.UdpEchoSuite "${suite_args[@]}" "${targets[@]}"
