package dev.socketiwa.quic.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socketiwa.quic.crypto.EncryptionLevel;
import dev.socketiwa.quic.crypto.PacketProtection;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Connects a TLS client and server in memory, level by level, the way the transport will: CRYPTO bytes queue up and
 * are delivered outside the callbacks (no re-entrancy). An optional interceptor can rewrite or drop flights.
 */
final class HandshakeHarness {
    /** One endpoint's view of what TLS asked of it. */
    static class Side implements TlsListener {
        final String name;
        final ArrayDeque<Object[]> outbox = new ArrayDeque<>();
        final Map<EncryptionLevel, PacketProtection> read = new EnumMap<>(EncryptionLevel.class);
        final Map<EncryptionLevel, PacketProtection> write = new EnumMap<>(EncryptionLevel.class);
        final List<EncryptionLevel> sentLevels = new ArrayList<>();
        int completions;

        Side(String name) {
            this.name = name;
        }

        @Override
        public void sendCrypto(EncryptionLevel level, byte[] data, int off, int len) {
            sentLevels.add(level);
            outbox.add(new Object[] {level, Arrays.copyOfRange(data, off, off + len)});
        }

        @Override
        public void installKeys(EncryptionLevel level, PacketProtection r, PacketProtection w) {
            if (r != null) {
                read.put(level, r);
            }
            if (w != null) {
                write.put(level, w);
            }
        }

        @Override
        public void handshakeComplete() {
            completions++;
        }
    }

    /** What crosses the wire; return null to drop. */
    interface Interceptor {
        byte[] intercept(String from, EncryptionLevel level, byte[] data);
    }

    final Side clientSide = new Side("client");
    final Side serverSide = new Side("server");
    /** Set by tests that bring their own listeners (subclasses of Side). */
    Side clientSideOverride;
    Side serverSideOverride;
    TlsClient client;
    TlsServer server;
    Interceptor interceptor = (from, level, data) -> data;
    TlsAlertException clientAlert;
    TlsAlertException serverAlert;

    /** Runs until both outboxes are empty or one side failed. */
    void run() {
        client.start();
        pump();
    }

    void pump() {
        for (int guard = 0; guard < 100; guard++) {
            boolean moved = false;
            moved |= deliver(client(), server, true);
            moved |= deliver(server(), client, false);
            if (!moved || clientAlert != null || serverAlert != null) {
                return;
            }
        }
        throw new AssertionError("handshake did not settle");
    }

    private boolean deliver(Side from, TlsEngine to, boolean toServer) {
        boolean moved = false;
        Object[] item;
        while ((item = from.outbox.poll()) != null) {
            moved = true;
            EncryptionLevel level = (EncryptionLevel) item[0];
            byte[] data = interceptor.intercept(from.name, level, (byte[]) item[1]);
            if (data == null) {
                continue;
            }
            try {
                to.receive(level, data, 0, data.length);
            } catch (TlsAlertException e) {
                if (toServer) {
                    serverAlert = e;
                } else {
                    clientAlert = e;
                }
                return moved;
            }
        }
        return moved;
    }

    private Side client() {
        return clientSideOverride != null ? clientSideOverride : clientSide;
    }

    private Side server() {
        return serverSideOverride != null ? serverSideOverride : serverSide;
    }

    /** Both ends completed and every level's keys match across the connection. */
    void assertConnected() {
        Side clientSide = client();
        Side serverSide = server();
        assertEquals(null, clientAlert, "client alert");
        assertEquals(null, serverAlert, "server alert");
        assertTrue(client.isHandshakeComplete() && server.isHandshakeComplete());
        assertEquals(1, clientSide.completions);
        assertEquals(1, serverSide.completions);
        for (EncryptionLevel level : new EncryptionLevel[] {EncryptionLevel.HANDSHAKE, EncryptionLevel.APPLICATION}) {
            assertKeysMatch(clientSide.write.get(level), serverSide.read.get(level));
            assertKeysMatch(serverSide.write.get(level), clientSide.read.get(level));
        }
    }

    static void assertKeysMatch(PacketProtection sender, PacketProtection receiver) {
        byte[] aad = {1, 2, 3};
        byte[] buf = new byte[64];
        buf[0] = 42;
        int n = sender.seal(7, aad, 0, 3, buf, 0, 10, buf, 0);
        assertEquals(10, receiver.open(7, aad, 0, 3, buf, 0, n, buf, 0), "keys of both ends must match");
        assertEquals(42, buf[0]);
        byte[] m1 = new byte[5];
        byte[] m2 = new byte[5];
        sender.headerProtectionMask(buf, 20, m1);
        receiver.headerProtectionMask(buf, 20, m2);
        assertTrue(Arrays.equals(m1, m2), "header protection keys must match");
    }

    static UnaryOperator<byte[]> flipLastByte() {
        return d -> {
            byte[] c = d.clone();
            c[c.length - 1] ^= 1;
            return c;
        };
    }
}
