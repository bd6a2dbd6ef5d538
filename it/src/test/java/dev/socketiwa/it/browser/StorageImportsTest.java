package dev.socketiwa.it.browser;

import dev.socketiwa.it.bundle.NodeScripts;
import dev.socketiwa.it.tools.TestTools;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The storage and page imports of the browser build (runtime's web/socketiwa-storage.mjs) under Node 24, driven the
 * way the wasm side calls them: UTF-8 keys and values through linear memory, absent keys, values larger than the
 * scratch region, a storage that refuses writes (the reason reaches Java), no localStorage at all, and bad JSON for
 * the page. The happy path in a real IWA is WasmQuicEchoCertificateIwaTest's.
 */
class StorageImportsTest {
    @Test
    void storageImportsHandleEveryOutcome() throws Exception {
        Path module = TestTools.require(TestTools.root().getParent()
                .resolve("runtime/src/main/resources/dev/socketiwa/runtime/web/socketiwa-storage.mjs"), "runtime's web files");
        String out = NodeScripts.ok(Map.of(), "storage-imports.mjs", module.toString());
        assertTrue(out.contains("\"failed\":[]"), out);
    }
}
