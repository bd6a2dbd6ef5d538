package dev.socketiwa.plugin.core.bundle;

import java.nio.file.Path;

/** Turns a file's place under a web root into the URL path it is served at, refusing names a URL cannot carry as-is. */
public final class UrlPaths {
    private static final String ALLOWED_PUNCTUATION = "-._~!$&'()*+,;=:@";

    private UrlPaths() {
    }

    /** "/dir/file.js" for root/dir/file.js. */
    public static String of(Path root, Path file) throws BundleException {
        Path relative = root.relativize(file);
        StringBuilder url = new StringBuilder();
        for (Path segment : relative) {
            String name = segment.toString();
            checkSegment(name, relative);
            url.append('/').append(name);
        }
        return url.toString();
    }

    private static void checkSegment(String name, Path relative) throws BundleException {
        if (name.equals(".") || name.equals("..") || name.isEmpty()) {
            throw bad(relative, "'" + name + "' is not a file name");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || ALLOWED_PUNCTUATION.indexOf(c) >= 0;
            if (!ok) {
                String shown = c == ' ' ? "a space" : (c < 0x20 || c > 0x7e) ? String.format("U+%04X", (int) c) : "'" + c + "'";
                throw bad(relative, "it contains " + shown);
            }
        }
    }

    private static BundleException bad(Path relative, String why) {
        return new BundleException("The file '" + relative + "' cannot be served as a URL path: " + why
                + ". Rename it using only letters, digits and -._~!$&'()*+,;=:@ (no spaces, '%', '?', '#' or non-ASCII).");
    }
}
