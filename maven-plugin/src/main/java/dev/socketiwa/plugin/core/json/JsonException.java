package dev.socketiwa.plugin.core.json;

/** Malformed JSON; carries the 1-based line and column so the user can find the mistake. */
public final class JsonException extends Exception {
    private final int line;
    private final int column;

    public JsonException(String message, int line, int column) {
        super(message + " at line " + line + ", column " + column);
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
