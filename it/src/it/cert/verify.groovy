import java.security.MessageDigest
import java.security.cert.CertificateFactory

def log = new File(basedir, 'build.log').text
def expect = { String text -> assert log.contains(text) : "build.log lacks: ${text}\n${log}" }

def dir = new File(basedir, '.socketiwa')
def certFile = new File(dir, 'cert.pem')
def keyFile = new File(dir, 'key.pem')
assert certFile.text.startsWith('-----BEGIN CERTIFICATE-----')
assert keyFile.text.startsWith('-----BEGIN PRIVATE KEY-----')

// Run 2: refused, nothing written.
expect(certFile.absolutePath + ' and ' + keyFile.absolutePath + ' already exist; nothing was written')
expect('-Dsocketiwa.force=true')
// Run 4: validity beyond what browsers accept.
expect('validity of 15 days is not allowed: WebTransport serverCertificateHashes accepts at most 14 days')
assert log.count('BUILD FAILURE') == 2

// The file on disk is run 3's: forced, 14 days, the DN given, default names.
def cert = CertificateFactory.getInstance('X.509').generateCertificate(new ByteArrayInputStream(
        Base64.mimeDecoder.decode(certFile.text.replaceAll('-----[A-Z ]+-----', ''))))
assert cert.version == 3
assert cert.sigAlgOID == '1.2.840.10045.4.3.2'
assert cert.notAfter.time - cert.notBefore.time == 14L * 86_400_000L
assert cert.subjectX500Principal.name == 'CN=echo,O=Example'
assert cert.subjectAlternativeNames.collect { it[1] } == ['localhost', '127.0.0.1']
cert.verify(cert.publicKey)

// Both successful runs printed their hash; the last one is the certificate on disk, in hex, base64 and the snippet.
def hashes = log.readLines().findAll { it.contains('SHA-256 (hex):') }.collect { it.substring(it.indexOf(':') + 1).trim() }
assert hashes.size() == 2 && hashes[0] != hashes[1] : hashes
def digest = MessageDigest.getInstance('SHA-256').digest(cert.encoded)
assert hashes[1] == digest.encodeHex().toString()
expect('SHA-256 (base64): ' + digest.encodeBase64().toString())
expect("serverCertificateHashes: [{ algorithm: 'sha-256', value: new Uint8Array([" + digest.collect { it & 0xff }.join(', ') + ']) }]')
// Run 1 asked for ::1 too.
expect('alternative names: localhost, 127.0.0.1, ::1')

assert new File(dir, '.gitignore').readLines().contains('key.pem')
return true
