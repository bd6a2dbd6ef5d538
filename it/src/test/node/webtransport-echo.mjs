// Chromium's WebTransport as the client of a WebTransport echo server (examples/quic-echo's /wt): datagrams, a
// bidirectional stream and a unidirectional stream echoed, then a close with a code and reason. Usage:
//   node webtransport-echo.mjs <puppeteer-core dir> <chromium> <profile dir> <https url> <options JS text> <code> <reason>
// The options text is the serverCertificateHashes snippet socketiwa:cert prints. Prints one line: RESULT <JSON>.
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [puppeteerDir, chromium, profile, url, optionsText, closeCode, closeReason] = process.argv.slice(2);
const { default: puppeteer } = await import(pathToFileURL(path.join(puppeteerDir, 'lib/puppeteer/puppeteer-core.js')).href);

// A page on http://127.0.0.1 is a secure context, so it has WebTransport.
const site = http.createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'text/html' });
  res.end('<!doctype html><title>webtransport echo</title>');
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
  page.on('console', (m) => console.log('[page] ' + m.text()));
  await page.goto('http://127.0.0.1:' + site.address().port + '/');
  const result = await page.evaluate(async (url, optionsText, closeCode, closeReason) => {
    const out = {};
    const step = (name) => { out.step = name; };
    const withTimeout = (p, ms, what) => Promise.race([p,
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout: ' + what)), ms))]);
    const readAll = async (readable) => {
      const reader = readable.getReader();
      const chunks = [];
      let total = 0;
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        chunks.push(value);
        total += value.length;
      }
      const all = new Uint8Array(total);
      let at = 0;
      for (const c of chunks) { all.set(c, at); at += c.length; }
      return all;
    };
    const same = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);
    const pattern = (n, seed) => { const b = new Uint8Array(n); for (let i = 0; i < n; i++) b[i] = (i * seed + 11) & 0xff; return b; };
    try {
      const options = Function('"use strict"; return ({ ' + optionsText + ' });')();
      step('connect');
      const wt = new WebTransport(url, options);
      await withTimeout(wt.ready, 10000, 'ready');
      out.ready = true;

      // Datagrams are unreliable: send a few rounds until echoes come back.
      step('datagrams');
      const dgWriter = wt.datagrams.writable.getWriter();
      const dgReader = wt.datagrams.readable.getReader();
      const sent = new Set();
      const echoed = new Set();
      const receiving = (async () => {
        while (echoed.size < 3) {
          const { value, done } = await dgReader.read();
          if (done) break;
          echoed.add(new TextDecoder().decode(value));
        }
      })();
      for (let round = 0; round < 20 && echoed.size < 3; round++) {
        for (let i = 0; i < 3; i++) {
          const text = 'datagram ' + i;
          sent.add(text);
          await dgWriter.write(new TextEncoder().encode(text));
        }
        await Promise.race([receiving, new Promise((r) => setTimeout(r, 200))]);
      }
      out.datagramsEchoed = [...echoed].sort();
      out.datagramsAllKnown = [...echoed].every((t) => sent.has(t));

      step('bidi');
      const bidiData = pattern(200000, 7);
      const bidi = await wt.createBidirectionalStream();
      const bidiWriter = bidi.writable.getWriter();
      const bidiRead = readAll(bidi.readable);
      await bidiWriter.write(bidiData);
      await bidiWriter.close();
      const bidiBack = await withTimeout(bidiRead, 20000, 'bidi echo');
      out.bidiLength = bidiBack.length;
      out.bidiIdentical = same(bidiBack, bidiData);

      step('uni');
      const uniData = pattern(50000, 3);
      const incoming = wt.incomingUnidirectionalStreams.getReader();
      const uni = await wt.createUnidirectionalStream();
      const uniWriter = uni.getWriter();
      await uniWriter.write(uniData);
      await uniWriter.close();
      const { value: answer } = await withTimeout(incoming.read(), 20000, 'uni answer stream');
      const uniBack = await withTimeout(readAll(answer), 20000, 'uni answer');
      out.uniLength = uniBack.length;
      out.uniIdentical = same(uniBack, uniData);

      step('close');
      wt.close({ closeCode: Number(closeCode), reason: closeReason });
      const closed = await withTimeout(wt.closed, 10000, 'closed');
      out.closedLocally = closed;
      step('done');
    } catch (e) {
      out.error = String(e);
    }
    return out;
  }, url, optionsText, closeCode, closeReason);
  console.log('RESULT ' + JSON.stringify(result));
} finally {
  await browser.close();
  site.close();
}
