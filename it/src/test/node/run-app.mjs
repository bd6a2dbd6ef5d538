// Runs a socketiwa:compile output directory under Node 24 (Wasm GC + JSPI) with the dgram stand-in for UDPSocket,
// through the same shim and loader the browser page uses.
// Usage: node run-app.mjs <web dir> <listen host:port> [slow writer millis per datagram]
// Prints one JSON object per line: {"state": ...}, {"log": ..., "stream": ...}, and {"stats": ...} after each line
// read from stdin; exits when stdin closes.
import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import path from "node:path";
import readline from "node:readline";
import { UDPSocket } from "./udp-socket-standin.mjs";

const [webDir, listen, slowWriter] = process.argv.slice(2);
const out = (obj) => process.stdout.write(JSON.stringify(obj) + "\n");
const dir = path.resolve(webDir);
const { startServer } = await import(pathToFileURL(path.join(dir, "socketiwa-shim.mjs")).href);
const jsBodies = (await import(pathToFileURL(path.join(dir, "socketiwa-jsbodies.mjs")).href)).default;
const config = JSON.parse(await readFile(path.join(dir, "socketiwa-config.json"), "utf8"));
let sockets = [];
class TrackedSocket extends UDPSocket {
  constructor(options) {
    super({ ...options, slowWriterMillis: Number(slowWriter ?? 0) });
    sockets.push(this);
  }
}
try {
  const server = await startServer({
    wasm: await readFile(path.join(dir, config.wasm)),
    listen: listen ?? config.listen,
    jsBodies,
    UDPSocket: TrackedSocket,
    log: (line, stream) => out({ log: line, stream }),
    onState: (state, detail) => out({ state, detail }),
  });
  const rl = readline.createInterface({ input: process.stdin });
  rl.on("line", () => out({ stats: { ...server.stats, dropped: sockets.reduce((n, s) => n + s.dropped, 0) } }));
  rl.on("close", () => {
    server.stop();
    process.exit(0);
  });
  server.finished.then((code) => out({ finished: code }));
} catch (e) {
  out({ state: "failed", detail: String(e?.stack ?? e) });
  process.exit(1);
}
