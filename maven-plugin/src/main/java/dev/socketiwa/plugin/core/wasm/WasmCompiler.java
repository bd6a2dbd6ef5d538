package dev.socketiwa.plugin.core.wasm;

import org.teavm.callgraph.CallGraph;
import org.teavm.diagnostics.DefaultProblemTextConsumer;
import org.teavm.diagnostics.Problem;
import org.teavm.tooling.TeaVMProblemRenderer;
import org.teavm.tooling.TeaVMTargetType;
import org.teavm.tooling.TeaVMTool;
import org.teavm.tooling.TeaVMToolException;
import org.teavm.tooling.TeaVMToolLog;
import org.teavm.vm.TeaVMOptimizationLevel;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Compiles an app (its main class calls {@code SocketIwa.run}) with TeaVM 0.15.0 to WebAssembly GC. Strict mode, so
 * null dereferences and bad array indexes stay catchable Java exceptions instead of wasm traps. Knows nothing of Maven.
 */
public final class WasmCompiler {
    public static final String WASM_FILE = "app.wasm";

    private final Consumer<String> info;
    private final Consumer<String> warn;

    public WasmCompiler(Consumer<String> info, Consumer<String> warn) {
        this.info = info;
        this.warn = warn;
    }

    /**
     * @param mainClass the app's entry class (with {@code public static void main(String[])})
     * @param classPath the app's compiled classes and its dependencies (the runtime among them)
     * @param outputDir where {@value #WASM_FILE} and the @JSBody table ({@link JsBodyTable#FILE}) go
     * @return the wasm file
     * @throws WasmCompileException with every severe problem TeaVM found and where, or why TeaVM could not run
     */
    public Path compile(String mainClass, List<Path> classPath, Path outputDir) throws WasmCompileException {
        if (mainClass == null || mainClass.isBlank()) {
            throw new WasmCompileException("no app class given: set <app> (property socketiwa.app) to the class whose main "
                    + "calls SocketIwa.run(app, args)", List.of());
        }
        List<URL> urls = new ArrayList<>();
        List<File> files = new ArrayList<>();
        for (Path p : classPath) {
            files.add(p.toFile());
            try {
                urls.add(p.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new WasmCompileException("bad class path entry " + p, e);
            }
        }
        try {
            Files.createDirectories(outputDir);
        } catch (IOException e) {
            throw new WasmCompileException("cannot create " + outputDir + ": " + e.getMessage(), e);
        }
        // TeaVM's class library comes from this plugin's class loader; the app's classes from its class path.
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), WasmCompiler.class.getClassLoader())) {
            checkMainClass(mainClass, loader);
            TeaVMTool tool = new TeaVMTool();
            tool.setTargetType(TeaVMTargetType.WEBASSEMBLY_GC);
            tool.setMainClass(mainClass);
            tool.setTargetDirectory(outputDir.toFile());
            tool.setTargetFileName(WASM_FILE);
            // No setClassPath: TeaVM then reads classes through the loader, which also reaches the JDK for the few
            // classes its library lacks and Bouncy Castle needs at build time (javax.security.auth.Destroyable,
            // java.util.SimpleTimeZone behind Time.toString); with a bare class path those are severe problems.
            tool.setClassLoader(loader);
            tool.setStrict(true);
            tool.setObfuscated(true);
            tool.setOptimizationLevel(TeaVMOptimizationLevel.FULL);
            tool.setIncremental(false);
            tool.setDebugInformationGenerated(false);
            tool.setSourceMapsFileGenerated(false);
            tool.setLog(new ForwardingLog());
            try {
                tool.generate();
            } catch (TeaVMToolException e) {
                throw new WasmCompileException("TeaVM failed on " + mainClass + ": " + e.getMessage(), e);
            }
            List<String> severe = describe(tool, tool.getProblemProvider().getSevereProblems());
            for (String warning : describe(tool, tool.getProblemProvider().getProblems())) {
                if (!severe.contains(warning)) {
                    warn.accept("TeaVM: " + warning);
                }
            }
            if (!severe.isEmpty()) {
                throw new WasmCompileException("the app " + mainClass + " cannot run in wasm (TeaVM found "
                        + severe.size() + " problem" + (severe.size() == 1 ? "" : "s")
                        + "; code reached from main may not use reflection, threads, java.net, javax.crypto or other "
                        + "JDK parts TeaVM lacks)", severe);
            }
            JsBodyTable.write(outputDir, JsBodyTable.collect(tool.getDependencyInfo(), loader));
        } catch (IOException e) {
            throw new WasmCompileException("cannot write into " + outputDir + ": " + e.getMessage(), e);
        }
        Path wasm = outputDir.resolve(WASM_FILE);
        if (!Files.isRegularFile(wasm)) {
            throw new WasmCompileException("TeaVM reported no problem but wrote no " + wasm, List.of());
        }
        return wasm;
    }

    private static void checkMainClass(String mainClass, ClassLoader loader) throws WasmCompileException {
        String resource = mainClass.replace('.', '/') + ".class";
        if (loader.getResource(resource) == null) {
            throw new WasmCompileException("the app class " + mainClass + " is not on the class path: check <app> "
                    + "(property socketiwa.app) and that the project compiled", List.of());
        }
    }

    private static List<String> describe(TeaVMTool tool, List<Problem> problems) {
        List<String> out = new ArrayList<>();
        CallGraph graph = tool.getDependencyInfo() != null ? tool.getDependencyInfo().getCallGraph() : null;
        for (Problem problem : problems) {
            DefaultProblemTextConsumer text = new DefaultProblemTextConsumer();
            problem.render(text);
            StringBuilder sb = new StringBuilder(text.getText());
            if (problem.getLocation() != null) {
                if (graph != null) {
                    TeaVMProblemRenderer.renderCallStack(graph, problem.getLocation(), sb);
                } else if (problem.getLocation().getMethod() != null) {
                    sb.append(" at ").append(problem.getLocation().getMethod());
                }
            }
            String line = sb.toString().strip();
            if (!out.contains(line)) {
                out.add(line);
            }
        }
        return out;
    }

    private final class ForwardingLog implements TeaVMToolLog {
        @Override
        public void info(String text) {
            info.accept(text);
        }

        @Override
        public void debug(String text) {
        }

        @Override
        public void warning(String text) {
            warn.accept(text);
        }

        @Override
        public void error(String text) {
            warn.accept(text);
        }

        @Override
        public void info(String text, Throwable e) {
            info.accept(text + ": " + e);
        }

        @Override
        public void debug(String text, Throwable e) {
        }

        @Override
        public void warning(String text, Throwable e) {
            warn.accept(text + ": " + e);
        }

        @Override
        public void error(String text, Throwable e) {
            warn.accept(text + ": " + e);
        }
    }
}
