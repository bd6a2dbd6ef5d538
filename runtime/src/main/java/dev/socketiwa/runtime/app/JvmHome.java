package dev.socketiwa.runtime.app;

import dev.socketiwa.runtime.udp.UdpEndpoint;
import dev.socketiwa.runtime.udp.jvm.DatagramChannelTransport;

/** The JVM side of {@link SocketIwa}: binds a DatagramChannel and runs the app; Ctrl-C closes the socket. */
final class JvmHome {
    private JvmHome() {
    }

    static void run(UdpApp app, String[] args) {
        UdpEndpoint listen = UdpEndpoint.parse(listenAddress(args));
        DatagramChannelTransport udp = DatagramChannelTransport.bind(listen);
        Thread closer = new Thread(udp::close, "socketiwa-close");
        Runtime.getRuntime().addShutdownHook(closer);
        System.out.println("socketiwa: listening on udp " + udp.localEndpoint() + bufferNote(udp));
        try {
            app.serve(udp);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("the app failed: " + e, e);
        } finally {
            udp.close();
            try {
                Runtime.getRuntime().removeShutdownHook(closer);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting (Ctrl-C): the hook runs anyway
            }
        }
    }

    /** Says what the OS granted, so a lossy burst on a host with a low net.core.rmem_max is explained in the log. */
    static String bufferNote(DatagramChannelTransport udp) {
        if (udp.requestedBufferBytes() == 0) {
            return " (OS default socket buffers: receive " + udp.receiveBufferBytes() + " B, send " + udp.sendBufferBytes() + " B)";
        }
        String note = " (socket buffers: asked " + udp.requestedBufferBytes() + " B, OS reports receive "
                + udp.receiveBufferBytes() + " B, send " + udp.sendBufferBytes() + " B";
        if (udp.receiveBufferBytes() < udp.requestedBufferBytes()) {
            note += "; raise net.core.rmem_max to get more";
        }
        return note + ")";
    }

    static String listenAddress(String[] args) {
        if (args != null) {
            for (int i = 0; i < args.length; i++) {
                if (args[i].startsWith("--listen=")) {
                    return args[i].substring("--listen=".length());
                }
                if (args[i].equals("--listen") && i + 1 < args.length) {
                    return args[i + 1];
                }
            }
        }
        String property = System.getProperty("socketiwa.listen");
        return property != null && !property.isBlank() ? property.trim() : SocketIwa.DEFAULT_LISTEN;
    }
}
