package dev.socketiwa.it.wasm.jsbody;

import org.teavm.jso.JSBody;

/** An app with @JSBody interop, for the CSP-safe loader's build-time body table (no UDP needed). */
public final class JsBodyApp {
    private JsBodyApp() {
    }

    @JSBody(params = {"a", "b"}, script = "return a  +  b * 2;")
    static native int calc(int a, int b);

    @JSBody(params = "s", script = "var prefix = 'got: ';\n    return prefix + s.toUpperCase();")
    static native String tag(String s);

    @JSBody(script = "return typeof globalThis.Function === 'function';")
    static native boolean hasFunction();

    public static void main(String[] args) {
        System.out.println("calc=" + calc(3, 4));
        System.out.println(tag("wasm"));
        System.out.println("function=" + hasFunction());
    }
}
