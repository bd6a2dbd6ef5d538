package dev.socketiwa.quic.tls;

/**
 * The application's say on 0-RTT: called on the server for a resumption that could accept early data. 0-RTT data can
 * be replayed by an attacker (RFC 8446 §8); refuse it for services whose requests are not safe to repeat.
 */
public interface EarlyDataFilter {
    boolean accept(String alpn, String serverName);
}
