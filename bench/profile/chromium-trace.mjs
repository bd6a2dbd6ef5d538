// Talks to the Chromium that socketiwa:dev started (its profile directory holds DevToolsActivePort), next to the
// plugin's own DevTools session, which must stay attached (it holds the local-network grant):
//   node bench/profile/chromium-trace.mjs PROFILE_DIR stats          the app page's shim counters (socketiwa.stats)
//   node bench/profile/chromium-trace.mjs PROFILE_DIR eval EXPR      evaluates EXPR in the app page
//   node bench/profile/chromium-trace.mjs PROFILE_DIR trace OUT SECS records a trace of every process for SECS seconds
//                                                                    (renderer, V8, blink, mojo, net, IPC), touches
//                                                                    OUT.started once recording, then writes OUT
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(root, 'test-tools/node_modules/'));
const { default: puppeteer } = await import(require.resolve('puppeteer-core'));
const [prof, cmd, a1, a2] = process.argv.slice(2);
const [port, wsPath] = fs.readFileSync(prof + '/DevToolsActivePort', 'utf8').trim().split('\n');
const browser = await puppeteer.connect({ browserWSEndpoint: `ws://127.0.0.1:${port}${wsPath}`, defaultViewport: null });
const target = browser.targets().find((t) => t.url().startsWith('isolated-app://'));
const page = await target.asPage();
if (cmd === 'stats') {
  console.log(JSON.stringify(await page.evaluate(() => globalThis.socketiwa?.stats)));
} else if (cmd === 'eval') {
  console.log(JSON.stringify(await page.evaluate(a1)));
} else if (cmd === 'trace') {
  const s = await browser.target().createCDPSession();
  const cats = ['toplevel', 'disabled-by-default-devtools.timeline', 'v8', 'blink', 'net', 'mojom', 'mojo', 'ipc',
    'sequence_manager', 'disabled-by-default-toplevel.flow', 'renderer.scheduler', 'devtools.timeline', 'base', 'disabled-by-default-ipc.flow'];
  await s.send('Tracing.start', { transferMode: 'ReturnAsStream', traceConfig: { recordMode: 'recordContinuously', includedCategories: cats } });
  fs.writeFileSync(a1 + '.started', '');
  await new Promise((r) => setTimeout(r, Number(a2) * 1000));
  const done = new Promise((r) => s.once('Tracing.tracingComplete', r));
  await s.send('Tracing.end');
  const { stream } = await done;
  const out = fs.createWriteStream(a1);
  for (;;) {
    const { data, eof, base64Encoded } = await s.send('IO.read', { handle: stream, size: 1 << 20 });
    out.write(base64Encoded ? Buffer.from(data, 'base64') : data);
    if (eof) break;
  }
  out.end();
}
await browser.disconnect();
