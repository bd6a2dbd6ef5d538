package dev.socketiwa.runtime.udp;

/** A UDP socket failed or was used after close. Unchecked: a server loop usually cannot recover from it locally. */
public class UdpException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UdpException(String message) {
        super(message);
    }

    public UdpException(String message, Throwable cause) {
        super(message, cause);
    }
}
