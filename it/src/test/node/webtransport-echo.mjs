// Chromium's WebTransport as the client of a WebTransport echo server (examples/quic-echo's /wt): datagrams, a
// bidirectional stream and a unidirectional stream echoed, then a close with a code and reason. Usage:
//   node webtransport-echo.mjs <puppeteer-core dir> <chromium> <profile dir> <https url> <options JS text> <code> <reason>
// The options text is the serverCertificateHashes snippet socketiwa:cert prints. Prints one line: RESULT <JSON>.
// The client itself is ../resources/webtransport/echo-client.js, the one the IWA tests run in their browser tab.
import { readFile } from 'node:fs/promises';
import { onWebTransportPage } from './webtransport-page.mjs';

const client = await readFile(new URL('../resources/webtransport/echo-client.js', import.meta.url), 'utf8');

await onWebTransportPage('webtransport echo', (page, { url, optionsText, rest: [closeCode, closeReason] }) => {
  page.on('console', (m) => console.log('[page] ' + m.text()));
  return page.evaluate('(' + client + ')(' + JSON.stringify(url) + ', ({ ' + optionsText + ' }), '
    + Number(closeCode) + ', ' + JSON.stringify(closeReason) + ', { bidi: 200000, uni: 50000 })');
});
