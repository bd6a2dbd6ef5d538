package dev.socketiwa.quic.transport;

import dev.socketiwa.quic.packet.ConnectionId;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransportParametersTest {
    private static final ConnectionId SCID = ConnectionId.of(new byte[]{1, 2, 3, 4});

    @Test
    void roundTripsEveryParameter() throws Exception {
        TransportParameters tp = new TransportParameters();
        tp.originalDestinationConnectionId = ConnectionId.of(new byte[]{9, 9});
        tp.maxIdleTimeout = 30_000;
        tp.statelessResetToken = new byte[16];
        tp.maxUdpPayloadSize = 1500;
        tp.initialMaxData = 1 << 20;
        tp.initialMaxStreamDataBidiLocal = 1000;
        tp.initialMaxStreamDataBidiRemote = 2000;
        tp.initialMaxStreamDataUni = 3000;
        tp.initialMaxStreamsBidi = 100;
        tp.initialMaxStreamsUni = 3;
        tp.ackDelayExponent = 5;
        tp.maxAckDelay = 40;
        tp.disableActiveMigration = true;
        tp.activeConnectionIdLimit = 8;
        tp.initialSourceConnectionId = SCID;
        tp.retrySourceConnectionId = ConnectionId.of(new byte[]{7});
        tp.maxDatagramFrameSize = 1200;
        TransportParameters d = TransportParameters.decode(tp.encode(), true);
        assertEquals(tp.originalDestinationConnectionId, d.originalDestinationConnectionId);
        assertEquals(30_000, d.maxIdleTimeout);
        assertArrayEquals(new byte[16], d.statelessResetToken);
        assertEquals(1500, d.maxUdpPayloadSize);
        assertEquals(1 << 20, d.initialMaxData);
        assertEquals(1000, d.initialMaxStreamDataBidiLocal);
        assertEquals(2000, d.initialMaxStreamDataBidiRemote);
        assertEquals(3000, d.initialMaxStreamDataUni);
        assertEquals(100, d.initialMaxStreamsBidi);
        assertEquals(3, d.initialMaxStreamsUni);
        assertEquals(5, d.ackDelayExponent);
        assertEquals(40, d.maxAckDelay);
        assertTrue(d.disableActiveMigration);
        assertEquals(8, d.activeConnectionIdLimit);
        assertEquals(SCID, d.initialSourceConnectionId);
        assertEquals(tp.retrySourceConnectionId, d.retrySourceConnectionId);
        assertEquals(1200, d.maxDatagramFrameSize);
    }

    private static long error(String hex, boolean fromServer) {
        return assertThrows(QuicException.class,
                () -> TransportParameters.decode(HexFormat.of().parseHex(hex), fromServer)).errorCode();
    }

    @Test
    void invalidParametersAreTransportParameterErrors() {
        String scid = "0f0401020304";
        long e = TransportError.TRANSPORT_PARAMETER_ERROR;
        assertEquals(e, error("0302" + "44af" + scid, false));            // max_udp_payload_size 1199
        assertEquals(e, error("0a0115" + scid, false));                   // ack_delay_exponent 21
        assertEquals(e, error("0b028400" + scid, false));                 // max_ack_delay 2^14
        assertEquals(e, error("0e0101" + scid, false));                   // active_connection_id_limit 1
        assertEquals(e, error("0208" + "0000000000000000" + scid, true)); // reset token of 8 bytes
        assertEquals(e, error("0010" + "00".repeat(16) + scid, false));   // server-only parameter from a client
        assertEquals(e, error("020f" + "00".repeat(16) + scid, false));
        assertEquals(e, error("01020501" + scid, false));                 // integer with trailing bytes
        assertEquals(e, error("010105" + "010106" + scid, false));        // duplicate
        assertEquals(e, error("0c0100" + scid, false));                   // disable_active_migration not empty
        assertEquals(e, error("0801" + "c0" + scid, false));              // truncated varint inside
        assertEquals(e, error("0808" + "d000000000000001" + scid, false)); // initial_max_streams_bidi above 2^60
        assertEquals(e, error("", false));                                // initial_source_connection_id missing
        assertEquals(e, error(scid, true));                               // server without original_destination_connection_id
        assertEquals(e, error("0f15" + "00".repeat(21), false));          // connection ID of 21 bytes
        assertEquals(e, error("05", false));                              // truncated
    }

    @Test
    void unknownAndGreaseParametersAreIgnored() throws Exception {
        // 27 = 31*0+27 (reserved), then a private-use id with a body
        TransportParameters tp = TransportParameters.decode(HexFormat.of().parseHex("1b00" + "4f21" + "03abcdef" + "0f0401020304"), false);
        assertEquals(SCID, tp.initialSourceConnectionId);
    }
}
