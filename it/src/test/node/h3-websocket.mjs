// Chromium as a WebSocket-over-HTTP/3 (RFC 9220) client of a server on 127.0.0.1: QUIC forced for the origin, the
// self-signed certificate allowed by SPKI hash, and Chromium's EnableWebsocketsOverHttp3 feature (off by default in
// Chromium 156) switched on when the last argument is "on". The server listens on UDP only: a WebSocket that opens at
// all went over HTTP/3. Usage:
//   node h3-websocket.mjs <puppeteer-core dir> <chromium> <profile dir> <port> <spki base64> <on|off>
// Loads https://127.0.0.1:<port>/ then opens wss://127.0.0.1:<port>/ws, echoes a text and a binary message, closes
// with 4000/"bye". Prints one line: RESULT <JSON>.
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [puppeteerDir, chromium, profile, port, spki, feature] = process.argv.slice(2);
const { default: puppeteer } = await import(pathToFileURL(path.join(puppeteerDir, 'lib/puppeteer/puppeteer-core.js')).href);
const origin = 'https://127.0.0.1:' + port;
const args = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--user-data-dir=' + profile,
  '--origin-to-force-quic-on=127.0.0.1:' + port, '--ignore-certificate-errors-spki-list=' + spki];
if (feature === 'on') args.push('--enable-features=EnableWebsocketsOverHttp3');
const browser = await puppeteer.launch({ executablePath: chromium, headless: true, args });
try {
  const page = await browser.newPage();
  const response = await page.goto(origin + '/', { timeout: 20000 });
  const result = await page.evaluate(async (url) => {
    const out = { events: [] };
    const ws = new WebSocket(url);
    ws.binaryType = 'arraybuffer';
    const next = () => new Promise((resolve) => {
      ws.onmessage = (e) => resolve(typeof e.data === 'string' ? 'text:' + e.data : 'binary:' + e.data.byteLength);
      ws.onclose = (e) => resolve('close:' + e.code + ':' + e.reason);
      ws.onerror = () => out.events.push('error');
    });
    const opened = await Promise.race([
      new Promise((resolve) => { ws.onopen = () => resolve(true); ws.onclose = (e) => resolve('close:' + e.code); }),
      new Promise((resolve) => setTimeout(() => resolve('timeout'), 8000))]);
    out.opened = opened;
    if (opened !== true) return out;
    out.protocol = ws.protocol;
    out.extensions = ws.extensions;
    let reply = next();
    ws.send('hello over h3');
    out.events.push(await reply);
    reply = next();
    ws.send(new Uint8Array(70000));
    out.events.push(await reply);
    reply = next();
    ws.close(4000, 'bye');
    out.events.push(await reply);
    return out;
  }, origin.replace('https:', 'wss:') + '/ws');
  result.pageStatus = response.status();
  console.log('RESULT ' + JSON.stringify(result));
} finally {
  await browser.close();
}
