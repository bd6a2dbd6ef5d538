def helper = evaluate(new File(basedir, '../../../src/it/node.groovy'))

def key = new File(basedir, '.socketiwa/signing-key.pem')
assert key.text.startsWith('-----BEGIN PRIVATE KEY-----')
def log = new File(basedir, 'build.log').text
assert log.contains('already exists; it is never overwritten') : log
def (exit, out, err) = helper.runNode(node, nodeModules, nodeScripts + '/reference.mjs', ['id', key.path])
assert exit == 0 : err
assert out.trim().endsWith('aaic') && out.trim().length() == 56 : 'an Ed25519 key by default'
// socketiwa:help lists the goals and their parameters.
['socketiwa:bundle', 'socketiwa:keygen', 'socketiwa:help', 'iwaDirectory', 'signingKey', 'keyType', 'WEB_BUNDLE_SIGNING_PASSPHRASE'].each {
    assert log.contains(it) : "help lacks ${it}"
}
return true
