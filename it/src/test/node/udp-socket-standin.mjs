// Test-only stand-in for Chrome's Direct Sockets UDPSocket (bound mode) over node:dgram, with the same shape:
// `opened` resolves to {readable, writable, localAddress, localPort}; messages are {data, remoteAddress, remotePort}.
// Like a kernel socket buffer, the readable side drops datagrams when its queue is full (counted in `dropped`).
import dgram from "node:dgram";

export class UDPSocket {
  constructor(options) {
    if (options.remoteAddress !== undefined) {
      throw new TypeError("this stand-in supports only bound mode ({localAddress, localPort})");
    }
    this.dropped = 0;
    const socket = dgram.createSocket({
      type: options.localAddress.includes(":") ? "udp6" : "udp4",
      recvBufferSize: options.receiveBufferSize,
      sendBufferSize: options.sendBufferSize,
    });
    this.socket = socket;
    let closedResolve;
    this.closed = new Promise((resolve) => { closedResolve = resolve; });
    socket.on("close", () => closedResolve());
    this.opened = new Promise((resolve, reject) => {
      socket.once("error", reject);
      socket.bind(options.localPort ?? 0, options.localAddress, () => {
        socket.removeListener("error", reject);
        let controller;
        const readable = new ReadableStream({
          start(c) { controller = c; },
          cancel() { socket.close(); },
        }, { highWaterMark: 2048 });
        socket.on("message", (msg, rinfo) => {
          if (controller.desiredSize <= 0) {
            this.dropped++;
            return;
          }
          controller.enqueue({
            data: new Uint8Array(msg.buffer, msg.byteOffset, msg.length),
            remoteAddress: rinfo.address,
            remotePort: rinfo.port,
          });
        });
        socket.on("close", () => { try { controller.close(); } catch (e) { /* already closed */ } });
        const writable = new WritableStream({
          write: async (chunk) => {
            if (options.slowWriterMillis) {
              // test knob: a congested writer, so the shim's send backpressure path runs
              await new Promise((r) => setTimeout(r, options.slowWriterMillis));
            }
            return new Promise((res, rej) => socket.send(chunk.data, chunk.remotePort, chunk.remoteAddress,
                (err) => (err ? rej(err) : res())));
          },
        }, { highWaterMark: 64 });
        const address = socket.address();
        resolve({ readable, writable, localAddress: address.address, localPort: address.port });
      });
    });
  }

  close() {
    try {
      this.socket.close();
    } catch (e) {
      // already closed
    }
  }
}
