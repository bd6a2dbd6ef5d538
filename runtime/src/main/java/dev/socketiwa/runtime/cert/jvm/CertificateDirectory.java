package dev.socketiwa.runtime.cert.jvm;

import java.nio.file.Path;

/**
 * Where a JVM server keeps its certificates: {@code --cert-dir DIR} (or {@code --cert-dir=DIR}), else the system
 * property {@value #PROPERTY}, else {@value #DEFAULT} in the working directory. The same layout {@code mvn socketiwa:cert}
 * writes, so a project's generated certificate is the one served.
 */
public final class CertificateDirectory {
    public static final String PROPERTY = "socketiwa.certDir";
    public static final String OPTION = "--cert-dir";
    public static final String DEFAULT = ".socketiwa";

    private CertificateDirectory() {
    }

    public static Path resolve(String[] args) {
        String chosen = null;
        if (args != null) {
            for (int i = 0; i < args.length && chosen == null; i++) {
                if (args[i].startsWith(OPTION + "=")) {
                    chosen = args[i].substring(OPTION.length() + 1);
                } else if (args[i].equals(OPTION)) {
                    if (i + 1 >= args.length || args[i + 1].isBlank()) {
                        throw new IllegalArgumentException(OPTION + " needs a directory, e.g. " + OPTION + " .socketiwa");
                    }
                    chosen = args[i + 1];
                }
            }
        }
        if (chosen == null) {
            String property = System.getProperty(PROPERTY);
            chosen = property != null && !property.isBlank() ? property.trim() : DEFAULT;
        }
        if (chosen.isBlank()) {
            throw new IllegalArgumentException(OPTION + "= needs a directory, e.g. " + OPTION + "=.socketiwa");
        }
        return Path.of(chosen).toAbsolutePath().normalize();
    }

    public static FileCertificateStore store(String[] args) {
        return new FileCertificateStore(resolve(args));
    }
}
