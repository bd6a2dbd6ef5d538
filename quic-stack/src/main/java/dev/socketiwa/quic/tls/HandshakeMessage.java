package dev.socketiwa.quic.tls;

/** One complete handshake message: its type, body and the full encoding (header + body) for the transcript. */
record HandshakeMessage(int type, byte[] body, byte[] encoded) {
}
