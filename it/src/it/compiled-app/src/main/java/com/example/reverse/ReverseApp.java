package com.example.reverse;

import dev.socketiwa.runtime.app.SocketIwa;
import dev.socketiwa.runtime.app.UdpApp;
import dev.socketiwa.runtime.udp.UdpTransport;

/** Not the stock echo: sends each datagram back reversed, so the IT compiles an app of its own. */
public final class ReverseApp implements UdpApp {
    public static void main(String[] args) {
        SocketIwa.run(new ReverseApp(), args);
    }

    @Override
    public void serve(UdpTransport udp) {
        byte[] buf = new byte[2048];
        while (true) {
            int n = udp.receive(buf, 0, buf.length, UdpTransport.WAIT_FOREVER);
            for (int i = 0, j = n - 1; i < j; i++, j--) {
                byte b = buf[i];
                buf[i] = buf[j];
                buf[j] = b;
            }
            udp.send(buf, 0, n, udp.sender());
        }
    }
}
