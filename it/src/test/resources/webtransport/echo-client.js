// Evaluated in a plain http://127.0.0.1 tab as `(<this function>)(url, options, closeCode, closeReason[, sizes])`:
// Chromium's WebTransport against an echo server (quic-echo's /wt), with the options the server published
// (serverCertificateHashes). Echoes datagrams, a bidirectional stream and a unidirectional stream (answered on a new
// one) of sizes.bidi and sizes.uni bytes, then closes with the code and reason. Resolves to a JSON string of what
// happened; never rejects. Used by the IWA tests (through WebTransportTab) and by src/test/node/webtransport-echo.mjs.
async (url, options, closeCode, closeReason, sizes = { bidi: 100000, uni: 30000 }) => {
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
  const pattern = (n, seed) => Uint8Array.from({ length: n }, (_, i) => (i * seed + 5) & 0xff);
  try {
    step('connect');
    const started = performance.now();
    const wt = new WebTransport(url, options);
    await withTimeout(wt.ready, 15000, 'ready');
    out.ready = true;
    out.readyMillis = Math.round(performance.now() - started);

    step('datagrams'); // unreliable: send rounds until every one came back
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
      await Promise.race([receiving, new Promise((r) => setTimeout(r, 250))]);
    }
    out.datagramsEchoed = [...echoed].sort();
    out.datagramsAllKnown = [...echoed].every((t) => sent.has(t));

    step('bidi');
    const bidiData = pattern(sizes.bidi, 7);
    const bidi = await wt.createBidirectionalStream();
    const bidiWriter = bidi.writable.getWriter();
    const bidiRead = readAll(bidi.readable);
    await bidiWriter.write(bidiData);
    await bidiWriter.close();
    const bidiBack = await withTimeout(bidiRead, 30000, 'bidi echo');
    out.bidiLength = bidiBack.length;
    out.bidiIdentical = same(bidiBack, bidiData);

    step('uni');
    const uniData = pattern(sizes.uni, 3);
    const incoming = wt.incomingUnidirectionalStreams.getReader();
    const uni = await wt.createUnidirectionalStream();
    const uniWriter = uni.getWriter();
    await uniWriter.write(uniData);
    await uniWriter.close();
    const { value: answer } = await withTimeout(incoming.read(), 30000, 'uni answer stream');
    const uniBack = await withTimeout(readAll(answer), 30000, 'uni answer');
    out.uniLength = uniBack.length;
    out.uniIdentical = same(uniBack, uniData);

    step('close');
    wt.close({ closeCode, reason: closeReason });
    out.closed = await withTimeout(wt.closed, 10000, 'closed');
    step('done');
  } catch (e) {
    out.error = String(e);
  }
  return JSON.stringify(out);
}
