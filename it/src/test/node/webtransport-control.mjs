// Chromium's WebTransport against a test endpoint that obeys commands, to see stream resets, STOP_SENDING, DRAIN
// and a server-side close from the browser's side. Usage:
//   node webtransport-control.mjs <puppeteer-core dir> <chromium> <profile dir> <https url> <options JS text>
// The endpoint: a bidi stream starting "reset N\n" is reset by the server with code N, one starting "stop N\n" is
// stopped with code N;
// datagrams "drain" and "close N reason" make the server drain or close the session. Prints: RESULT <JSON>.
import { onWebTransportPage } from './webtransport-page.mjs';

await onWebTransportPage('webtransport control', async (page, { url, optionsText }) => JSON.stringify(
  await page.evaluate(async (url, optionsText) => {
    const out = {};
    const withTimeout = (p, ms, what) => Promise.race([p,
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout: ' + what)), ms))]);
    const text = (s) => new TextEncoder().encode(s);
    const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
    try {
      const options = Function('"use strict"; return ({ ' + optionsText + ' });')();
      const wt = new WebTransport(url, options);
      await withTimeout(wt.ready, 10000, 'ready');

      // The server resets its sending side of one bidi stream with code 123 ...
      const bidi = await wt.createBidirectionalStream();
      const writer = bidi.writable.getWriter();
      await writer.write(text('reset 123\n'));
      const reader = bidi.readable.getReader();
      try {
        for (;;) { const { done } = await withTimeout(reader.read(), 10000, 'bidi read'); if (done) break; }
        out.bidiReadError = 'none';
      } catch (e) {
        out.bidiReadError = e.name;
        out.bidiReadCode = e.streamErrorCode;
      }
      // ... and asks us to stop sending on another with code 124. Chromium 156 reports that to the writer either as
      // a WebTransportError carrying the code ("Received STOP_SENDING.") or, when the stream's teardown wins a race
      // inside Chromium, as a NetworkError without any code. Only the first says which code arrived, so a NetworkError
      // is followed by another stream (at most 5); the first WebTransportError is the result, whatever its code.
      out.stopAttempts = [];
      for (let attempt = 0; attempt < 5; attempt++) {
        const stopped = await wt.createBidirectionalStream();
        const stoppedWriter = stopped.writable.getWriter();
        await stoppedWriter.write(text('stop 124\n'));
        try {
          for (let i = 0; i < 50; i++) { await stoppedWriter.write(text('more')); await sleep(20); }
          out.bidiWriteError = 'none';
        } catch (e) {
          out.bidiWriteError = e.name;
          out.bidiWriteMessage = e.message;
          out.bidiWriteCode = e.streamErrorCode;
        }
        out.stopAttempts.push(out.bidiWriteError);
        if (out.bidiWriteError !== 'NetworkError') break;
      }

      // We abort a uni stream with code 7: the server sees a reset carrying 7.
      const uni = await wt.createUnidirectionalStream();
      const uniWriter = uni.getWriter();
      await uniWriter.write(text('about to abort'));
      await sleep(100);
      // Chromium 156 takes the init dictionary first (WebTransportErrorInit), not (message, options)
      await uniWriter.abort(new WebTransportError({ message: 'client gives up', streamErrorCode: 7 }));

      const dg = wt.datagrams.writable.getWriter();
      out.hasDraining = 'draining' in wt;
      if (out.hasDraining) {
        let drained = false;
        wt.draining.then(() => { drained = true; });
        for (let i = 0; i < 20 && !drained; i++) { await dg.write(text('drain')); await sleep(100); }
        out.drained = drained;
      }

      let closed = null;
      wt.closed.then((info) => { closed = info; }, (e) => { closed = { error: String(e) }; });
      for (let i = 0; i < 40 && !closed; i++) { await dg.write(text('close 31337 server says bye')).catch(() => {}); await sleep(100); }
      out.closed = closed;
    } catch (e) {
      out.error = String(e);
    }
    return out;
  }, url, optionsText)));
