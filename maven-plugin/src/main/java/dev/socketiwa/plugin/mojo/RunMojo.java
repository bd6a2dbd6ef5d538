package dev.socketiwa.plugin.mojo;

import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the app on the JVM with the DatagramChannel transport, in a forked JVM (the app gets its own class path and
 * System.exit; Ctrl-C reaches it through the terminal's process group, and Maven's shutdown stops it too).
 */
@Mojo(name = "run", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class RunMojo extends AbstractMojo {
    @Parameter(property = "socketiwa.app", required = true)
    private String app;

    @Parameter(property = "socketiwa.listen", defaultValue = "127.0.0.1:4433")
    private String listen;

    /** Extra JVM options for the forked app, e.g. {@code -Xmx256m}. */
    @Parameter(property = "socketiwa.jvmArgs")
    private List<String> jvmArgs;

    /**
     * Where the app keeps its certificates (passed as {@code -Dsocketiwa.certDir}): the same directory and property as
     * socketiwa:cert's output, so the certificate that goal wrote is the one served, and restarts keep its hash.
     */
    @Parameter(property = "socketiwa.cert.outputDirectory", defaultValue = "${project.basedir}/.socketiwa")
    private File certificateDirectory;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        String classPath;
        try {
            classPath = String.join(File.pathSeparator, project.getRuntimeClasspathElements());
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("cannot resolve the app's class path: " + e.getMessage(), e);
        }
        List<String> command = new ArrayList<>();
        command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        // Before jvmArgs: a -Dsocketiwa.certDir there wins (the last -D of a name does).
        if (certificateDirectory != null) {
            command.add("-Dsocketiwa.certDir=" + certificateDirectory.getAbsolutePath());
        }
        if (jvmArgs != null) {
            command.addAll(jvmArgs);
        }
        command.add("-cp");
        command.add(classPath);
        command.add(app);
        command.add("--listen=" + listen);
        getLog().info("socketiwa: running " + app + " on the JVM, udp " + listen + " (Ctrl-C stops it)");
        Process process;
        try {
            process = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException e) {
            throw new MojoExecutionException("cannot start java: " + e.getMessage(), e);
        }
        Thread stopper = new Thread(process::destroy, "socketiwa-run-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        int exit;
        try {
            exit = process.waitFor();
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("interrupted while the app ran", e);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook stops the app
            }
        }
        if (exit != 0 && exit != 130 && exit != 143) {
            throw new MojoFailureException(app + " exited with status " + exit);
        }
    }
}
