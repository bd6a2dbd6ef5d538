#!/usr/bin/env bash
# JMH microbenchmarks of the QUIC engine's hot paths, and the portable crypto's wasm/JVM throughput ratio.
#
#   bench-jmh/run-jmh.sh [--quick|--full] [--no-build] [--no-jmh] [--wasm-ratio] [--docs] [REGEX ...]
#
#   --quick (default) 1 fork, 1 x 1 s warm-up, 2 x 1 s measurement per benchmark (~3 min for all of them)
#   --full            2 forks, 3 x 2 s warm-up, 5 x 2 s measurement (~15 min)
#   --wasm-ratio      also compile the portable crypto loop to wasm (TeaVM), run it under Node 24 and the same loop on
#                     this JVM, and print wasm/JVM per suite and operation (needs scripts/setup-test-tools.sh)
#   --no-jmh          skip JMH (e.g. with --wasm-ratio only)
#   --docs            write the microbenchmark section of docs/benchmarks.md (between its markers; the other sections
#                     stay) from this run's JMH results (and the wasm ratio with --wasm-ratio)
#   REGEX             JMH's benchmark filter, e.g. AeadBenchmark or 'Qpack.*decode'
# Results: a table on stdout and bench-jmh/target/jmh-result.json. Extra Maven options (e.g. -o
# -Dmaven.repo.local=...) go in SOCKETIWA_MVN_ARGS.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
tag=run-jmh
# shellcheck source=bench/lib.sh
. bench/lib.sh

mode=quick
build=yes
jmh=yes
wasm=no
docs=no
invocation="bench-jmh/run-jmh.sh $*"
filters=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) mode=quick; shift ;;
    --full) mode=full; shift ;;
    --no-build) build=no; shift ;;
    --no-jmh) jmh=no; shift ;;
    --wasm-ratio) wasm=yes; shift ;;
    --docs) docs=yes; shift ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    -*) echo "run-jmh.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
    *) filters+=("$1"); shift ;;
  esac
done

# shellcheck disable=SC2206
mvn_args=(-B ${SOCKETIWA_MVN_ARGS:-})
if [ "$build" = yes ]; then
  echo "[run-jmh] building quic-stack and bench-jmh..."
  mvn "${mvn_args[@]}" -q -pl bench-jmh -am install -DskipTests
fi
mvn "${mvn_args[@]}" -q -pl bench-jmh dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
cp="bench-jmh/target/classes:$(cat bench-jmh/target/classpath.txt)"

if [ "$docs" = yes ] && [ "$jmh" != yes ]; then
  echo "run-jmh.sh: --docs writes this run's JMH results: drop --no-jmh" >&2
  exit 2
fi
rm -f bench-jmh/target/wasm-crypto/wasm-crypto.tsv
if [ "$jmh" = yes ]; then
  if [ "$mode" = quick ]; then
    opts=(-f 1 -wi 1 -w 1s -i 2 -r 1s)
  else
    opts=(-f 2 -wi 3 -w 2s -i 5 -r 2s)
  fi
  java -cp "$cp" org.openjdk.jmh.Main "${opts[@]}" -rf json -rff bench-jmh/target/jmh-result.json "${filters[@]}"
fi
if [ "$wasm" = yes ]; then
  echo "[run-jmh] portable crypto: wasm under Node 24 beside this JVM (TeaVM compile first, ~30 s)"
  java -cp "$cp" -Dsocketiwa.testTools="$root/test-tools" dev.socketiwa.bench.jmh.wasm.WasmCryptoRatio \
    bench-jmh/target/wasm-crypto
fi
if [ "$docs" = yes ]; then
  machine=$(bench_machine)
  wasm_args=()
  [ -f bench-jmh/target/wasm-crypto/wasm-crypto.tsv ] && wasm_args=(--wasm-tsv bench-jmh/target/wasm-crypto/wasm-crypto.tsv)
  java -cp "$cp" dev.socketiwa.bench.jmh.docs.MicrobenchmarkDocs --jmh-json bench-jmh/target/jmh-result.json \
    "${wasm_args[@]}" --markdown docs/benchmarks.md --machine "$machine" --command "$invocation"
  echo "[run-jmh] wrote the microbenchmark section of docs/benchmarks.md"
fi
