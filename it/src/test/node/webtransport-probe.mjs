// Opens a WebTransport session from Chromium to a QUIC server, with the options given as JavaScript text (the
// snippet socketiwa:cert prints goes in there verbatim). Usage:
//   node webtransport-probe.mjs <puppeteer-core dir> <chromium> <profile dir> <https url> <options JS text>
// Prints one line: RESULT ready | RESULT error <message>. Whether Chromium accepted the certificate is seen on the
// server side (a completed handshake vs. a CERTIFICATE_VERIFY_FAILED close): the JS error does not say.
import { onWebTransportPage } from './webtransport-page.mjs';

await onWebTransportPage('probe', (page, { url, optionsText }) =>
  page.evaluate(async (url, optionsText) => {
    // Evaluated as the user would paste it into their page's code.
    const options = Function('"use strict"; return ({ ' + optionsText + ' });')();
    try {
      const wt = new WebTransport(url, options);
      await Promise.race([wt.ready, new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 10000))]);
      return 'ready';
    } catch (e) {
      return 'error ' + e;
    }
  }, url, optionsText));
