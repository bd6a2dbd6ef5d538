import java.security.MessageDigest
import java.security.cert.CertificateFactory
import java.security.interfaces.ECPublicKey

def log = new File(basedir, 'build.log').text
def dir = new File(basedir, '.socketiwa')
def certFile = new File(dir, 'cert.pem')
def keyFile = new File(dir, 'key.pem')
assert certFile.isFile() && keyFile.isFile()

// second run: refused, with the way out
assert log.contains('already exist; nothing was written.') : log
assert log.contains('run again with -Dsocketiwa.force=true.') : log
assert log.count('BUILD FAILURE') == 1

// the third run replaced the first certificate: two different hashes printed, the file holds the last one
def hashes = (log =~ /SHA-256 \(hex\): +([0-9a-f]{64})/).collect { it[1] }
assert hashes.size() == 2 && hashes[0] != hashes[1] : "expected two different certificates, got ${hashes}"
def cert = CertificateFactory.getInstance('X.509').generateCertificate(new ByteArrayInputStream(certFile.bytes))
assert MessageDigest.getInstance('SHA-256').digest(cert.encoded).encodeHex().toString() == hashes[1]
assert cert.publicKey instanceof ECPublicKey && cert.publicKey.params.curve.field.fieldSize == 256
assert cert.notAfter.time - cert.notBefore.time <= 14L * 24 * 3600 * 1000 : 'serverCertificateHashes allows at most 14 days'
def sans = cert.subjectAlternativeNames.collect { it[1] }
assert sans.containsAll(['localhost', '127.0.0.1']) && sans.any { it.contains(':') } : "SANs ${sans}"
assert new File(dir, '.gitignore').text.contains('key.pem')
return true
