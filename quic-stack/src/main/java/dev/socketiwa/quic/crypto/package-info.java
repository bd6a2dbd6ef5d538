/**
 * Everything cryptographic the QUIC engine needs, behind {@link dev.socketiwa.quic.crypto.CryptoProvider}: packet
 * protection (RFC 9001 §5), Initial secrets, Retry integrity, key update, HKDF, and the handshake primitives TLS uses.
 *
 * <p>Two providers: {@code crypto.portable} (Bouncy Castle lightweight API; the one the wasm build uses) and
 * {@code crypto.jca} (JVM-only, JDK intrinsics). Engine code depends on this package only; the application picks the
 * provider. Objects that protect packets keep reusable cipher state and are confined to one thread.
 */
package dev.socketiwa.quic.crypto;
