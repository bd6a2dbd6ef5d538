#!/usr/bin/env bash
# Builds the udp-echo example's signed Isolated Web App bundle (its `mvn package` runs the TeaVM wasm build and then
# signs the .swbn) and serves the app with socketiwa:dev for Chrome's IWA dev-proxy install. Extra arguments go to
# Maven, e.g. -Dsocketiwa.launch=true (start a local Chromium with the app installed) or -Dsocketiwa.listen=127.0.0.1:5000.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
# install, so the second command (run in the example alone) finds the plugin and runtime just built
mvn -B -pl examples/udp-echo -am install -DskipTests "$@"
echo "[serve-example] signed bundle: $(ls examples/udp-echo/target/*.swbn)"
exec mvn -B -f examples/udp-echo/pom.xml socketiwa:dev "$@"
