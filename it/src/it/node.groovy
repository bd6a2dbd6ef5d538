// Shared by the verify.groovy scripts: runs it/src/test/node scripts with Node 24 and returns [exit, stdout, stderr].
def runNode(String node, String nodeModules, String script, List<String> args, Map<String, String> env = [:]) {
    assert new File(node).canExecute() : "Node 24 is missing at ${node}: run scripts/setup-test-tools.sh (the README's test command does it)"
    assert new File(nodeModules, 'wbn-sign').isDirectory() : "npm test tools are missing at ${nodeModules}: run scripts/setup-test-tools.sh"
    def pb = new ProcessBuilder([node, script] + args)
    pb.environment().remove('WEB_BUNDLE_SIGNING_PASSPHRASE')
    pb.environment().put('SOCKETIWA_NODE_MODULES', nodeModules)
    pb.environment().putAll(env)
    def out = File.createTempFile('node', '.out')
    def err = File.createTempFile('node', '.err')
    pb.redirectOutput(out).redirectError(err)
    def p = pb.start()
    p.waitFor()
    def result = [p.exitValue(), out.text, err.text]
    out.delete()
    err.delete()
    return result
}

def verifySwbn(String node, String nodeModules, String nodeScripts, File swbn, List<String> extra = []) {
    def (exit, stdout, stderr) = runNode(node, nodeModules, nodeScripts + '/verify-swbn.mjs', [swbn.path] + extra)
    assert exit == 0 : "verify-swbn rejected ${swbn}: ${stderr}"
    return new groovy.json.JsonSlurper().parseText(stdout)
}

return this
