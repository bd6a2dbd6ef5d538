#!/usr/bin/env bash
# UDP echo benchmark: the examples/udp-echo app on the JVM (socketiwa:run) and as an Isolated Web App in headless
# Chromium (socketiwa:dev, wasm + Direct Sockets), measured side by side in four load modes (burst, constant, ramp,
# chaos). Prints a table and ends with one line of browser/JVM ratios.
#
#   bench/run-udp-echo.sh [--quick|--full|--smoke] [--repeat N] [--json FILE] [--seed S] [--jvm-only] [--no-build]
#                         [--jvm-target HOST:PORT] [--browser-target HOST:PORT] [--with-node] [--with-nio] [--docs]
#
#   --quick (default) ~25 s of load per target; --full 15 s per paced mode; --smoke a seconds-long check.
#   --repeat N        run the whole sequence N times; each figure is the median run (default 1).
#   --jvm-only        skip the browser.
#   --with-node       also run the same wasm and shim under Node 24 with the it module's dgram stand-in for UDPSocket
#                     (it/src/test/node/run-app.mjs): separates the cost of wasm from that of Chromium's sockets.
#   --with-nio        also bench's own java.nio echo with 4 MiB socket buffers (dev.socketiwa.bench.echo.JvmUdpEcho),
#                     a reference for what the runtime's JVM transport could reach.
#   --no-build        reuse what an earlier run built and installed. Without it, only what is out of date is built: the
#                     modules examples/udp-echo needs when a source is newer than its installed artifact (then with -am,
#                     as before), else examples/udp-echo when a source is newer than its wasm, and bench when a source is
#                     newer than its classes.
#   --docs            also write docs/benchmarks.md and docs/benchmarks-udp-echo.svg (the ratio chart).
#   --jvm-target / --browser-target   measure an echo that is already running there instead of starting one.
# Extra Maven options (e.g. -o -Dmaven.repo.local=...) go in SOCKETIWA_MVN_ARGS. Loopback only. Logs of the started
# apps go to bench/target/run-udp-echo/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

jvm_target=""
browser_target=""
browser=yes
build=yes
docs=no
node=no
nio=no
invocation="bench/run-udp-echo.sh $*"
suite_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --jvm-target) jvm_target="$2"; shift 2 ;;
    --browser-target) browser_target="$2"; shift 2 ;;
    --jvm-only) browser=no; shift ;;
    --no-build) build=no; shift ;;
    --quick|--full|--smoke) suite_args+=("$1"); shift ;;
    --json|--seed|--repeat) suite_args+=("$1" "$2"); shift 2 ;;
    --docs) docs=yes; shift ;;
    --with-node) node=yes; shift ;;
    --with-nio) nio=yes; shift ;;
    -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
    *) echo "run-udp-echo.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done

if [ "$docs" = yes ] && [ "$browser" != yes ]; then
  echo "run-udp-echo.sh: --docs compares both homes; drop --jvm-only" >&2
  exit 2
fi

# shellcheck disable=SC2206
mvn_args=(-B ${SOCKETIWA_MVN_ARGS:-})
logs=bench/target/run-udp-echo

# The quick mode must stay under 3 minutes with its build, and rebuilding the plugin and the wasm when nothing changed
# is most of that; so the build is limited to what is out of date (by file times, like make).
local_repo() {
  local a
  for a in ${SOCKETIWA_MVN_ARGS:-}; do
    case "$a" in -Dmaven.repo.local=*) echo "${a#-Dmaven.repo.local=}"; return ;; esac
  done
  echo "${HOME}/.m2/repository"
}
project_version=$(sed -n '/<parent>/,/<\/parent>/d; s:^  <version>\(.*\)</version>.*:\1:p' pom.xml | head -1)
# true when a file under the given paths is newer than the file $1, or $1 is missing
newer_than() {
  local ref="$1"
  shift
  [ -e "$ref" ] || return 0
  [ -n "$(find "$@" -newer "$ref" -type f -print -quit 2>/dev/null)" ]
}
# a file that mvn install rewrites each time it installs a module directory (the artifacts keep their sources' times)
installed_artifact() {
  local id
  id=$(sed -n '/<parent>/,/<\/parent>/d; s:.*<artifactId>\(.*\)</artifactId>.*:\1:p' "$1/pom.xml" | head -1)
  echo "$(local_repo)/dev/socketiwa/$id/$project_version/maven-metadata-local.xml"
}
# the modules examples/udp-echo and bench are built from: every reactor module but the examples, it, archetype, bench*
upstream_stale=no
newer_than "$(installed_artifact .)" pom.xml && upstream_stale=yes
for m in $(sed -n 's:.*<module>\(.*\)</module>.*:\1:p' pom.xml); do
  case "$m" in examples/*|it|archetype|bench*) continue ;; esac
  newer_than "$(installed_artifact "$m")" "$m/src" "$m/pom.xml" pom.xml && upstream_stale=yes
done
if [ "$build" = yes ]; then
  if [ "$upstream_stale" = yes ]; then
    echo "[run-udp-echo] building and installing examples/udp-echo (wasm + bundle), the plugin and bench..."
    # installed, so socketiwa:run and socketiwa:dev below resolve the plugin by its prefix in the example alone
    mvn "${mvn_args[@]}" -q -pl examples/udp-echo,bench -am install -DskipTests
  else
    stale=()
    wasm=examples/udp-echo/target/socketiwa/web/app.wasm
    upstream_jars=()
    for id in socketiwa-runtime socketiwa-quic-stack socketiwa-maven-plugin; do
      upstream_jars+=("$(local_repo)/dev/socketiwa/$id/$project_version/$id-$project_version.jar")
    done
    # the jars themselves: resolving the plugin by its prefix rewrites the metadata files next to them
    if newer_than "$wasm" examples/udp-echo/src examples/udp-echo/pom.xml pom.xml "${upstream_jars[@]}"; then
      stale+=(examples/udp-echo)
    fi
    newer_than "bench/target/socketiwa-bench-$project_version.jar" bench/src/main bench/pom.xml pom.xml && stale+=(bench)
    if [ ${#stale[@]} -gt 0 ]; then
      echo "[run-udp-echo] the plugin, runtime and QUIC stack are installed and up to date; building ${stale[*]}..."
      mvn "${mvn_args[@]}" -q -pl "$(IFS=,; echo "${stale[*]}")" install -DskipTests
    else
      echo "[run-udp-echo] everything the suite runs is built and up to date"
    fi
  fi
fi
if newer_than bench/target/classpath.txt bench/pom.xml pom.xml; then
  mvn "${mvn_args[@]}" -q -pl bench dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
fi
cp="bench/target/classes:$(cat bench/target/classpath.txt)"
mkdir -p "$logs"

pids=()
cleanup() {
  exec 3>&- 2>/dev/null || true # closes the Node runner's stdin: it stops its server and exits
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
}
trap cleanup EXIT

mapfile -t udp_ports < <(java -cp "$cp" dev.socketiwa.bench.suite.FreePorts udp 3)
if [ -z "$jvm_target" ]; then
  jvm_target="127.0.0.1:${udp_ports[0]}"
  mvn "${mvn_args[@]}" -f examples/udp-echo/pom.xml socketiwa:run -Dsocketiwa.listen="$jvm_target" \
    >"$logs/jvm.log" 2>&1 &
  pids+=($!)
  echo "[run-udp-echo] JVM: examples/udp-echo with socketiwa:run on $jvm_target (log $logs/jvm.log)"
fi
if [ "$browser" = yes ] && [ -z "$browser_target" ]; then
  browser_target="127.0.0.1:${udp_ports[1]}"
  dev_port=$(java -cp "$cp" dev.socketiwa.bench.suite.FreePorts tcp 1)
  mvn "${mvn_args[@]}" -f examples/udp-echo/pom.xml socketiwa:dev -Dsocketiwa.launch=true -Dsocketiwa.headless=true \
    -Dsocketiwa.devPort="$dev_port" "-Dsocketiwa.open=/?listen=$browser_target" >"$logs/browser.log" 2>&1 &
  pids+=($!)
  echo "[run-udp-echo] browser: examples/udp-echo as an IWA in headless Chromium on $browser_target" \
    "(dev server 127.0.0.1:$dev_port, log $logs/browser.log)"
fi

if [ "$docs" = yes ]; then
  mkdir -p docs
  cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
  chromium_version=$( (chromium --version || chromium-browser --version) 2>/dev/null | head -1 || true)
  machine="${cpu:-unknown CPU}, $(nproc) cores, Linux $(uname -r), $(java -version 2>&1 | head -1),"
  machine="$machine ${chromium_version:-Chromium (version unknown)}, load average before the run $(cut -d' ' -f1-3 /proc/loadavg)"
  suite_args+=(--markdown docs/benchmarks.md --chart docs/benchmarks-udp-echo.svg --machine "$machine"
               --command "$invocation")
fi

node_target=""
if [ "$node" = yes ]; then
  node_target="127.0.0.1:${udp_ports[2]}"
  node_bin=test-tools/node/bin/node
  [ -x "$node_bin" ] || { echo "run-udp-echo.sh: $node_bin missing: run scripts/setup-test-tools.sh" >&2; exit 1; }
  rm -f "$logs/node.stdin"
  mkfifo "$logs/node.stdin"
  "$node_bin" it/src/test/node/run-app.mjs examples/udp-echo/target/socketiwa/web "$node_target" \
    <"$logs/node.stdin" >"$logs/node.log" 2>&1 &
  pids+=($!)
  exec 3>"$logs/node.stdin" # held open for the run: the runner exits when its stdin closes
  echo "[run-udp-echo] node: the same wasm and shim under Node 24 (dgram stand-in) on $node_target (log $logs/node.log)"
fi

nio_target=""
if [ "$nio" = yes ]; then
  java -cp "$cp" dev.socketiwa.bench.echo.JvmUdpEcho 0 >"$logs/nio.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 100); do
    nio_target=$(sed -n 's/^listening on //p' "$logs/nio.log" | head -1)
    [ -n "$nio_target" ] && break
    sleep 0.1
  done
  [ -n "$nio_target" ] || { echo "run-udp-echo.sh: the nio echo did not start: $(cat "$logs/nio.log")" >&2; exit 1; }
  echo "[run-udp-echo] nio: bench's java.nio echo on $nio_target"
fi

targets=(--target "jvm=$jvm_target")
if [ "$browser" = yes ]; then targets+=(--target "browser=$browser_target"); fi
if [ "$node" = yes ]; then targets+=(--target "node=$node_target"); fi
if [ "$nio" = yes ]; then targets+=(--target "nio=$nio_target"); fi
status=0
java -cp "$cp" dev.socketiwa.bench.suite.UdpEchoSuite --wait-ready 180 "${suite_args[@]}" "${targets[@]}" &
suite_pid=$!
# if an app dies (e.g. Chromium refused the install), stop at once instead of waiting out --wait-ready
while kill -0 "$suite_pid" 2>/dev/null; do
  for p in "${pids[@]}"; do
    if ! kill -0 "$p" 2>/dev/null; then
      echo "[run-udp-echo] an app exited before the measurement ended (pid $p); stopping" >&2
      kill "$suite_pid" 2>/dev/null || true
      status=1
    fi
  done
  sleep 1
done
wait "$suite_pid" || status=$?
if [ "$status" -ne 0 ]; then
  for f in "$logs"/*.log; do [ -f "$f" ] && { echo "--- tail of $f"; tail -n 30 "$f"; }; done >&2
fi
exit "$status"
