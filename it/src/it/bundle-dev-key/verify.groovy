def helper = evaluate(new File(basedir, '../../../src/it/node.groovy'))

def key = new File(basedir, '.socketiwa/signing-key.pem')
assert key.isFile() : 'the development key was not created'
assert key.text.startsWith('-----BEGIN PRIVATE KEY-----')

def log = new File(basedir, 'build.log').text
assert log.contains('Created a development signing key at ' + key.canonicalPath) || log.contains('Created a development signing key at ' + key.absolutePath) : log
assert log.count('Created a development signing key') == 1 : 'the key must be created once and then reused'

def first = new File(basedir, 'target/first.swbn')
def second = new File(basedir, 'target/hello-iwa-0.3.1-SNAPSHOT.swbn')
def a = helper.verifySwbn(node, nodeModules, nodeScripts, first, ['--expect-url', '/', '--expect-url', '/index.html', '--expect-url', '/app.js'])
def b = helper.verifySwbn(node, nodeModules, nodeScripts, second)
assert a.webBundleId == b.webBundleId : 'the second build must reuse the key'
assert first.bytes == second.bytes : 'same inputs must give the same bytes'
assert a.signatures.size() == 1 && a.signatures[0].type == 'Ed25519'
assert a.contentTypes['/app.js'].startsWith('text/javascript')
assert a.manifest.name == 'Hello IWA'
assert a.manifest.version == '0.3.1'
assert a.manifest.start_url == '/'
assert a.manifest.display == 'standalone'
assert log.contains('Web Bundle ID: ' + a.webBundleId)
assert log.contains('Isolated Web App origin: isolated-app://' + a.webBundleId + '/')

// wbn-sign derives the same ID from the key file.
def (exit, out, err) = helper.runNode(node, nodeModules, nodeScripts + '/reference.mjs', ['id', key.path])
assert exit == 0 : err
assert out.trim() == a.webBundleId
return true
