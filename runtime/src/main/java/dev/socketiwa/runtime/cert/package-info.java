/**
 * WebTransport server certificates: generation, PEM, persistence and rotation.
 *
 * <p>Browsers pin a server reached through {@code serverCertificateHashes} by the SHA-256 of its certificate, and accept
 * only an ECDSA P-256 X.509 v3 certificate valid for at most 14 days. So a server that runs longer keeps one current,
 * creates the next before expiry, and publishes both hashes while they overlap ({@link
 * dev.socketiwa.runtime.cert.CertificateLifecycle}).
 *
 * <p>Everything in this package runs inside the wasm build too (TeaVM): Bouncy Castle's lightweight API only, no JCA,
 * no java.net, no java.nio.file, no reflection, no threads; randomness comes in through the engine's {@link
 * dev.socketiwa.quic.crypto.RandomSource} (one source serves TLS and certificates) and time as millis arguments or a
 * {@link dev.socketiwa.runtime.cert.MillisClock}. JVM-only helpers live in {@code dev.socketiwa.runtime.cert.jvm}.
 */
package dev.socketiwa.runtime.cert;
