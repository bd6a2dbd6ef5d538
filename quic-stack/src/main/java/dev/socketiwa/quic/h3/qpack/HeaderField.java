package dev.socketiwa.quic.h3.qpack;

/**
 * One field line. Names and values are kept as Latin-1 strings, so every byte round-trips unchanged; names on the wire
 * are lower case (RFC 9114 §4.2).
 */
public final class HeaderField {
    /** RFC 9204 §3.2.1: each entry costs its name and value lengths plus 32. */
    public static final int ENTRY_OVERHEAD = 32;

    public final String name;
    public final String value;

    public HeaderField(String name, String value) {
        this.name = name;
        this.value = value;
    }

    /** Size as counted for table capacity and field section limits. */
    public long size() {
        return (long) name.length() + value.length() + ENTRY_OVERHEAD;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HeaderField && ((HeaderField) o).name.equals(name) && ((HeaderField) o).value.equals(value);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + value.hashCode();
    }

    @Override
    public String toString() {
        return name + ": " + value;
    }
}
