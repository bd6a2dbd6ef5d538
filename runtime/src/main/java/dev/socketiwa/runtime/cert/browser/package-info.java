/**
 * The browser home of the certificate lifecycle, only inside the wasm build: {@link
 * dev.socketiwa.runtime.cert.browser.IwaStorage} keeps the certificates in the Isolated Web App's own origin storage
 * (so a reload keeps the hash and the private key never enters the signed bundle), and {@link
 * dev.socketiwa.runtime.cert.browser.PageCertificates} tells the app's page which hashes to pin. Both reach JavaScript
 * through raw int-only wasm imports ({@code socketiwaStorage}, {@code socketiwaPage}) provided by
 * web/socketiwa-storage.mjs; strings cross as UTF-8 through a scratch region of linear memory.
 */
package dev.socketiwa.runtime.cert.browser;
