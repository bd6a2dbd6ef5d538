#!/usr/bin/env bash
# Builds the udp-echo example's signed Isolated Web App bundle (one `mvn package`: TeaVM wasm + web files, then the
# signed .swbn) and serves the app with socketiwa:dev for Chrome's IWA dev-proxy install. Extra arguments go to Maven,
# e.g. -Dsocketiwa.launch=true to start a local Chromium with the app installed, or -Dsocketiwa.listen=127.0.0.1:5000.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
mvn -B -pl examples/udp-echo -am package -DskipTests "$@"
echo "[serve-example] signed bundle: $(ls examples/udp-echo/target/*.swbn)"
# TODO(browser helper): socketiwa:dev lands with the browser branch; until it is merged this step fails with
# "Could not find goal 'dev'". The same reactor must be named so Maven finds the plugin built above.
exec mvn -B -pl examples/udp-echo -am socketiwa:dev "$@"
