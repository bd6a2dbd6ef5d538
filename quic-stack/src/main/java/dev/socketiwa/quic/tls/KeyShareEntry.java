package dev.socketiwa.quic.tls;

/** One key_share entry: a named group code and the encoded public key. */
record KeyShareEntry(int group, byte[] keyExchange) {
}
