package dev.socketiwa.bench.quic;

import java.util.Locale;

/**
 * One measured figure of one target: {@code value} in {@code unit} (higher is better for every QUIC measurement here),
 * how many operations succeeded and failed, and what was done, in words. A target that cannot take part (the native
 * anchor has no echo ALPN) gets {@link #notApplicable}; a run that failed outright gets {@link #failed}.
 */
public record Measurement(String kind, double value, String unit, long succeeded, long failed, double seconds,
                          String detail) {
    public static Measurement notApplicable(String kind, String why) {
        return new Measurement(kind, Double.NaN, "", 0, 0, 0, "n/a: " + why);
    }

    public static Measurement failed(String kind, String why) {
        return new Measurement(kind, Double.NaN, "", 0, 1, 0, "failed: " + why);
    }

    public boolean hasValue() {
        return !Double.isNaN(value);
    }

    public String formatted() {
        if (!hasValue()) {
            return detail.startsWith("failed") ? "failed" : "n/a";
        }
        return String.format(Locale.ROOT, value >= 100 ? "%,.0f %s" : "%,.1f %s", value, unit);
    }
}
