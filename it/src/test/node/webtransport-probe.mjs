// Opens a WebTransport session from Chromium to a QUIC server, with the options given as JavaScript text (the
// snippet socketiwa:cert prints goes in there verbatim). Usage:
//   node webtransport-probe.mjs <puppeteer-core dir> <chromium> <profile dir> <https url> <options JS text>
// Prints one line: RESULT ready | RESULT error <message>. Whether Chromium accepted the certificate is seen on the
// server side (a completed handshake vs. a CERTIFICATE_VERIFY_FAILED close): the JS error does not say.
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [puppeteerDir, chromium, profile, url, optionsText] = process.argv.slice(2);
const { default: puppeteer } = await import(pathToFileURL(path.join(puppeteerDir, 'lib/puppeteer/puppeteer-core.js')).href);

// A page on http://127.0.0.1 is a secure context, so it has WebTransport.
const site = http.createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'text/html' });
  res.end('<!doctype html><title>probe</title>');
});
await new Promise((resolve) => site.listen(0, '127.0.0.1', resolve));
const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--user-data-dir=' + profile],
});
try {
  const page = await browser.newPage();
  await page.goto('http://127.0.0.1:' + site.address().port + '/');
  const result = await page.evaluate(async (url, optionsText) => {
    // Evaluated as the user would paste it into their page's code.
    const options = Function('"use strict"; return ({ ' + optionsText + ' });')();
    try {
      const wt = new WebTransport(url, options);
      await Promise.race([wt.ready, new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 10000))]);
      return 'ready';
    } catch (e) {
      return 'error ' + e;
    }
  }, url, optionsText);
  console.log('RESULT ' + result);
} finally {
  await browser.close();
  site.close();
}
