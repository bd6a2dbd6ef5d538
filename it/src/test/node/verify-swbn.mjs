// Independent check of a Signed Web Bundle (.swbn), built only on npm wbn (parser), wbn-sign (Web Bundle ID) and
// Node's crypto. Usage:
//   node verify-swbn.mjs FILE.swbn [--expect-id ID] [--expect-url /path]... [--no-manifest]
// Checks: integrity block structure and canonical CBOR, every signature in the stack, the Web Bundle ID matches the
// first key, the web bundle parses and its length field is right, and (unless --no-manifest) the manifest
// /.well-known/manifest.webmanifest is there with the Direct Sockets permissions. Prints a JSON summary on success;
// exits 1 with "verify-swbn: <reason>" on failure.
import fs from 'node:fs';
import crypto from 'node:crypto';
import { wbn, wbnSign, cborg } from './modules.mjs';

const IB_MAGIC = Buffer.from([0xf0, 0x9f, 0x96, 0x8b, 0xf0, 0x9f, 0x93, 0xa6]);
const IB_VERSION = Buffer.from([0x32, 0x62, 0x00, 0x00]);
const REQUIRED_PERMISSIONS = ['direct-sockets', 'cross-origin-isolated', 'local-network-access', 'local-network', 'loopback-network'];

function fail(reason) {
  console.error('verify-swbn: ' + reason);
  process.exit(1);
}

function check(condition, reason) {
  if (!condition) fail(reason);
}

function publicKeyObject(attributes) {
  const names = Object.keys(attributes);
  check(names.length === 1, 'signature attributes must hold exactly one public key, got ' + names.join(','));
  const raw = Buffer.from(attributes[names[0]]);
  if (names[0] === 'ed25519PublicKey') {
    check(raw.length === 32, 'Ed25519 public key must be 32 bytes');
    return { type: 'Ed25519', key: crypto.createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' }) };
  }
  if (names[0] === 'ecdsaP256SHA256PublicKey') {
    check(raw.length === 33, 'ECDSA P-256 public key must be 33 bytes (compressed)');
    const full = crypto.ECDH.convertKey(raw, 'prime256v1', undefined, undefined, 'uncompressed');
    return {
      type: 'EcdsaP256',
      key: crypto.createPublicKey({
        key: { kty: 'EC', crv: 'P-256', x: full.subarray(1, 33).toString('base64url'), y: full.subarray(33).toString('base64url') },
        format: 'jwk',
      }),
    };
  }
  fail('unknown public key attribute ' + names[0]);
}

function be64(n) {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(BigInt(n));
  return b;
}

export function verify(bytes, { expectId, expectUrls = [], manifest = true } = {}) {
  let decoded;
  try {
    decoded = cborg.decodeFirst(bytes, { useMaps: false });
  } catch (e) {
    fail('integrity block is not CBOR: ' + e.message);
  }
  const [ib, rest] = decoded;
  check(Array.isArray(ib) && ib.length === 4, 'integrity block must be an array of 4');
  check(Buffer.from(ib[0]).equals(IB_MAGIC), 'bad integrity block magic');
  check(Buffer.from(ib[1]).equals(IB_VERSION), 'integrity block version is not 2b');
  const attributes = ib[2];
  check(typeof attributes.webBundleId === 'string', 'attributes lack webBundleId');
  const stack = ib[3];
  check(Array.isArray(stack) && stack.length >= 1, 'signature stack is empty');
  const ibLength = bytes.length - rest.length;
  check(Buffer.from(cborg.encode(ib)).equals(Buffer.from(bytes.subarray(0, ibLength))), 'integrity block is not canonical CBOR');

  const webBundle = Buffer.from(rest);
  check(webBundle.length >= 8 && webBundle.readBigUInt64BE(webBundle.length - 8) === BigInt(webBundle.length),
    'web bundle length field does not match its size');
  const hash = crypto.createHash('sha512').update(webBundle).digest();
  const unsignedIb = Buffer.from(cborg.encode([ib[0], ib[1], attributes, []]));
  const signatures = [];
  for (const [i, entry] of stack.entries()) {
    check(Array.isArray(entry) && entry.length === 2, `signature ${i} must be [attributes, signature]`);
    const { type, key } = publicKeyObject(entry[0]);
    const attrCbor = Buffer.from(cborg.encode(entry[0]));
    const data = Buffer.concat([be64(hash.length), hash, be64(unsignedIb.length), unsignedIb, be64(attrCbor.length), attrCbor]);
    check(crypto.verify(undefined, data, key, Buffer.from(entry[1])), `signature ${i} (${type}) does not verify`);
    signatures.push({ type, id: new wbnSign.WebBundleId(key).serialize() });
  }
  check(signatures[0].id === attributes.webBundleId,
    `webBundleId ${attributes.webBundleId} is not the first key's ID ${signatures[0].id}`);
  if (expectId) check(attributes.webBundleId === expectId, `webBundleId ${attributes.webBundleId}, expected ${expectId}`);

  let bundle;
  try {
    bundle = new wbn.Bundle(webBundle);
  } catch (e) {
    fail('web bundle does not parse: ' + e.message);
  }
  check(bundle.version === 'b2', 'web bundle version is ' + bundle.version + ', expected b2');
  const urls = bundle.urls;
  for (const url of urls) {
    const response = bundle.getResponse(url);
    check(response.status === 200 || response.status === 301, `${url}: status ${response.status}`);
    check(response.body.length === 0 || response.headers['content-type'], `${url}: no content-type`);
  }
  for (const url of expectUrls) check(urls.includes(url), `missing ${url}; bundle has ${urls.join(' ')}`);
  let manifestJson = null;
  if (manifest) {
    const path = '/.well-known/manifest.webmanifest';
    check(urls.includes(path), 'no ' + path + ' in the bundle');
    const response = bundle.getResponse(path);
    check(response.headers['content-type'] === 'application/manifest+json', 'manifest content-type is ' + response.headers['content-type']);
    try {
      manifestJson = JSON.parse(Buffer.from(response.body).toString('utf8'));
    } catch (e) {
      fail('manifest is not JSON: ' + e.message);
    }
    const policy = manifestJson.permissions_policy || {};
    for (const p of REQUIRED_PERMISSIONS) {
      check(Array.isArray(policy[p]) && policy[p].includes('self'), `manifest permissions_policy lacks ${p}: ["self"]`);
    }
    check(/^\d+(\.\d+){0,3}$/.test(manifestJson.version || ''), 'manifest version is not IWA-valid: ' + manifestJson.version);
  }
  return {
    webBundleId: attributes.webBundleId,
    origin: `isolated-app://${attributes.webBundleId}/`,
    signatures,
    urls,
    contentTypes: Object.fromEntries(urls.map((u) => [u, bundle.getResponse(u).headers['content-type'] || null])),
    manifest: manifestJson,
  };
}

const args = process.argv.slice(2);
const file = args.shift();
if (!file) fail('usage: node verify-swbn.mjs FILE.swbn [--expect-id ID] [--expect-url /path]... [--no-manifest]');
const options = { expectUrls: [] };
while (args.length) {
  const a = args.shift();
  if (a === '--expect-id') options.expectId = args.shift();
  else if (a === '--expect-url') options.expectUrls.push(args.shift());
  else if (a === '--no-manifest') options.manifest = false;
  else fail('unknown argument ' + a);
}
let bytes;
try {
  bytes = fs.readFileSync(file);
} catch (e) {
  fail('cannot read ' + file + ': ' + e.message);
}
console.log(JSON.stringify(verify(new Uint8Array(bytes), options), null, 2));
