package dev.socketiwa.plugin.core.json;

/** A JSON number kept as its source text, so a manifest round-trips without float reformatting. */
public record JsonNumber(String text) {
    @Override
    public String toString() {
        return text;
    }
}
