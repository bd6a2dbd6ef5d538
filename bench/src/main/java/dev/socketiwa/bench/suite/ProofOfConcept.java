package dev.socketiwa.bench.suite;

import dev.socketiwa.bench.udp.LoadMode;
import java.util.Map;

/** The proof of concept's reported browser/native ratios and the targets, printed beside our figures. */
final class ProofOfConcept {
    private ProofOfConcept() {
    }

    /** Its WebAssembly server's share of native UDP packet throughput, per mode (overall: 0.904). */
    static final Map<LoadMode, Double> RATIO = Map.of(
            LoadMode.BURST, 0.726, LoadMode.CONSTANT, 0.971, LoadMode.RAMP, 0.951, LoadMode.CHAOS, 1.023);
    static final double OVERALL = 0.904;

    /** Browser/JVM targets of the issue; chaos has none. */
    static final Map<LoadMode, Double> TARGET = Map.of(
            LoadMode.BURST, 0.90, LoadMode.CONSTANT, 0.95, LoadMode.RAMP, 0.95);
}
