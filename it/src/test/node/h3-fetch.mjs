// Chromium as an HTTP/3 client of a server on 127.0.0.1: QUIC is forced for that origin and the server's self-signed
// certificate is allowed by its SPKI hash. Usage:
//   node h3-fetch.mjs <puppeteer-core dir> <chromium> <profile dir> <port> <base64 sha256 of the certificate's SPKI>
// Opens https://127.0.0.1:<port>/ (so later fetches are same-origin), then POSTs /echo and GETs /bytes/<n>.
// Prints one line: RESULT <JSON>.
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [puppeteerDir, chromium, profile, port, spki] = process.argv.slice(2);
const { default: puppeteer } = await import(pathToFileURL(path.join(puppeteerDir, 'lib/puppeteer/puppeteer-core.js')).href);
const origin = 'https://127.0.0.1:' + port;
const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--user-data-dir=' + profile,
    '--origin-to-force-quic-on=127.0.0.1:' + port, '--ignore-certificate-errors-spki-list=' + spki],
});
try {
  const page = await browser.newPage();
  const response = await page.goto(origin + '/', { timeout: 20000 });
  const result = await page.evaluate(async () => {
    const out = { title: document.title };
    const body = new Uint8Array(300000);
    for (let i = 0; i < body.length; i++) body[i] = (i * 31 + 7) & 0xff;
    const echo = await fetch('/echo', { method: 'POST', body, headers: { 'content-type': 'application/x-test' } });
    const echoed = new Uint8Array(await echo.arrayBuffer());
    out.echoStatus = echo.status;
    out.echoType = echo.headers.get('content-type');
    out.echoIdentical = echoed.length === body.length && echoed.every((b, i) => b === body[i]);
    const bytes = await fetch('/bytes/1000000');
    out.bytesStatus = bytes.status;
    out.bytesLength = (await bytes.arrayBuffer()).byteLength;
    // the same answer three times: its fields come from the dynamic table once Chromium acknowledged the inserts
    let missingStatus = 0;
    for (let i = 0; i < 3; i++) {
      const missing = await fetch('/nope');
      await missing.text();
      missingStatus = missing.status;
    }
    out.missingStatus = missingStatus;
    out.protocols = [...new Set(performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
      .map((e) => e.nextHopProtocol))];
    return out;
  });
  result.pageStatus = response.status();
  console.log('RESULT ' + JSON.stringify(result));
} finally {
  await browser.close();
}
