package dev.socketiwa.quic.h3;

/** Reads an HTTP/3 frame header (type, length) from a stream incrementally. */
final class FrameHeaderReader {
    private final VarIntReader varint = new VarIntReader();
    private boolean haveType;
    long type;
    long length;

    /** DONE with type and length set, MORE, or END when the stream ended cleanly between frames. */
    int read(QuicStreams io, long streamId) throws H3Exception {
        while (true) {
            int r = varint.read(io, streamId);
            if (r == VarIntReader.MORE) return r;
            if (r == VarIntReader.END) {
                if (haveType) throw new H3Exception(H3Error.FRAME_ERROR, "stream " + streamId + " ends inside a frame header");
                return r;
            }
            if (!haveType) {
                type = varint.value;
                haveType = true;
            } else {
                length = varint.value;
                haveType = false;
                return VarIntReader.DONE;
            }
        }
    }
}
