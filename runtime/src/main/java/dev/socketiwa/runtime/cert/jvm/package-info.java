/** JVM-only pieces of certificate handling (files, SecureRandom); never reachable from the wasm build. */
package dev.socketiwa.runtime.cert.jvm;
