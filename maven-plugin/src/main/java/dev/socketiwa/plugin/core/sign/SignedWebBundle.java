package dev.socketiwa.plugin.core.sign;

import dev.socketiwa.plugin.core.bundle.WebBundleWriter;
import dev.socketiwa.plugin.core.bundle.WebResource;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** A finished .swbn and the identity it carries. */
public record SignedWebBundle(byte[] bytes, WebBundleId webBundleId) {
    /** Bundles {@code resources} in iteration order and signs with every key; the ID is the first key's. */
    public static SignedWebBundle create(Collection<WebResource> resources, List<SigningKey> keys) {
        WebBundleId id = WebBundleId.of(keys.get(0));
        byte[] bundle = WebBundleWriter.write(new ArrayList<>(resources));
        return new SignedWebBundle(IntegrityBlockSigner.sign(bundle, id, keys), id);
    }
}
