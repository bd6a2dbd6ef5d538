package com.example.bad;

import java.io.IOException;
import java.net.Socket;

/** Fine on the JVM, impossible in wasm: TeaVM's class library has no java.net.Socket. */
public final class UsesSocket {
    public static void main(String[] args) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", 7)) {
            socket.getOutputStream().write(1);
        }
    }
}
