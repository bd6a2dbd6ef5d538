package dev.socketiwa.plugin.core.wasm;

import org.teavm.dependency.DependencyInfo;
import org.teavm.model.AnnotationReader;
import org.teavm.model.AnnotationValue;
import org.teavm.model.ClassReaderSource;
import org.teavm.model.MethodReader;
import org.teavm.model.MethodReference;

import org.teavm.jso.JSBody;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes socketiwa-jsbodies.mjs: every {@code @JSBody} the compiled app can reach, as real functions in a script file.
 * The IWA CSP forbids evaluating them at load time as TeaVM's stock loader does; our loader looks each body up here
 * (by its parameter names and normalised text) and fails loudly when one is missing.
 */
public final class JsBodyTable {
    public static final String FILE = "socketiwa-jsbodies.mjs";
    private static final String JS_BODY = "org.teavm.jso.JSBody";

    /** A body TeaVM's own runtime classes use in every module (string conversion), reachable or not. */
    private static final JsBody BUILT_IN = new JsBody(List.of("str"), "return str;", "TeaVM runtime");

    private JsBodyTable() {
    }

    /** One {@code @JSBody}: parameter names, script, and where it comes from (for messages). */
    public record JsBody(List<String> params, String script, String origin) {
    }

    /**
     * The bodies of every {@code @JSBody} method of the reachable classes. TeaVM's own model of a class may already have
     * the annotation transformed away, so the original classes are also read through {@code loader} (the annotation
     * is kept at run time).
     */
    public static List<JsBody> collect(DependencyInfo info, ClassLoader loader) throws WasmCompileException {
        Map<String, JsBody> bodies = new LinkedHashMap<>();
        bodies.put(key(BUILT_IN), BUILT_IN);
        if (info == null) {
            return new ArrayList<>(bodies.values());
        }
        ClassReaderSource classes = info.getClassSource();
        List<String> unsupported = new ArrayList<>();
        for (MethodReference ref : info.getReachableMethods()) {
            MethodReader method = classes.resolve(ref);
            if (method == null) {
                continue;
            }
            AnnotationReader annotation = method.getAnnotations().get(JS_BODY);
            if (annotation == null) {
                continue;
            }
            AnnotationValue imports = annotation.getValue("imports");
            if (imports != null && !imports.getList().isEmpty()) {
                unsupported.add("@JSBody with imports on " + ref + " (module imports are not supported in a CSP-safe build)");
                continue;
            }
            List<String> params = new ArrayList<>();
            AnnotationValue paramValues = annotation.getValue("params");
            if (paramValues != null) {
                for (AnnotationValue p : paramValues.getList()) {
                    params.add(p.getString());
                }
            }
            AnnotationValue script = annotation.getValue("script");
            JsBody body = new JsBody(params, script == null ? "" : script.getString(), ref.toString());
            bodies.putIfAbsent(key(body), body);
        }
        for (String className : info.getReachableClasses()) {
            Class<?> type;
            try {
                type = Class.forName(className, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                continue; // TeaVM-generated or substituted classes have no class file of their own
            }
            Method[] methods;
            try {
                methods = type.getDeclaredMethods();
            } catch (LinkageError e) {
                continue;
            }
            for (Method method : methods) {
                JSBody annotation = method.getAnnotation(JSBody.class);
                if (annotation == null) {
                    continue;
                }
                String where = className + "." + method.getName();
                if (annotation.imports().length > 0) {
                    unsupported.add("@JSBody with imports on " + where + " (module imports are not supported in a CSP-safe build)");
                    continue;
                }
                JsBody body = new JsBody(List.of(annotation.params()), annotation.script(), where);
                bodies.putIfAbsent(key(body), body);
            }
        }
        if (!unsupported.isEmpty()) {
            throw new WasmCompileException("the app uses JavaScript interop the CSP-safe loader cannot provide", unsupported);
        }
        return new ArrayList<>(bodies.values());
    }

    public static Path write(Path outputDir, List<JsBody> bodies) throws IOException {
        StringBuilder js = new StringBuilder();
        js.append("// Generated by socketiwa:compile: the app's @JSBody functions, so the loader never evaluates code.\n");
        js.append("import { jsBodyKey } from \"./socketiwa-loader.mjs\";\n\n");
        js.append("const bodies = [\n");
        for (JsBody body : bodies) {
            js.append("  // ").append(body.origin().replace('\n', ' ')).append('\n');
            js.append("  [[");
            for (int i = 0; i < body.params().size(); i++) {
                js.append(i > 0 ? ", " : "").append(jsString(body.params().get(i)));
            }
            js.append("], ").append(jsString(body.script())).append(",\n    function (wrapCallFromJavaToJs");
            for (String p : body.params()) {
                js.append(", ").append(p);
            }
            js.append(") {\n").append(body.script()).append("\n    }],\n");
        }
        js.append("];\n\n");
        js.append("export default Object.fromEntries(bodies.map(([params, body, f]) => [jsBodyKey(params, body), f]));\n");
        Path file = outputDir.resolve(FILE);
        Files.writeString(file, js, StandardCharsets.UTF_8);
        return file;
    }

    private static String key(JsBody body) {
        return String.join(",", body.params()) + "|" + body.script();
    }

    private static String jsString(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
