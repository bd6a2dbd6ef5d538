/**
 * Real-browser tests: any app content runs as an Isolated Web App in headless Chromium through the product's own dev
 * server and DevTools client ({@code socketiwa:dev}'s code path), with the local-network permissions granted.
 *
 * <p>To run another app (e.g. a QUIC server) this way: collect its content with {@code AppContent} (see
 * {@link dev.socketiwa.it.browser.ExampleApps}), pick a port with {@link dev.socketiwa.it.browser.FreePorts}, then
 * {@code BrowserHarness.builder().content(...).open("/?listen=127.0.0.1:" + port).start()}; the ready and failed
 * conditions default to the product page's {@code <body data-state>} ("listening" / "failed"). Keep the harness open
 * while talking to the app: Chromium drops the permission grant with the DevTools connection. Failures carry the
 * app's log, the page console and Chromium's output ({@code harness.diagnostics()}).
 */
package dev.socketiwa.it.browser;
