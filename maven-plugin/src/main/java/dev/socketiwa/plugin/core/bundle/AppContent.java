package dev.socketiwa.plugin.core.bundle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Gathers every response an app serves, the one place that decides what a bundle (and the dev server) contains.
 *
 * <p>Rules: every regular file under the IWA directory and the existing generated directories is served at its
 * relative path. A path provided by two sources is an error (nothing is silently shadowed). Each {@code index.html} is
 * also served at its directory's URL ("/" for the root), as Chromium requests {@code isolated-app://id/}. The manifest
 * at {@link Manifests#PATH} is always generated, merging the user's manifest. When that manifest lists no icons,
 * {@link DefaultIcon} is served at {@link DefaultIcon#PATH}, unless the user serves a file there: theirs wins, so a
 * project can restyle the default icon by dropping in its own 256x256 SVG.
 */
public final class AppContent {
    private AppContent() {
    }

    /** All responses of the app, sorted by path, including /.well-known/manifest.webmanifest. */
    public static SortedMap<String, WebResource> collect(AppContentSpec spec) throws BundleException {
        Path iwa = spec.iwaDirectory();
        if (iwa == null || !Files.isDirectory(iwa)) {
            throw new BundleException("The IWA directory " + iwa + " does not exist: create it with at least an index.html,"
                    + " or point the iwaDirectory parameter at your web files.");
        }
        Map<String, Path> sources = new TreeMap<>();
        Path manifestInTree = null;
        List<Path> roots = new ArrayList<>();
        roots.add(iwa);
        for (Path generated : spec.generatedDirectories() == null ? List.<Path>of() : spec.generatedDirectories()) {
            if (Files.isDirectory(generated)) {
                roots.add(generated);
            }
        }
        for (Path root : roots) {
            for (Path file : listFiles(root)) {
                String url = UrlPaths.of(root, file);
                Path previous = sources.putIfAbsent(url, file);
                if (previous != null) {
                    throw new BundleException("Two files would be served at " + url + ": " + previous + " and " + file
                            + ". Remove or rename one of them.");
                }
            }
        }
        Path manifestFile = sources.remove(Manifests.PATH);
        ManifestSpec manifest = spec.manifest();
        Path userManifest = manifest.userManifest();
        if (userManifest != null) {
            if (manifestFile != null && !sameFile(manifestFile, userManifest)) {
                throw new BundleException("Two manifests were given: " + userManifest + " (configured) and " + manifestFile
                        + ". Keep one of them.");
            }
            if (!Files.isRegularFile(userManifest)) {
                throw new BundleException("The configured manifest " + userManifest + " does not exist; create it or remove the setting.");
            }
            manifestFile = userManifest;
        }
        SortedMap<String, WebResource> resources = new TreeMap<>();
        for (Map.Entry<String, Path> e : sources.entrySet()) {
            String url = e.getKey();
            byte[] body = read(e.getValue());
            resources.put(url, new WebResource(url, ContentTypes.forPath(url), body));
            if (url.endsWith("/index.html")) {
                String directory = url.substring(0, url.length() - "index.html".length());
                resources.put(directory, new WebResource(directory, ContentTypes.forPath(url), body));
            }
        }
        byte[] userBytes = manifestFile == null ? null : read(manifestFile);
        Manifests.Generated generated = Manifests.generate(manifest, userBytes,
                manifestFile == null ? "(none)" : manifestFile.toString());
        resources.put(Manifests.PATH, new WebResource(Manifests.PATH, ContentTypes.forPath(Manifests.PATH),
                generated.json().getBytes(StandardCharsets.UTF_8)));
        if (generated.usesDefaultIcon() && !resources.containsKey(DefaultIcon.PATH)) {
            resources.put(DefaultIcon.PATH, new WebResource(DefaultIcon.PATH, DefaultIcon.CONTENT_TYPE, DefaultIcon.bytes()));
        }
        return Collections.unmodifiableSortedMap(resources);
    }

    private static List<Path> listFiles(Path root) throws BundleException {
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> files = new ArrayList<>();
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(p)) {
                    files.add(p);
                }
            }
            Collections.sort(files);
            return files;
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new BundleException("Cannot list the files under " + root + ": " + e.getMessage()
                    + ". Check that the directory is readable.", e);
        }
    }

    private static byte[] read(Path file) throws BundleException {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new BundleException("Cannot read " + file + ": " + e + ". Check that the file is readable.", e);
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
