// Drives web/socketiwa-storage.mjs the way the wasm side (dev.socketiwa.runtime.cert.browser) does, with a stand-in
// for the loaded app (linear memory, teavm.malloc/free) and for localStorage, including one that refuses writes.
// Usage: node storage-imports.mjs <path of socketiwa-storage.mjs>. Prints RESULT <JSON>; exits 1 on a broken check.
import { pathToFileURL } from 'node:url';

const { storageImports } = await import(pathToFileURL(process.argv[2]).href);
const checks = [];
const check = (name, ok, detail) => checks.push({ name, ok: !!ok, detail: ok ? undefined : detail });

class MapStorage {
  constructor(refuseWrites) { this.map = new Map(); this.refuseWrites = refuseWrites; }
  getItem(k) { return this.map.has(k) ? this.map.get(k) : null; }
  setItem(k, v) {
    if (this.refuseWrites) throw Object.assign(new Error('the quota has been exceeded.'), { name: 'QuotaExceededError' });
    this.map.set(k, String(v));
  }
  removeItem(k) { this.map.delete(k); }
}

function fakeApp() {
  const memory = new WebAssembly.Memory({ initial: 64 });
  let next = 1024;
  const freed = [];
  return {
    memory, freed,
    instance: { exports: {
      'teavm.malloc': (n) => { const p = next; next += (n + 7) & ~7; return p; },
      'teavm.free': (p) => freed.push(p),
    } },
  };
}

// What ScratchRegion/IwaStorage do on the Java side.
function javaSide(imports, app) {
  const s = imports.socketiwaStorage;
  let region = 0;
  const enc = new TextEncoder();
  const write = (...parts) => {
    const total = parts.reduce((n, p) => n + p.length, 0);
    region = s.scratch(region, Math.max(total, 1));
    let at = region;
    for (const p of parts) { new Uint8Array(app.memory.buffer).set(p, at); at += p.length; }
    return region;
  };
  const take = (n) => {
    region = s.scratch(region, Math.max(n, 1));
    const got = s.takePending(region);
    return new TextDecoder().decode(new Uint8Array(app.memory.buffer).slice(region, region + got));
  };
  return {
    get(key) { const k = enc.encode(key); const n = s.get(write(k), k.length); return n === -1 ? null : n < 0 ? { failed: take(s.pendingLength()) } : take(n); },
    put(key, value) { const k = enc.encode(key); const v = enc.encode(value); const r = s.put(write(k, v), k.length, v.length); return r === 0 ? 0 : { failed: take(s.pendingLength()) }; },
    remove(key) { const k = enc.encode(key); return s.remove(write(k), k.length); },
    describe() { return take(s.describe()); },
    publish(json) { const b = enc.encode(json); imports.socketiwaPage.certificates(write(b), b.length); },
  };
}

{
  const app = fakeApp();
  const storage = new MapStorage(false);
  let published = null;
  const host = storageImports({ storage, onCertificates: (c) => { published = c; }, log: () => {} });
  host.attach(app);
  const java = javaSide(host.imports, app);
  const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
  check('absent key is null', java.get('socketiwa.webtransport.current.cert') === null);
  check('put ok', java.put('socketiwa.webtransport.current.cert', pem) === 0);
  check('stored as text', storage.getItem('socketiwa.webtransport.current.cert') === pem);
  check('get round trip', java.get('socketiwa.webtransport.current.cert') === pem);
  const unicode = 'clé ✓ 𝄞';
  check('UTF-8 key and value', java.put(unicode, unicode) === 0 && java.get(unicode) === unicode, java.get(unicode));
  const big = 'x'.repeat(70000);
  check('a value larger than the first region', java.put('big', big) === 0 && java.get('big') === big);
  check('remove', java.remove('big') === 0 && java.get('big') === null);
  check('describe', typeof java.describe() === 'string' && java.describe().startsWith('the localStorage of'), java.describe());
  check('old regions released', app.freed.length > 0, app.freed);
  java.publish('{"certificates":[{"sha256Hex":"ab"}],"snippet":"serverCertificateHashes: []"}');
  check('page gets the certificates', published && published.certificates[0].sha256Hex === 'ab', published);
}
{
  const app = fakeApp();
  const lines = [];
  const host = storageImports({ storage: new MapStorage(true), log: (l, stream) => lines.push(stream + ' ' + l) });
  host.attach(app);
  const java = javaSide(host.imports, app);
  const r = java.put('k', 'v');
  check('a refused write is reported with its reason', r && r.failed === 'QuotaExceededError: the quota has been exceeded.', r);
  check('and logged', lines.some((l) => l.startsWith('stderr') && l.includes('QuotaExceededError')), lines);
  check('nothing pending afterwards', host.imports.socketiwaStorage.pendingLength() === 0);
}
{
  const app = fakeApp();
  const host = storageImports({ storage: null, log: () => {} });
  host.attach(app);
  const saved = globalThis.localStorage;
  const java = javaSide(host.imports, app);
  const r = java.get('k');
  check('no localStorage at all (e.g. a worker) is a failure, not a crash', r && r.failed && r.failed.includes('no localStorage here'), r);
  globalThis.localStorage = saved;
}
{
  const app = fakeApp();
  const lines = [];
  const host = storageImports({ storage: new MapStorage(false), onCertificates: () => {}, log: (l) => lines.push(l) });
  host.attach(app);
  const bad = new TextEncoder().encode('{not json');
  new Uint8Array(app.memory.buffer).set(bad, 100);
  host.imports.socketiwaPage.certificates(100, bad.length);
  check('bad certificates JSON is logged, not thrown', lines.some((l) => l.includes('publishing the certificates failed')), lines);
}

const failed = checks.filter((c) => !c.ok);
console.log('RESULT ' + JSON.stringify({ checks: checks.length, failed }));
process.exit(failed.length === 0 ? 0 : 1);
