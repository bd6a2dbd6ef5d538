// The app's page: loads the wasm app through the Direct Sockets shim and shows its state and log. DOM APIs and
// textContent only (no innerHTML), no inline script: it runs under the Isolated Web App CSP with Trusted Types enforced.
//
// For tests and tools: document.body.dataset.state is loading | binding | listening | stopped | failed;
// dataset.listen is the bound host:port and dataset.port the bound port once listening; #log holds one <li> per line;
// globalThis.socketiwa.stats holds the shim's counters; globalThis.socketiwa.certificates the certificates the app
// publishes for WebTransport clients to pin ({certificates: [{sha256, sha256Hex, notBefore, notAfter, ...}], snippet},
// replaced on every rotation), also shown in #certificates. URL query: ?listen=host:port overrides the built-in address;
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
const socketiwa = (globalThis.socketiwa ??= {});

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

/** Shows what the app published (CertificateHashes.toJson): each hash with its validity, and the client snippet. */
function showCertificates(published) {
  socketiwa.certificates = published;
  const list = document.getElementById("certificate-list");
  list.replaceChildren(...published.certificates.map((c) => {
    const item = document.createElement("li");
    item.textContent = "sha-256 " + c.sha256Hex + " (base64 " + c.sha256 + "), valid " + c.notBefore + " to " + c.notAfter;
    return item;
  }));
  document.getElementById("snippet").textContent = published.snippet;
  document.getElementById("certificates").hidden = false;
  log("certificates to pin: " + published.certificates.map((c) => c.sha256Hex + " until " + c.notAfter).join(", "));
}

document.getElementById("copy-snippet").addEventListener("click", async () => {
  try {
    await navigator.clipboard.writeText(document.getElementById("snippet").textContent);
  } catch (e) {
    log("copy failed (" + e + "): select the snippet and copy it by hand", "stderr");
  }
});

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
    onCertificates: showCertificates,
    onState: (state, detail) => {
      setState(state, detail);
      log(state + (detail ? ": " + detail : ""));
    },
  });
  socketiwa.stats = server.stats;
  socketiwa.stop = server.stop;
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
