// The Direct Sockets shim: owns the UDPSocket (bound mode), keeps received datagrams in a queue, and gives the wasm
// side the imports of dev.socketiwa.runtime.udp.browser.DirectSocketsShim. Datagrams cross into linear memory with one
// Uint8Array.set each; only rxWait/txWait are JSPI Suspending imports, and Java calls them only when it must wait.
//
// Memory region (Java: IoRegion), allocated with teavm.malloc, little-endian:
//   rx header (32 bytes): int32 port @0, int32 family (4|6) @4, address bytes @8; rx data (capacity bytes);
//   tx header (32 bytes), tx data (capacity bytes).

import { loadTeaVM } from "./socketiwa-loader.mjs";
import { storageImports } from "./socketiwa-storage.mjs";

const HEADER = 32;
/** The largest datagram each way: the IPv4 UDP maximum, so nothing a peer may send is cut. */
export const CAPACITY = 65507;
/** Datagrams kept while the app is busy; beyond this the reader pauses and the browser's socket buffer drops. */
const QUEUE_LIMIT = 4096;
/**
 * Reads asked of a socket's stream at once. Chrome keeps up to 32 datagrams requested from its network service and
 * asks for more (one IPC message) whenever the script takes one from the stream; reads that find datagrams already
 * waiting in the stream complete together, and Chrome then tops up with one message for all of them.
 */
const READ_BATCH = 32;
/**
 * Sends in flight before Java must wait. Chrome's UDPSocket writer has a high-water mark of one datagram, so waiting
 * for writer.ready after every send would cost a JSPI suspension and an IPC round trip per datagram; instead we keep a
 * bounded number of writes outstanding (their promises tell us when each completes) and suspend only beyond that.
 */
const TX_IN_FLIGHT = 64;
/**
 * Sockets bound to the same address that share the sends. Chrome runs one UDPSocket write at a time (the writer's
 * high-water mark is one datagram, and each write waits for the network service's reply), so a single socket sends at
 * most one datagram per renderer-to-network-service round trip, well below what the receive side takes in. Extra
 * sockets sharing the port (multicastAllowAddressSharing, which needs the manifest's "direct-sockets-multicast"
 * permission) each add a write in flight. Without that permission the shim uses one socket, as before. The cost:
 * with sharing on, another local process that also asks for sharing can bind the same port.
 */
const TX_SOCKETS = 4;
/**
 * Asked of the OS for the socket (UDPSocketOptions); bursts beyond it are lost before JS sees them. Chromium clamps
 * it to 128 KiB (services/network/udp_socket.cc), which Linux doubles to 256 KiB.
 */
const SOCKET_BUFFER = 4 << 20;

/**
 * Loads the app, binds the socket and runs the app's loop (SocketIwa.run in the app's main, then socketiwa.serve).
 * @param options {wasm: URL or bytes, listen: "host:port", jsBodies, log(line, stream), onState(state, detail),
 *                 UDPSocket: the constructor (default globalThis.UDPSocket), receiveBufferSize, sendBufferSize,
 *                 storage: the app's key-value storage (default localStorage), onCertificates(published): see
 *                 socketiwa-storage.mjs}
 * @returns {Promise<{stats, stop(): void, finished: Promise<number>}>} once the socket is bound and the app started
 */
export async function startServer(options) {
  const log = options.log ?? ((line) => console.log(line));
  const onState = options.onState ?? (() => {});
  const SocketClass = options.UDPSocket ?? globalThis.UDPSocket;
  if (typeof SocketClass !== "function") {
    throw new Error("Direct Sockets (UDPSocket) are not available here: run the app as an installed Isolated Web App "
        + "with the direct-sockets permission");
  }
  const { host, port } = parseListen(options.listen);
  const stats = { received: 0, sent: 0, queuedPeak: 0, waits: 0, waitsWithData: 0, writerWaits: 0, sendErrors: 0,
    readerPauses: 0, txSockets: 0 };
  const readBatch = Math.max(1, options.readBatch ?? READ_BATCH);
  // each reader may finish the batch it started after the queue reached the limit
  const queue = new Ring(QUEUE_LIMIT + 4 * readBatch);
  // a task boundary (not a microtask), during which Chrome's receive tasks put datagrams in the streams
  const yielder = new MessageChannel();
  let afterYield = [];
  yielder.port1.onmessage = () => {
    const wake = afterYield;
    afterYield = [];
    wake.forEach((resolve) => resolve());
  };
  const nextTask = () => new Promise((resolve) => {
    if (afterYield.push(resolve) === 1) {
      yielder.port2.postMessage(0);
    }
  });
  let closed = false;
  let pausedReaders = [];
  let wakeWaiter = null;
  let wakeSender = null;
  let inFlight = 0;
  const txLimit = options.txInFlight ?? TX_IN_FLIGHT;
  /** One per bound socket: its writer and the writes it has outstanding; lanes[0] is the socket the app asked for. */
  let lanes = [];
  let memory = null;
  let u8 = null;
  let dv = null;

  const view = () => {
    if (u8 === null || u8.buffer !== memory.buffer) {
      u8 = new Uint8Array(memory.buffer);
      dv = new DataView(memory.buffer);
    }
  };

  const shim = {
    rxTake(headerPtr, dataPtr, maxLen) {
      const message = queue.shift();
      if (message === undefined) {
        return closed ? -2 : -1;
      }
      if (pausedReaders.length > 0 && queue.length < QUEUE_LIMIT / 2) {
        const wake = pausedReaders;
        pausedReaders = [];
        wake.forEach((resolve) => resolve());
      }
      view();
      let data = message.data;
      if (!(data instanceof Uint8Array)) {
        data = new Uint8Array(data.buffer ?? data, data.byteOffset ?? 0, data.byteLength);
      }
      const n = Math.min(data.byteLength, maxLen);
      u8.set(n === data.byteLength ? data : data.subarray(0, n), dataPtr);
      writeAddress(dv, u8, headerPtr, message.remoteAddress, message.remotePort);
      return n;
    },
    rxWait: new WebAssembly.Suspending(async (timeoutMillis) => {
      if (queue.length > 0) {
        stats.waitsWithData++; // Java should have taken it with rxTake: a wasted ~100 ns JSPI call
        return 1;
      }
      if (closed) {
        return -2;
      }
      stats.waits++;
      return await new Promise((resolve) => {
        let timer = null;
        wakeWaiter = (value) => {
          if (timer !== null) {
            clearTimeout(timer);
          }
          wakeWaiter = null;
          resolve(value);
        };
        if (timeoutMillis >= 0) {
          timer = setTimeout(() => wakeWaiter?.(0), timeoutMillis);
        }
      });
    }),
    txSend(headerPtr, dataPtr, len) {
      if (closed || lanes.length === 0) {
        return -2;
      }
      view();
      const remotePort = dv.getInt32(headerPtr, true);
      const remoteAddress = readAddress(dv, u8, headerPtr);
      // The writer keeps the chunk until it is sent, so it gets its own copy of the bytes.
      const data = u8.slice(dataPtr, dataPtr + len);
      // The least busy lane; ties go to the first, so light traffic stays on one socket, in order.
      let lane = lanes[0];
      for (let i = 1; i < lanes.length; i++) {
        if (lanes[i].inFlight < lane.inFlight) {
          lane = lanes[i];
        }
      }
      inFlight++;
      lane.inFlight++;
      lane.writer.write({ data, remoteAddress, remotePort }).then(lane.done, lane.failed);
      stats.sent++;
      return inFlight >= txLimit ? 1 : 0;
    },
    txWait: new WebAssembly.Suspending(async () => {
      if (closed || lanes.length === 0) {
        return -2;
      }
      if (inFlight < txLimit) {
        return 0;
      }
      stats.writerWaits++;
      return await new Promise((resolve) => { wakeSender = resolve; });
    }),
    close() {
      stop();
    },
  };

  function sendDone(lane) {
    lane.inFlight--;
    inFlight--;
    if (wakeSender !== null && inFlight <= txLimit / 2) {
      const wake = wakeSender;
      wakeSender = null;
      wake(closed ? -2 : 0);
    }
  }

  function stop() {
    if (closed) {
      return;
    }
    closed = true;
    wakeWaiter?.(-2);
    yielder.port1.close();
    afterYield.forEach((resolve) => resolve());
    afterYield = [];
    pausedReaders.forEach((resolve) => resolve());
    pausedReaders = [];
    wakeSender?.(-2);
    // Let the sends already handed to the writers go out (an app's last replies) before the sockets close.
    for (const lane of lanes) {
      (async () => {
        try {
          await lane.writer.close();
        } catch (e) {
          // the writer failed or was already closed: nothing left to flush
        }
        try {
          lane.socket.close();
        } catch (e) {
          // already closing
        }
      })();
    }
  }

  function newLane(socket, opened) {
    const lane = { socket, writer: opened.writable.getWriter(), inFlight: 0, done: null, failed: null };
    // bound once per socket, not per datagram
    lane.done = () => sendDone(lane);
    lane.failed = (e) => {
      sendDone(lane);
      if (!closed) {
        stats.sendErrors++;
        log("a send failed: " + e, "stderr");
      }
    };
    return lane;
  }

  async function readLoop(reader) {
    const reads = new Array(readBatch);
    try {
      while (!closed) {
        if (queue.length >= QUEUE_LIMIT) {
          stats.readerPauses++;
          await new Promise((resolve) => { pausedReaders.push(resolve); });
          continue;
        }
        for (let i = 0; i < readBatch; i++) {
          reads[i] = reader.read();
        }
        for (let i = 0; i < readBatch; i++) {
          const { value, done } = await reads[i];
          reads[i] = null;
          if (done) {
            return;
          }
          queue.push(value);
          stats.received++;
          if (queue.length > stats.queuedPeak) {
            stats.queuedPeak = queue.length;
          }
          wakeWaiter?.(1);
        }
        if (readBatch > 1) {
          await nextTask();
        }
      }
    } catch (e) {
      if (!closed) {
        log("the UDP socket failed: " + e, "stderr");
      }
    }
  }

  const storageAndPage = storageImports({ storage: options.storage, onCertificates: options.onCertificates, log });
  const app = await loadTeaVM(options.wasm, {
    imports: { socketiwa: shim, ...storageAndPage.imports },
    jsBodies: options.jsBodies,
    stdout: (line) => log(line, "stdout"),
    stderr: (line) => log(line, "stderr"),
  });
  memory = app.memory;
  storageAndPage.attach(app);
  const exports = app.instance.exports;
  if (typeof exports["socketiwa.serve"] !== "function") {
    throw new Error("the wasm module has no socketiwa.serve export: was it built by socketiwa:compile from an app "
        + "whose main calls SocketIwa.run?");
  }
  // main only registers the app (SocketIwa.run); the loop starts below, once the socket is bound.
  app.exports.main([]);

  onState("binding", host + ":" + port);
  const bound = await openSockets(SocketClass, {
    localAddress: host,
    localPort: port,
    receiveBufferSize: options.receiveBufferSize ?? SOCKET_BUFFER,
    sendBufferSize: options.sendBufferSize ?? SOCKET_BUFFER,
  }, options.txSockets ?? TX_SOCKETS);
  const opened = bound[0].opened;
  lanes = bound.map((b) => newLane(b.socket, b.opened));
  stats.txSockets = lanes.length;
  onState("listening", formatHostPort(opened.localAddress, opened.localPort));

  // Every socket of the pool is read: which of the sockets sharing a port gets a datagram is up to the OS.
  const primaryReader = opened.readable.getReader();
  readLoop(primaryReader).then(() => {
    closed = true;
    wakeWaiter?.(-2);
  });
  for (const b of bound.slice(1)) {
    readLoop(b.opened.readable.getReader());
  }

  const malloc = exports["teavm.malloc"];
  const ioBase = malloc(2 * (HEADER + CAPACITY));
  view();
  writeAddress(dv, u8, ioBase, opened.localAddress, opened.localPort);
  const serve = WebAssembly.promising(exports["socketiwa.serve"]);
  const finished = serve(ioBase, CAPACITY).then((code) => {
    stop();
    onState(code === 0 ? "stopped" : "failed", code === 0 ? "the app returned" : "the app failed (see the log)");
    return code;
  }, (e) => {
    stop();
    log("the app crashed: " + (e?.stack ?? e), "stderr");
    onState("failed", String(e));
    return 1;
  });
  return { stats, stop, finished, localAddress: opened.localAddress, localPort: opened.localPort };
}

/**
 * Binds the app's socket and, when the app may share its port (manifest permission "direct-sockets-multicast"), up to
 * count - 1 more on the same address for sending. Chrome refuses the sharing option at once (NotAllowedError) without
 * that permission; then, or when an extra bind fails, the shim goes on with what it has.
 * @returns {Promise<Array<{socket, opened}>>} the app's socket first
 */
async function openSockets(SocketClass, base, count) {
  let primary = null;
  if (count > 1) {
    try {
      primary = new SocketClass({ ...base, multicastAllowAddressSharing: true });
    } catch (e) {
      if (e?.name !== "NotAllowedError") {
        throw e;
      }
    }
  }
  const shared = primary !== null;
  if (!shared) {
    primary = new SocketClass(base);
  }
  const bound = [{ socket: primary, opened: await primary.opened }];
  const { localAddress, localPort } = bound[0].opened;
  while (shared && bound.length < count) {
    try {
      const extra = new SocketClass({ ...base, localAddress, localPort, multicastAllowAddressSharing: true });
      bound.push({ socket: extra, opened: await extra.opened });
    } catch (e) {
      break; // e.g. a runtime that ignores the sharing option: the app's own socket still serves
    }
  }
  return bound;
}

/** "host:port" or "[v6]:port" into parts; a clear error for anything else. */
export function parseListen(text) {
  const match = /^(?:\[([0-9A-Fa-f:.]+)\]|([0-9.]+)):([0-9]{1,5})$/.exec(text ?? "");
  const port = match ? Number(match[3]) : -1;
  if (!match || port > 65535) {
    throw new Error("bad listen address '" + text + "': expected host:port with a numeric address, e.g. 127.0.0.1:4433 "
        + "or [::1]:4433");
  }
  return { host: match[1] ?? match[2], port };
}

function formatHostPort(host, port) {
  return host.includes(":") ? "[" + host + "]:" + port : host + ":" + port;
}

// Address text <-> bytes in a header. The last parsed text is cached: steady traffic talks to few peers.
let lastParsedText = null;
let lastParsed = null;

function writeAddress(dv, u8, headerPtr, text, port) {
  if (text !== lastParsedText) {
    lastParsed = parseAddress(text);
    lastParsedText = text;
  }
  dv.setInt32(headerPtr, port, true);
  dv.setInt32(headerPtr + 4, lastParsed.length === 16 ? 6 : 4, true);
  u8.set(lastParsed, headerPtr + 8);
}

function readAddress(dv, u8, headerPtr) {
  const v6 = dv.getInt32(headerPtr + 4, true) === 6;
  const a = headerPtr + 8;
  if (!v6) {
    return u8[a] + "." + u8[a + 1] + "." + u8[a + 2] + "." + u8[a + 3];
  }
  const groups = [];
  for (let i = 0; i < 16; i += 2) {
    groups.push(((u8[a + i] << 8) | u8[a + i + 1]).toString(16));
  }
  return groups.join(":");
}

function parseAddress(text) {
  if (!text.includes(":")) {
    return Uint8Array.from(text.split(".").map(Number));
  }
  let v4tail = null;
  let t = text;
  const lastColon = t.lastIndexOf(":");
  if (t.indexOf(".", lastColon) >= 0) {
    v4tail = t.substring(lastColon + 1).split(".").map(Number);
    t = t.substring(0, lastColon + 1) + "0:0";
  }
  const [head, tail] = t.includes("::") ? t.split("::") : [t, null];
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  const zeros = tail === null ? 0 : 8 - headGroups.length - tailGroups.length;
  const groups = [...headGroups, ...new Array(zeros).fill("0"), ...tailGroups].map((g) => parseInt(g, 16));
  const out = new Uint8Array(16);
  for (let i = 0; i < 8; i++) {
    out[2 * i] = groups[i] >> 8;
    out[2 * i + 1] = groups[i] & 0xff;
  }
  if (v4tail !== null) {
    out.set(v4tail, 12);
  }
  return out;
}

/** A fixed-size ring of datagrams: no array shifting per datagram. */
class Ring {
  constructor(capacity) {
    this.items = new Array(capacity);
    this.head = 0;
    this.length = 0;
  }

  push(item) {
    this.items[(this.head + this.length) % this.items.length] = item;
    this.length++;
  }

  shift() {
    if (this.length === 0) {
      return undefined;
    }
    const item = this.items[this.head];
    this.items[this.head] = undefined;
    this.head = (this.head + 1) % this.items.length;
    this.length--;
    return item;
  }
}
