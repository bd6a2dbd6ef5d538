package dev.socketiwa.plugin.mojo;

import dev.socketiwa.plugin.core.wasm.WasmCompileException;
import dev.socketiwa.plugin.core.wasm.WasmCompiler;
import dev.socketiwa.plugin.core.wasm.WebAssets;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles the app to WebAssembly (TeaVM, WEBASSEMBLY_GC, strict) and writes the web side (page, CSP-safe loader,
 * Direct Sockets shim, config) into {@code target/socketiwa/web}, which {@code socketiwa:bundle} packages.
 */
@Mojo(name = "compile", defaultPhase = LifecyclePhase.PREPARE_PACKAGE, requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
public class CompileMojo extends AbstractMojo {
    /** The app's entry class: its main calls {@code SocketIwa.run(app, args)}. */
    @Parameter(property = "socketiwa.app", required = true)
    private String app;

    /** Where the app listens in the browser ({@code host:port}); the page URL's {@code ?listen=} overrides it. */
    @Parameter(property = "socketiwa.listen", defaultValue = "127.0.0.1:4433")
    private String listen;

    @Parameter(defaultValue = "${project.build.directory}/socketiwa/web", required = true)
    private File outputDirectory;

    @Parameter(property = "socketiwa.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    /** TeaVM reads the class library (teavm-classlib, -jso, ...) from files, so the plugin's own jars join the path. */
    @Parameter(defaultValue = "${plugin.artifacts}", readonly = true, required = true)
    private List<Artifact> pluginArtifacts;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("socketiwa:compile skipped");
            return;
        }
        List<Path> classPath = new ArrayList<>();
        try {
            for (String element : project.getRuntimeClasspathElements()) {
                classPath.add(Path.of(element));
            }
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("cannot resolve the app's class path: " + e.getMessage(), e);
        }
        for (Artifact artifact : pluginArtifacts) {
            if (artifact.getFile() != null && !classPath.contains(artifact.getFile().toPath())) {
                classPath.add(artifact.getFile().toPath());
            }
        }
        Path out = outputDirectory.toPath();
        long start = System.nanoTime();
        try {
            Path wasm = new WasmCompiler(getLog()::info, getLog()::warn).compile(app, classPath, out);
            WebAssets.write(out, listen);
            getLog().info(String.format("socketiwa: %s is %,d bytes (%,d gzipped), built in %.1f s; web files in %s; listens on %s",
                    wasm.getFileName(), Files.size(wasm), WebAssets.gzippedSize(wasm), (System.nanoTime() - start) / 1e9,
                    out, listen));
        } catch (WasmCompileException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot read the compiled wasm: " + e.getMessage(), e);
        }
    }
}
