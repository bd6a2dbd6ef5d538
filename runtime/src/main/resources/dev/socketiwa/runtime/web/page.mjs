// The app's page: loads the wasm app through the Direct Sockets shim and shows its state and log. DOM APIs and
// textContent only (no innerHTML), no inline script: it runs under the Isolated Web App CSP with Trusted Types enforced.
//
// For tests and tools: document.body.dataset.state is loading | binding | listening | stopped | failed;
// dataset.listen is the bound host:port and dataset.port the bound port once listening; #log holds one <li> per line;
// globalThis.socketiwa.stats holds the shim's counters. URL query: ?listen=host:port overrides the built-in address;
// ?txInFlight=N tunes how many sends may be outstanding before the app waits, ?txSockets=N how many sockets may share
// the sends, ?readBatch=N how many reads the shim asks of a socket at once
// (defaults in socketiwa-shim.mjs).
import { startServer } from "./socketiwa-shim.mjs";
import jsBodies from "./socketiwa-jsbodies.mjs";

const MAX_LOG_LINES = 500;
const logList = document.getElementById("log");
const stateText = document.getElementById("state");
const addressText = document.getElementById("address");
const counters = document.getElementById("counters");

function log(line, stream = "stdout") {
  const item = document.createElement("li");
  item.textContent = line;
  if (stream === "stderr") {
    item.className = "stderr";
  }
  logList.append(item);
  while (logList.childElementCount > MAX_LOG_LINES) {
    logList.firstElementChild.remove();
  }
}

function setState(state, detail) {
  document.body.dataset.state = state;
  stateText.textContent = state;
  addressText.textContent = detail ? "(" + detail + ")" : "";
  if (state === "listening") {
    document.body.dataset.listen = detail;
    document.body.dataset.port = detail.substring(detail.lastIndexOf(":") + 1);
  }
}

async function main() {
  const config = await (await fetch("socketiwa-config.json")).json();
  const listen = new URLSearchParams(location.search).get("listen") ?? config.listen ?? "127.0.0.1:4433";
  log("starting " + config.wasm + ", listen " + listen);
  const server = await startServer({
    wasm: new URL(config.wasm, location.href),
    listen,
    jsBodies,
    txInFlight: Number(new URLSearchParams(location.search).get("txInFlight") ?? 0) || undefined,
    txSockets: Number(new URLSearchParams(location.search).get("txSockets") ?? 0) || undefined,
    readBatch: Number(new URLSearchParams(location.search).get("readBatch") ?? 0) || undefined,
    log,
    onState: (state, detail) => {
      setState(state, detail);
      log(state + (detail ? ": " + detail : ""));
    },
  });
  globalThis.socketiwa = { stats: server.stats, stop: server.stop };
  const timer = setInterval(() => {
    const s = server.stats;
    counters.textContent = "received " + s.received + ", sent " + s.sent + ", waits " + s.waits;
  }, 500);
  await server.finished;
  clearInterval(timer);
}

main().catch((e) => {
  setState("failed", String(e?.message ?? e));
  log("failed: " + (e?.stack ?? e), "stderr");
});
