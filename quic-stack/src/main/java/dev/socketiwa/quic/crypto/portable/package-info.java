/**
 * The portable provider: Bouncy Castle's lightweight API only (no JCA, no java.security providers, no reflection),
 * so it compiles with TeaVM to WebAssembly GC. QuicWasmTest proves it on every build.
 */
package dev.socketiwa.quic.crypto.portable;
