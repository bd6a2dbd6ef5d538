package dev.socketiwa.quic.transport;

import org.junit.jupiter.api.Test;

class DebugTmpTest {
    @Test
    void run() {
        Pair p = new Pair(Long.getLong("seed", 5));
        p.net.loss = 0.30; Connection.DEBUG = Boolean.getBoolean("dbg");
        if (Connection.DEBUG) p.net.observer = d -> System.out.println(p.net.now / 1000000 + "ms " + d.from + " -> " + d.data.length + " first=" + Integer.toHexString(d.data[0] & 0xff));
        boolean ok = p.handshake(7_000_000_000L);
        System.out.println("ok=" + ok + " client=" + p.conn.state() + " hc=" + p.conn.isHandshakeComplete() + " conf=" + p.conn.isHandshakeConfirmed()
            + " server=" + (p.serverConn() == null ? null : p.serverConn().state() + " conf=" + p.serverConn().isHandshakeConfirmed()));
        System.out.println("client events " + p.clientEvents + " server closes " + p.echo.closeEvents + " timeout " + p.conn.nextTimeout());
    }
}
