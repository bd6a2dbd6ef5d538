package dev.socketiwa.bench.quic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every target's measurements by kind, in the order measured, and the ratios the report shows. */
public final class QuicResults {
    public static final List<String> KINDS = List.of(HandshakeRate.KIND, EchoStreamThroughput.KIND, Http3Download.KIND,
            Http3Requests.KIND, WebTransportDatagramRate.KIND);

    private final Map<String, String> addresses = new LinkedHashMap<>();
    private final Map<String, Map<String, Measurement>> byTarget = new LinkedHashMap<>();

    public void addTarget(String name, String address) {
        addresses.put(name, address);
        byTarget.put(name, new LinkedHashMap<>());
    }

    public void put(String target, Measurement m) {
        byTarget.get(target).put(m.kind(), m);
    }

    public List<String> targets() {
        return new ArrayList<>(addresses.keySet());
    }

    public String address(String target) {
        return addresses.get(target);
    }

    /** The measurement, or a "not measured" placeholder. */
    public Measurement get(String target, String kind) {
        Map<String, Measurement> m = byTarget.get(target);
        Measurement r = m == null ? null : m.get(kind);
        return r != null ? r : Measurement.notApplicable(kind, "not measured");
    }

    /** numerator/denominator for one kind, NaN when either side has no figure or a target is absent. */
    public double ratio(String kind, String numerator, String denominator) {
        if (!addresses.containsKey(numerator) || !addresses.containsKey(denominator)) {
            return Double.NaN;
        }
        Measurement a = get(numerator, kind);
        Measurement b = get(denominator, kind);
        if (!a.hasValue() || !b.hasValue() || b.value() == 0) {
            return Double.NaN;
        }
        return a.value() / b.value();
    }

    /** Ratio pairs shown in the table and chart: browser/jvm and jvm/native, when those targets exist. */
    public List<String[]> ratioPairs() {
        List<String[]> pairs = new ArrayList<>();
        if (addresses.containsKey("browser") && addresses.containsKey("jvm")) {
            pairs.add(new String[] {"browser", "jvm"});
        }
        if (addresses.containsKey("jvm") && addresses.containsKey("native")) {
            pairs.add(new String[] {"jvm", "native"});
        }
        if (addresses.containsKey("browser") && addresses.containsKey("native")) {
            pairs.add(new String[] {"browser", "native"});
        }
        return pairs;
    }

    public boolean anyFailed() {
        for (Map<String, Measurement> m : byTarget.values()) {
            for (Measurement x : m.values()) {
                if (x.detail().startsWith("failed")) {
                    return true;
                }
            }
        }
        return false;
    }
}
