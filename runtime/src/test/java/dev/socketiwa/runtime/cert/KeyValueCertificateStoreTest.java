package dev.socketiwa.runtime.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.socketiwa.quic.crypto.SecureRandomSource;

class KeyValueCertificateStoreTest {
    static final long T0 = 1_795_000_000_000L;
    static final long DAY = CertificateRequest.DAY_MILLIS;

    /** Like localStorage: strings under keys, and a log of writes to check their order. */
    static final class MapStorage implements KeyValueCertificateStore.Storage {
        final Map<String, String> map = new TreeMap<>();
        final List<String> writes = new ArrayList<>();

        @Override
        public String get(String key) {
            return map.get(key);
        }

        @Override
        public void put(String key, String value) {
            writes.add("put " + key);
            map.put(key, value);
        }

        @Override
        public void remove(String key) {
            map.remove(key);
        }

        @Override
        public String describe() {
            return "test storage";
        }
    }

    private final CertificateGenerator generator = new CertificateGenerator(new SecureRandomSource());

    @Test
    void reloadKeepsTheHashesAndDamageIsReportedWithTheKeys() {
        MapStorage storage = new MapStorage();
        CertificateLifecycle first = new CertificateLifecycle(new KeyValueCertificateStore(storage), generator);
        first.start(T0);
        first.maintain(T0 + 11 * DAY);
        assertEquals(List.of("socketiwa.webtransport.current.cert", "socketiwa.webtransport.current.key",
                "socketiwa.webtransport.next.cert", "socketiwa.webtransport.next.key"), List.copyOf(storage.map.keySet()));
        List<String> lastSave = storage.writes.subList(storage.writes.size() - 4, storage.writes.size());
        assertEquals(List.of("put socketiwa.webtransport.next.key", "put socketiwa.webtransport.next.cert",
                "put socketiwa.webtransport.current.key", "put socketiwa.webtransport.current.cert"), lastSave);

        // "Reload": a new lifecycle over the same storage.
        CertificateLifecycle reloaded = new CertificateLifecycle(new KeyValueCertificateStore(storage), generator);
        reloaded.start(T0 + 11 * DAY + 1000);
        assertEquals(first.publishedHashes(T0 + 11 * DAY), reloaded.publishedHashes(T0 + 11 * DAY + 1000));

        // Promotion at expiry removes the next slot.
        reloaded.maintain(T0 + 13 * DAY);
        assertEquals(2, storage.map.size());

        storage.map.put("socketiwa.webtransport.current.key", "truncated");
        CertificateStoreException e = assertThrows(CertificateStoreException.class,
                () -> new CertificateLifecycle(new KeyValueCertificateStore(storage), generator).start(T0 + 13 * DAY));
        assertTrue(e.getMessage().contains("test storage (keys socketiwa.webtransport.*)"), e.getMessage());
    }
}
