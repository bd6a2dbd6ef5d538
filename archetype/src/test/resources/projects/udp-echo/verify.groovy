// The generated project's `mvn package` (goal.txt) must have made the signed bundle, the wasm and the development key.
// basedir is this IT's directory; the archetype plugin generates the project under project/<artifactId>.
def project = new File(basedir, 'project/my-server')
assert new File(project, 'pom.xml').isFile() : "no generated project at ${project}"
def file = { String path -> new File(project, path) }
assert file('target/my-server-1.0-SNAPSHOT.swbn').isFile() : 'mvn package wrote no target/my-server-1.0-SNAPSHOT.swbn'
assert file('target/socketiwa/web/app.wasm').isFile() : 'socketiwa:compile wrote no app.wasm'
assert file('.socketiwa/signing-key.pem').text.startsWith('-----BEGIN PRIVATE KEY-----') : 'no development signing key'
assert file('src/main/java/com/example/echo/EchoApp.java').text.startsWith('package com.example.echo;')
assert file('.gitignore').readLines().contains('.socketiwa/') : '.gitignore must keep the signing key out of git'
assert file('src/main/iwa/.well-known/manifest.webmanifest').text.contains('"short_name": "my-server"')
def magic = file('target/my-server-1.0-SNAPSHOT.swbn').bytes[0..10] as byte[]
// CBOR array(4), bstr(8) with the integrity block magic F0 9F 96 8B F0 9F 93 A6
assert magic[2..9] == [0xF0, 0x9F, 0x96, 0x8B, 0xF0, 0x9F, 0x93, 0xA6].collect { it as byte } : 'not a signed web bundle'
def reports = file('target/surefire-reports').listFiles().findAll { it.name.endsWith('EchoAppTest.txt') }
assert reports.size() == 1 && reports[0].text.contains('Tests run: 1, Failures: 0, Errors: 0') : 'the generated test did not run'

// The independent verifier (npm wbn/wbn-sign + Node's crypto) checks the bundle: signature, ID, contents, manifest.
// basedir is <repo>/archetype/target/test-classes/projects/udp-echo; the test tools live in <repo>/test-tools.
def repo = new File(basedir, '../../../../..').canonicalFile
def node = new File(repo, 'test-tools/node/bin/node')
assert node.canExecute() : "Node 24 is missing at ${node}: run scripts/setup-test-tools.sh (the README's test command does it)"
def pb = new ProcessBuilder(node.path, new File(repo, 'it/src/test/node/verify-swbn.mjs').path,
        file('target/my-server-1.0-SNAPSHOT.swbn').path, '--expect-url', '/app.wasm', '--expect-url', '/icon.svg')
pb.environment().put('SOCKETIWA_NODE_MODULES', new File(repo, 'test-tools/node_modules').path)
def out = File.createTempFile('verify-swbn', '.out')
def err = File.createTempFile('verify-swbn', '.err')
def proc = pb.redirectOutput(out).redirectError(err).start()
assert proc.waitFor() == 0 : "verify-swbn rejected the generated project's bundle: ${err.text}"
def summary = new groovy.json.JsonSlurper().parseText(out.text)
out.delete()
err.delete()
assert summary.contentTypes['/app.wasm'] == 'application/wasm'
assert summary.manifest.name == 'my-server' && summary.manifest.short_name == 'my-server'
assert summary.signatures.size() == 1 && summary.signatures[0].type == 'Ed25519'
return true
