def log = new File(basedir, 'build.log').text
def expect = { String text -> assert log.contains(text) : "build.log lacks: ${text}\n${log}" }

expect('The configured signing key ' + new File(basedir, 'keys/missing.pem').absolutePath + ' does not exist')
expect('Cannot decrypt the key ' + new File(basedir, 'keys/encrypted.pem').absolutePath + ': wrong passphrase')
expect('bad-manifest.json is not valid JSON: expected \',\' or \'}\' in object at line 3, column 17. Fix the JSON there.')
expect('The IWA directory ' + new File(basedir, 'src/main/absent').absolutePath + ' does not exist')
expect("The file 'my file.js' cannot be served as a URL path: it contains a space")
assert log.count('BUILD FAILURE') == 5

def target = new File(basedir, 'target')
def outputs = target.exists() ? target.listFiles().findAll { it.name.contains('.swbn') } : []
assert outputs.isEmpty() : "failed builds must write nothing: ${outputs}"
assert !new File(basedir, '.socketiwa').exists() : 'a failed build must not create a development key'
return true
