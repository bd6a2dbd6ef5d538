# Shell shared by bench/run-*.sh and bench-jmh/run-jmh.sh (sourced, not run). The caller sets `tag` (the prefix of its
# messages, e.g. run-quic) before calling these functions.

# The machine line of docs/benchmarks.md: CPU, cores, JVM; with "chromium" as $1 also the kernel and Chromium's
# version. The load average is read now, i.e. before the run when called before it.
bench_machine() {
  local cpu chromium_version machine
  cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
  if [ "${1:-}" = chromium ]; then
    chromium_version=$( (chromium --version || chromium-browser --version) 2>/dev/null | head -1 || true)
    machine="${cpu:-unknown CPU}, $(nproc) cores, Linux $(uname -r), $(java -version 2>&1 | head -1),"
    echo "$machine ${chromium_version:-Chromium (version unknown)}, load average before the run $(cut -d' ' -f1-3 /proc/loadavg)"
  else
    machine="${cpu:-unknown CPU}, $(nproc) cores, $(java -version 2>&1 | head -1), load average before the docs were"
    echo "$machine written $(cut -d' ' -f1-3 /proc/loadavg)"
  fi
}

# The options run-quic.sh and run-udp-echo.sh both take, with their defaults. bench_app_option "$@": when $1 is one
# of them, applies it, sets `taken` to how many arguments it used and succeeds; else fails.
jvm_target=""
browser_target=""
browser=yes
build=yes
docs=no
suite_args=()
bench_app_option() {
  case "$1" in
    --jvm-target) jvm_target="$2"; taken=2 ;;
    --browser-target) browser_target="$2"; taken=2 ;;
    --jvm-only) browser=no; taken=1 ;;
    --no-build) build=no; taken=1 ;;
    --quick|--full|--smoke) suite_args+=("$1"); taken=1 ;;
    --json) suite_args+=("$1" "$2"); taken=2 ;;
    --docs) docs=yes; taken=1 ;;
    *) return 1 ;;
  esac
}

# Background processes this run started; stopped on exit.
pids=()
bench_cleanup() {
  exec 3>&- 2>/dev/null || true # closes the Node runner's stdin where one was started: it stops its server and exits
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
}

# bench_start_apps EXAMPLE: starts examples/EXAMPLE on the JVM (socketiwa:run) on jvm_target, and with browser=yes
# as an IWA in headless Chromium (socketiwa:dev) on browser_target; a target already set means an app that already
# runs there. Empty targets get 127.0.0.1 and udp_ports[0] / udp_ports[1]. Reads mvn_args, cp and logs.
bench_start_apps() {
  local example="$1" dev_port
  if [ -z "$jvm_target" ]; then
    jvm_target="127.0.0.1:${udp_ports[0]}"
    mvn "${mvn_args[@]}" -f "examples/$example/pom.xml" socketiwa:run -Dsocketiwa.listen="$jvm_target" \
      >"$logs/jvm.log" 2>&1 &
    pids+=($!)
    echo "[$tag] JVM: examples/$example with socketiwa:run on $jvm_target (log $logs/jvm.log)"
  fi
  if [ "$browser" = yes ] && [ -z "$browser_target" ]; then
    browser_target="127.0.0.1:${udp_ports[1]}"
    dev_port=$(java -cp "$cp" dev.socketiwa.bench.suite.FreePorts tcp 1)
    mvn "${mvn_args[@]}" -f "examples/$example/pom.xml" socketiwa:dev -Dsocketiwa.launch=true -Dsocketiwa.headless=true \
      -Dsocketiwa.devPort="$dev_port" "-Dsocketiwa.open=/?listen=$browser_target" >"$logs/browser.log" 2>&1 &
    pids+=($!)
    echo "[$tag] browser: examples/$example as an IWA in headless Chromium on $browser_target" \
      "(dev server 127.0.0.1:$dev_port, log $logs/browser.log)"
  fi
}

# bench_docs_args CHART: adds to suite_args what makes the suite write its section of docs/benchmarks.md and the
# ratio chart CHART, with the machine line and the command ($invocation) that produced them.
bench_docs_args() {
  mkdir -p docs
  suite_args+=(--markdown docs/benchmarks.md --chart "$1" --machine "$(bench_machine chromium)" --command "$invocation")
}

# bench_run_suite LOGS COMMAND...: runs the suite in the background and waits for it; if a started app dies (e.g.
# Chromium refused the install), stops at once instead of waiting out --wait-ready. On failure prints the tails of
# the logs. Returns the suite's status.
bench_run_suite() {
  local logs="$1" status=0 suite_pid p f
  shift
  "$@" &
  suite_pid=$!
  while kill -0 "$suite_pid" 2>/dev/null; do
    for p in "${pids[@]}"; do
      if ! kill -0 "$p" 2>/dev/null; then
        echo "[$tag] an app exited before the measurement ended (pid $p); stopping" >&2
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
  return "$status"
}
