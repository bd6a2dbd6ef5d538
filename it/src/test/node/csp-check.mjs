// Loads a socketiwa:compile output in headless Chromium from a local HTTP server that sends the exact Isolated Web App
// headers (CSP with Trusted Types, COOP/COEP/CORP), with an in-memory UDPSocket stand-in injected before the page
// script, then echoes datagrams through the wasm app. Reports CSP violations and console errors as JSON on stdout.
// Usage: node csp-check.mjs <web dir> <chromium> <node_modules dir>
import http from "node:http";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { createRequire } from "node:module";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";

const [webDir, chromium, nodeModules] = process.argv.slice(2);
const require = createRequire(path.join(path.resolve(nodeModules), "noop.js"));
const puppeteer = require("puppeteer-core");

export const IWA_CSP = "base-uri 'none'; default-src 'self'; object-src 'none'; frame-src 'self' https: blob: data:; "
    + "connect-src 'self' https: wss: blob: data:; script-src 'self' 'wasm-unsafe-eval'; img-src 'self' https: blob: data:; "
    + "media-src 'self' https: blob: data:; font-src 'self' blob: data:; style-src 'self' 'unsafe-inline'; "
    + "require-trusted-types-for 'script'; frame-ancestors 'self'";
const TYPES = { ".html": "text/html", ".mjs": "text/javascript", ".js": "text/javascript", ".css": "text/css",
  ".json": "application/json", ".wasm": "application/wasm" };

// The stand-in: datagrams injected by the test come out of `readable`; what the app writes is recorded.
const STANDIN = `
globalThis.cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  globalThis.cspViolations.push(e.violatedDirective + " " + e.blockedURI + " " + (e.sample || ""));
});
// Negative control: proves this page really enforces the CSP (the app itself must cause no violation).
try {
  new Function("return 'socketiwa-csp-probe'")();
  globalThis.evalBlocked = false;
} catch (e) {
  globalThis.evalBlocked = e instanceof EvalError;
}
let controller;
const echoes = [];
globalThis.fakeUdp = {
  echoes,
  inject(bytes, remoteAddress, remotePort) {
    controller.enqueue({ data: new Uint8Array(bytes), remoteAddress, remotePort });
  },
};
globalThis.UDPSocket = class {
  constructor(options) {
    const readable = new ReadableStream({ start(c) { controller = c; } });
    const writable = new WritableStream({ write(m) { echoes.push({ data: Array.from(m.data), remoteAddress: m.remoteAddress, remotePort: m.remotePort }); } });
    this.opened = Promise.resolve({ readable, writable, localAddress: options.localAddress, localPort: options.localPort });
    this.closed = new Promise(() => {});
  }
  close() {}
};
`;

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url, "http://127.0.0.1");
  const headers = {
    "content-security-policy": IWA_CSP,
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-embedder-policy": "require-corp",
    "cross-origin-resource-policy": "same-origin",
  };
  try {
    let body;
    let name = url.pathname === "/" ? "index.html" : path.basename(url.pathname);
    if (name === "udp-standin.mjs") {
      body = STANDIN;
    } else {
      body = await readFile(path.join(webDir, name));
      if (name === "index.html") {
        body = body.toString().replace('<script type="module" src="page.mjs">',
            '<script type="module" src="udp-standin.mjs"></script><script type="module" src="page.mjs">');
      }
    }
    res.writeHead(200, { ...headers, "content-type": TYPES[path.extname(name)] ?? "application/octet-stream" });
    res.end(body);
  } catch (e) {
    res.writeHead(404, headers);
    res.end();
  }
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const port = server.address().port;
const profile = await mkdtemp(path.join(os.tmpdir(), "socketiwa-csp-"));
const result = { consoleErrors: [], pageErrors: [] };
const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  userDataDir: profile,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run"],
});
try {
  const page = await browser.newPage();
  page.on("console", (m) => { if (m.type() === "error") result.consoleErrors.push(m.text()); });
  page.on("pageerror", (e) => result.pageErrors.push(String(e)));
  await page.goto("http://127.0.0.1:" + port + "/?listen=127.0.0.1:5555");
  await page.waitForFunction(() => ["listening", "failed"].includes(document.body.dataset.state), { timeout: 30000 });
  result.state = await page.evaluate(() => document.body.dataset.state);
  result.listen = await page.evaluate(() => document.body.dataset.listen ?? null);
  if (result.state === "listening") {
    result.sent = 100;
    await page.evaluate((n) => {
      for (let i = 0; i < n; i++) {
        const bytes = [];
        for (let k = 0; k <= i * 14; k++) bytes.push((i * 31 + k * 7) & 0xff);
        globalThis.fakeUdp.inject(bytes, i % 2 ? "::1" : "10.1.2.3", 40000 + i);
      }
    }, result.sent);
    await page.waitForFunction((n) => globalThis.fakeUdp.echoes.length >= n, { timeout: 10000 }, result.sent).catch(() => {});
    result.echoesCorrect = await page.evaluate((n) => {
      let ok = 0;
      globalThis.fakeUdp.echoes.forEach((e, i) => {
        const expectAddress = i % 2 ? "0:0:0:0:0:0:0:1" : "10.1.2.3";
        let same = e.data.length === i * 14 + 1 && e.remotePort === 40000 + i && e.remoteAddress === expectAddress;
        for (let k = 0; same && k < e.data.length; k++) same = e.data[k] === ((i * 31 + k * 7) & 0xff);
        if (same) ok++;
      });
      return ok;
    }, result.sent);
  }
  result.log = await page.evaluate(() => Array.from(document.querySelectorAll("#log li"), (li) => li.textContent));
  result.evalBlocked = await page.evaluate(() => globalThis.evalBlocked);
  result.violations = await page.evaluate(() => globalThis.cspViolations ?? null);
} finally {
  await browser.close();
  server.close();
  await rm(profile, { recursive: true, force: true });
}
process.stdout.write(JSON.stringify(result) + "\n");
