def helper = evaluate(new File(basedir, '../../../src/it/node.groovy'))

def swbn = new File(basedir, 'target/reverse-udp-2.0.0-SNAPSHOT.swbn')
assert swbn.isFile() : 'mvn package wrote no signed bundle'
def wasm = new File(basedir, 'target/socketiwa/web/app.wasm')
assert wasm.isFile() : 'socketiwa:compile wrote no app.wasm'

def log = new File(basedir, 'build.log').text
assert log.contains('Created a development signing key at ') : 'the first build must create the development key'

def result = helper.verifySwbn(node, nodeModules, nodeScripts, swbn, ['--expect-url', '/app.wasm', '--expect-url', '/icon.svg'])
assert result.contentTypes['/app.wasm'] == 'application/wasm'
assert result.manifest.name == 'Reverse UDP'
assert result.manifest.version == '2.0.0'
assert log.contains('Web Bundle ID: ' + result.webBundleId)
// the wasm in the bundle is the one the compile goal wrote (wasm magic \0asm), and the pom's listen address went into the build
assert wasm.bytes[0..3] == [0, 0x61, 0x73, 0x6d].collect { it as byte }
assert log.contains('listens on 127.0.0.1:5005')
return true
