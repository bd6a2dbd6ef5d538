package dev.socketiwa.runtime.cert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;

class SubjectAltNamesTest {
    @Test
    void addressOctetsMatchTheJdk() throws Exception {
        String[] addresses = {"127.0.0.1", "10.1.2.3", "255.255.255.255", "::1", "::", "fe80::1", "2001:db8::1:2",
            "1:2:3:4:5:6:7:8", "1::", "::ffff:192.0.2.1", "2001:DB8:0:0:8:800:200C:417A", "64:ff9b::10.0.0.1"};
        for (String address : addresses) {
            byte[] expected = address.indexOf(':') < 0 ? InetAddress.getByName(address).getAddress() : v6(address);
            assertArrayEquals(expected, SubjectAltNames.ipOctets(address), address);
        }
    }

    /** The JDK turns IPv4-mapped IPv6 into IPv4; the certificate keeps the 16 octets the user wrote. */
    private static byte[] v6(String address) throws Exception {
        byte[] jdk = InetAddress.getByName(address).getAddress();
        if (jdk.length == 16) {
            return jdk;
        }
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(jdk, 0, mapped, 12, 4);
        return mapped;
    }
}
