#!/usr/bin/env bash
# Builds quic-go's interop-runner client and server from Debian's quic-go sources (golang-github-lucas-clemente-quic-go-dev),
# offline. Upstream hard-codes /logs, /downloads, /certs, /www and :443 for its Docker images; the copy built here reads
# them from QUIC_GO_LOGS, QUIC_GO_DOWNLOADS, QUIC_GO_CERTS, QUIC_GO_WWW and QUIC_GO_ADDR so tests can use temp dirs and
# loopback ports. Output: $1/peers/quic-go/{interop-client,interop-server}.
# Both also need QLOGDIR set to a writable directory (upstream's qlog tracer dereferences a nil writer without it).
set -euo pipefail
tools=$1
out="$tools/peers/quic-go"
src=/usr/share/gocode/src/github.com/lucas-clemente/quic-go
stamp="$out/.built-from"
want="$(dpkg-query -W -f='${Version}' golang-github-lucas-clemente-quic-go-dev) $(sha256sum "$0" | cut -c1-16)"
if [ -x "$out/interop-client" ] && [ -x "$out/interop-server" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/src/github.com/lucas-clemente"
cp -r "$src" "$work/src/github.com/lucas-clemente/quic-go"
interop="$work/src/github.com/lucas-clemente/quic-go/interop"
sed -i 's#os.Create("/logs/log.txt")#os.Create(os.Getenv("QUIC_GO_LOGS") + "/log.txt")#' "$interop/client/main.go" "$interop/server/main.go"
sed -i 's#os.Create("/downloads" + req.URL.Path)#os.Create(os.Getenv("QUIC_GO_DOWNLOADS") + req.URL.Path)#' "$interop/client/main.go"
sed -i 's#"/certs/cert.pem", "/certs/priv.key"#os.Getenv("QUIC_GO_CERTS")+"/cert.pem", os.Getenv("QUIC_GO_CERTS")+"/priv.key"#; s#Addr:\( *\)":443"#Addr:\1os.Getenv("QUIC_GO_ADDR")#; s#http.Dir("/www")#http.Dir(os.Getenv("QUIC_GO_WWW"))#' "$interop/server/main.go"
for f in client server; do
  grep -q 'os.Getenv("QUIC_GO_LOGS")' "$interop/$f/main.go" || { echo "patching quic-go interop $f failed: sources changed" >&2; exit 1; }
done
mkdir -p "$out"
export GOPATH="$work:/usr/share/gocode" GO111MODULE=off GOPROXY=off GOFLAGS= GOCACHE="$work/cache"
(cd "$interop/client" && go build -o "$out/interop-client" .)
(cd "$interop/server" && go build -o "$out/interop-server" .)
echo "$want" > "$stamp"
