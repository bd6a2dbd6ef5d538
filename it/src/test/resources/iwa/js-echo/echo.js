// Test-only fixture: the smallest IWA that binds a Direct Sockets UDPSocket on ?listen=host:port and echoes every
// datagram to its sender. It proves the harness (dev-proxy install, permission grant, launch) independently of the
// wasm build. State goes to <body data-state> (the product page's convention) so the harness can wait on it; the log uses textContent only.
const root = document.body;
const log = (line) => {
  document.getElementById('log').append(line + '\n');
  console.log(line);
};
const setState = (state, detail) => {
  root.dataset.state = state;
  document.getElementById('state').textContent = detail ? state + ': ' + detail : state;
};

function listenAddress() {
  const value = new URLSearchParams(location.search).get('listen') || '127.0.0.1:4433';
  const colon = value.lastIndexOf(':');
  const host = value.slice(0, colon).replace(/^\[|\]$/g, '');
  return {host, port: Number(value.slice(colon + 1))};
}

async function serve() {
  const {host, port} = listenAddress();
  const socket = new UDPSocket({localAddress: host, localPort: port});
  const {readable, writable, localAddress, localPort} = await socket.opened;
  root.dataset.port = String(localPort);
  setState('listening', localAddress + ':' + localPort);
  log('listening on ' + localAddress + ':' + localPort);
  const reader = readable.getReader();
  const writer = writable.getWriter();
  for (;;) {
    const {value, done} = await reader.read();
    if (done) break;
    await writer.ready;
    writer.write({data: value.data, remoteAddress: value.remoteAddress, remotePort: value.remotePort});
  }
  setState('closed');
}

serve().catch((e) => {
  setState('failed', e.name + ': ' + e.message);
  log('failed: ' + e.name + ': ' + e.message);
});
