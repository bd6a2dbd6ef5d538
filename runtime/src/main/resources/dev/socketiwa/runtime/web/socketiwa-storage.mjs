// The app's own storage and its page, for the wasm side: the imports of dev.socketiwa.runtime.cert.browser.StorageShim.
// A string key-value store in the Isolated Web App's localStorage (the wasm runs on the app's window, where
// localStorage is synchronous, so these are plain imports, never JSPI suspensions), and the certificates the app
// publishes for clients to pin. Strings cross as UTF-8 through a scratch region of linear memory that Java asks for;
// a value or an error's reason waits here as "pending" bytes until Java takes them.

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * @param options {storage: a Web Storage (default globalThis.localStorage), onCertificates(json object),
 *                 log(line, stream)}
 * @returns {imports: {socketiwaStorage, socketiwaPage}, attach(app)}: pass imports to the loader, then attach the
 *          loaded app (its memory and teavm.malloc) before running Java code that uses them
 */
export function storageImports(options = {}) {
  const log = options.log ?? ((line) => console.log(line));
  const onCertificates = options.onCertificates ?? (() => {});
  let app = null;
  let pending = new Uint8Array(0);

  const bytes = () => new Uint8Array(app.memory.buffer);
  const text = (ptr, len) => decoder.decode(bytes().slice(ptr, ptr + len));
  const setPending = (value) => {
    pending = encoder.encode(value);
    return pending.byteLength;
  };
  const storage = () => {
    const s = options.storage ?? globalThis.localStorage;
    if (!s) {
      throw new Error("no localStorage here: the app must run on its Isolated Web App window");
    }
    return s;
  };
  const failed = (what, e) => {
    log("socketiwa storage: " + what + " failed: " + e, "stderr");
    setPending(String(e?.name ? e.name + ": " + e.message : e));
    return -2;
  };

  const socketiwaStorage = {
    scratch(previous, minBytes) {
      const exports = app.instance.exports;
      if (previous !== 0 && typeof exports["teavm.free"] === "function") {
        exports["teavm.free"](previous);
      }
      return exports["teavm.malloc"](minBytes);
    },
    get(ptr, keyLen) {
      const key = text(ptr, keyLen);
      try {
        const value = storage().getItem(key);
        return value === null ? -1 : setPending(value);
      } catch (e) {
        return failed("reading " + key, e);
      }
    },
    put(ptr, keyLen, valueLen) {
      const key = text(ptr, keyLen);
      try {
        storage().setItem(key, text(ptr + keyLen, valueLen));
        return 0;
      } catch (e) {
        return failed("writing " + key, e);
      }
    },
    remove(ptr, keyLen) {
      const key = text(ptr, keyLen);
      try {
        storage().removeItem(key);
        return 0;
      } catch (e) {
        return failed("removing " + key, e);
      }
    },
    pendingLength() {
      return pending.byteLength;
    },
    takePending(ptr) {
      const n = pending.byteLength;
      bytes().set(pending, ptr);
      pending = new Uint8Array(0);
      return n;
    },
    describe() {
      return setPending("the localStorage of " + (globalThis.location?.origin ?? "this page"));
    },
  };

  const socketiwaPage = {
    certificates(ptr, len) {
      const json = text(ptr, len);
      try {
        onCertificates(JSON.parse(json));
      } catch (e) {
        log("socketiwa: publishing the certificates failed: " + e, "stderr");
      }
    },
  };

  return {
    imports: { socketiwaStorage, socketiwaPage },
    attach(loaded) {
      app = loaded;
    },
  };
}
