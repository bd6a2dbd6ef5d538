// What the webtransport-*.mjs scripts share: their first five arguments
//   <puppeteer-core dir> <chromium> <profile dir> <https url> <options JS text>
// and a headless Chromium tab on a page served from http://127.0.0.1 (a secure context, so it has WebTransport).
// onWebTransportPage(title, run) calls run(page, { url, optionsText, rest }) (rest: the arguments after the five),
// prints 'RESULT ' + what it resolves to, and closes the browser and the page's server however run ends.
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export async function onWebTransportPage(title, run) {
  const [puppeteerDir, chromium, profile, url, optionsText, ...rest] = process.argv.slice(2);
  const { default: puppeteer } = await import(pathToFileURL(path.join(puppeteerDir, 'lib/puppeteer/puppeteer-core.js')).href);
  const site = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><title>' + title + '</title>');
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
    console.log('RESULT ' + await run(page, { url, optionsText, rest }));
  } finally {
    await browser.close();
    site.close();
  }
}
