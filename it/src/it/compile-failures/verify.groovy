def log = new File(basedir, 'build.log').text
def expect = { String text -> assert log.contains(text) : "build.log lacks: ${text}\n${log}" }

expect('the app class com.example.bad.Missing is not on the class path: check <app> (property socketiwa.app) and that the project compiled')
expect('the app com.example.bad.UsesSocket cannot run in wasm (TeaVM found ')
expect('code reached from main may not use reflection, threads, java.net, javax.crypto or other JDK parts TeaVM lacks')
expect('java.net.Socket')
assert log.count('BUILD FAILURE') == 2

def target = new File(basedir, 'target')
assert !target.listFiles().any { it.name.endsWith('.swbn') } : 'a failed compile must not leave a bundle'
assert !new File(basedir, 'target/socketiwa/web/app.wasm').exists() : 'a failed compile must not leave an app.wasm'
return true
