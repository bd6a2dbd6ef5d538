// The reference tooling (npm wbn 0.0.9 + wbn-sign 0.2.5 + Node crypto), driven by the compatibility tests.
//   node reference.mjs sign SPEC.json OUT.swbn KEY.pem [KEY.pem...]   -> prints the Web Bundle ID
//       SPEC.json: [{"url": "/x", "contentType": "...", "body": "<base64>"}, ...] in bundle order
//   node reference.mjs id KEY.pem                                    -> prints the key's Web Bundle ID
//   node reference.mjs genkeys DIR                                   -> writes keys of every kind, prints their IDs
// Encrypted keys use the passphrase in WEB_BUNDLE_SIGNING_PASSPHRASE, as wbn-sign's CLI does.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { wbn, wbnSign } from './modules.mjs';

function readKey(file) {
  return crypto.createPrivateKey({ key: fs.readFileSync(file), passphrase: process.env.WEB_BUNDLE_SIGNING_PASSPHRASE });
}

async function sign(specFile, out, keyFiles) {
  const spec = JSON.parse(fs.readFileSync(specFile, 'utf8'));
  const builder = new wbn.BundleBuilder('b2');
  for (const r of spec) {
    builder.addExchange(r.url, 200, { 'Content-Type': r.contentType }, new Uint8Array(Buffer.from(r.body, 'base64')));
  }
  const bundle = builder.createBundle();
  const keys = keyFiles.map(readKey);
  const id = new wbnSign.WebBundleId(keys[0]).serialize();
  const signer = new wbnSign.IntegrityBlockSigner(bundle, id, keys.map((k) => new wbnSign.NodeCryptoSigningStrategy(k)));
  const { signedWebBundle } = await signer.sign();
  fs.writeFileSync(out, signedWebBundle);
  console.log(id);
}

function genkeys(dir) {
  const pass = process.env.WEB_BUNDLE_SIGNING_PASSPHRASE || 'correct horse';
  fs.mkdirSync(dir, { recursive: true });
  const write = (name, pem) => fs.writeFileSync(path.join(dir, name), pem);
  const ids = {};
  const ed = crypto.generateKeyPairSync('ed25519');
  write('ed25519.pem', ed.privateKey.export({ type: 'pkcs8', format: 'pem' }));
  write('ed25519-encrypted.pem', ed.privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: pass }));
  ids['ed25519'] = new wbnSign.WebBundleId(ed.privateKey).serialize();
  const ec = crypto.generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  write('p256.pem', ec.privateKey.export({ type: 'pkcs8', format: 'pem' }));
  write('p256-sec1.pem', ec.privateKey.export({ type: 'sec1', format: 'pem' }));
  write('p256-encrypted.pem', ec.privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: pass }));
  write('p256-sec1-encrypted.pem', ec.privateKey.export({ type: 'sec1', format: 'pem', cipher: 'aes-256-cbc', passphrase: pass }));
  ids['p256'] = new wbnSign.WebBundleId(ec.privateKey).serialize();
  const rsa = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  write('rsa.pem', rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }));
  const p384 = crypto.generateKeyPairSync('ec', { namedCurve: 'secp384r1' });
  write('p384.pem', p384.privateKey.export({ type: 'pkcs8', format: 'pem' }));
  write('p384-sec1.pem', p384.privateKey.export({ type: 'sec1', format: 'pem' }));
  const ed448 = crypto.generateKeyPairSync('ed448');
  write('ed448.pem', ed448.privateKey.export({ type: 'pkcs8', format: 'pem' }));
  console.log(JSON.stringify(ids));
}

const [command, ...args] = process.argv.slice(2);
try {
  if (command === 'sign') await sign(args[0], args[1], args.slice(2));
  else if (command === 'id') console.log(new wbnSign.WebBundleId(readKey(args[0])).serialize());
  else if (command === 'genkeys') genkeys(args[0]);
  else throw new Error('unknown command ' + command);
} catch (e) {
  console.error('reference: ' + (e.stack || e));
  process.exit(1);
}
