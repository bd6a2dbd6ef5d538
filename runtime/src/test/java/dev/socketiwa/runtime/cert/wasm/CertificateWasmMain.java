package dev.socketiwa.runtime.cert.wasm;

import java.util.List;

import dev.socketiwa.runtime.cert.CertificateGenerator;
import dev.socketiwa.runtime.cert.CertificateHashes;
import dev.socketiwa.runtime.cert.CertificateLifecycle;
import dev.socketiwa.runtime.cert.CertificateRequest;
import dev.socketiwa.runtime.cert.KeyValueCertificateStore;
import dev.socketiwa.runtime.cert.PublishedCertificate;
import dev.socketiwa.quic.crypto.SecureRandomSource;
import dev.socketiwa.runtime.cert.RotationPolicy;
import dev.socketiwa.runtime.cert.ServerCertificate;

/**
 * Runs inside wasm (TeaVM WEBASSEMBLY_GC) for CertificateGeneratorWasmTest: generates certificates, times them, drives
 * a rotation, and prints everything the JVM side checks. Randomness: quic-stack's SecureRandomSource, which TeaVM maps to
 * crypto.getRandomValues.
 */
public final class CertificateWasmMain {
    private CertificateWasmMain() {
    }

    public static void main(String[] args) {
        CertificateGenerator generator = new CertificateGenerator(new SecureRandomSource());
        CertificateRequest request = CertificateRequest.defaults()
                .withSubjectAltNames(java.util.Arrays.asList("localhost", "127.0.0.1", "::1"));

        long t0 = System.nanoTime();
        ServerCertificate first = generator.generate(request, System.currentTimeMillis());
        long firstNanos = System.nanoTime() - t0;
        int runs = 20;
        StringBuilder each = new StringBuilder();
        ServerCertificate last = first;
        for (int i = 0; i < runs; i++) {
            t0 = System.nanoTime();
            last = generator.generate(request, System.currentTimeMillis());
            each.append(' ').append((System.nanoTime() - t0) / 1000);
        }
        System.out.println("FIRST_MICROS " + firstNanos / 1000);
        // One figure per run: the machine is shared, so the test reports min and median rather than a mean.
        System.out.println("EACH_MICROS" + each);
        System.out.println("HASH " + CertificateHashes.hex(last.sha256()));
        System.out.print(last.certificatePem());
        System.out.print(last.privateKeyPem());

        // The rotation runs the same way in wasm: start, overlap, restart from the store.
        long now = 1_795_000_000_000L;
        long day = CertificateRequest.DAY_MILLIS;
        // The key-value store the browser build will back with the IWA's storage; a map stands in here.
        java.util.Map<String, String> map = new java.util.HashMap<>();
        KeyValueCertificateStore store = new KeyValueCertificateStore(new KeyValueCertificateStore.Storage() {
            @Override
            public String get(String key) {
                return map.get(key);
            }

            @Override
            public void put(String key, String value) {
                map.put(key, value);
            }

            @Override
            public void remove(String key) {
                map.remove(key);
            }

            @Override
            public String describe() {
                return "map";
            }
        });
        CertificateLifecycle lifecycle = new CertificateLifecycle(store, generator, request, RotationPolicy.defaults(),
                CertificateLifecycle.CorruptStorePolicy.REGENERATE);
        lifecycle.start(now);
        List<PublishedCertificate> during = lifecycle.publishedHashes(now + 11 * day);
        CertificateLifecycle restarted = new CertificateLifecycle(store, generator, request,
                RotationPolicy.defaults(), CertificateLifecycle.CorruptStorePolicy.REGENERATE);
        restarted.start(now + 11 * day + 1);
        boolean same = restarted.current().hasSameHash(lifecycle.current())
                && restarted.next().hasSameHash(lifecycle.next());
        boolean switched = restarted.select(now + 12 * day) == restarted.next();
        System.out.println("LIFECYCLE published=" + during.size() + " restartSame=" + same + " switched=" + switched);
        System.out.println("SNIPPET " + CertificateHashes.serverCertificateHashesSnippet(during));
        System.out.println("JSON " + CertificateHashes.toJson(during));
        System.out.println("DONE");
    }
}
