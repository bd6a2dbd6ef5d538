package dev.socketiwa.plugin.core.wasm;

import java.util.List;

/** The app could not be compiled to wasm; {@link #problems()} holds TeaVM's messages with where each was found. */
public class WasmCompileException extends Exception {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public WasmCompileException(String message, List<String> problems) {
        super(problems.isEmpty() ? message : message + ":\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public WasmCompileException(String message, Throwable cause) {
        super(message, cause);
        this.problems = List.of();
    }

    public List<String> problems() {
        return problems;
    }
}
