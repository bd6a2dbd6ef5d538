/**
 * JVM-only provider on the JDK's JCA (AES-NI and other intrinsics) for AEAD, header protection, HMAC and hashes.
 * Never referenced from portable code (PortablePathGuardTest checks); the JVM runtime selects it.
 */
package dev.socketiwa.quic.crypto.jca;
