/**
 * TLS 1.3 (RFC 8446) as QUIC uses it (RFC 9001): handshake messages only, carried in CRYPTO frames, no record layer,
 * no ChangeCipherSpec, no EndOfEarlyData, empty legacy_session_id, mandatory ALPN and quic_transport_parameters.
 *
 * <p>The transport drives a {@link dev.socketiwa.quic.tls.TlsEngine} ({@link dev.socketiwa.quic.tls.TlsServer} or
 * {@link dev.socketiwa.quic.tls.TlsClient}) with in-order CRYPTO bytes per encryption level and receives bytes to send,
 * keys and completion through {@link dev.socketiwa.quic.tls.TlsListener}. Every failure is a
 * {@link dev.socketiwa.quic.tls.TlsAlertException} carrying the alert (QUIC error 0x0100 + alert).
 *
 * <p>Not yet: session tickets, PSK resumption and 0-RTT (issue 9; the key schedule already exposes the resumption
 * master secret), client certificates.
 */
package dev.socketiwa.quic.tls;
