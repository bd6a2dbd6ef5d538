def helper = evaluate(new File(basedir, '../../../src/it/node.groovy'))

def key = new File(basedir, 'keys/release.pem')
assert key.text.startsWith('-----BEGIN ENCRYPTED PRIVATE KEY-----') : 'keygen must encrypt with the passphrase'
assert !new File(basedir, '.socketiwa').exists() : 'a configured key must not create a development key'

def swbn = new File(basedir, 'target/p256-iwa-0.3.1-SNAPSHOT.swbn')
def r = helper.verifySwbn(node, nodeModules, nodeScripts, swbn, ['--expect-url', '/icon.png'])
assert r.signatures*.type == ['EcdsaP256', 'Ed25519'] : 'primary P-256 key first, then the additional key'
assert r.webBundleId.length() == 58
assert r.manifest.name == "From the user's manifest"
assert r.manifest.short_name == 'P256'
assert r.manifest.version == '0.3.1'
assert r.manifest.permissions_policy.camera == ['self']
assert r.manifest.permissions_policy['loopback-network'] == ['self']
assert r.contentTypes['/icon.png'] == 'image/png'
assert r.contentTypes['/app.wasm'] == 'application/wasm' : 'files of generatedDirectory are bundled'

// Node reads our encrypted key (with the same passphrase) and derives the same ID.
def (exit, out, err) = helper.runNode(node, nodeModules, nodeScripts + '/reference.mjs', ['id', key.path],
        ['WEB_BUNDLE_SIGNING_PASSPHRASE': "it's a secret"])
assert exit == 0 : err
assert out.trim() == r.webBundleId
def log = new File(basedir, 'build.log').text
assert log.contains('Web Bundle ID: ' + r.webBundleId)
return true
