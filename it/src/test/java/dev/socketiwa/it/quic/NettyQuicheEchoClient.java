package dev.socketiwa.it.quic;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.handler.codec.quic.QuicChannel;
import io.netty.handler.codec.quic.QuicClientCodecBuilder;
import io.netty.handler.codec.quic.QuicConnectionCloseEvent;
import io.netty.handler.codec.quic.QuicSslContext;
import io.netty.handler.codec.quic.QuicSslContextBuilder;
import io.netty.handler.codec.quic.QuicStreamChannel;
import io.netty.handler.codec.quic.QuicStreamType;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.netty.util.ReferenceCountUtil;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Netty's quiche client (an independent QUIC stack, BoringSSL) speaking ALPN echo to a server on a loopback port:
 * connects, sends whole payloads on bidirectional streams and datagrams, and collects what comes back.
 */
public final class NettyQuicheEchoClient implements AutoCloseable {
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final List<byte[]> datagrams = new CopyOnWriteArrayList<>();
    private final Channel udp;
    private final QuicChannel quic;
    private final long handshakeNanos;
    private volatile String closeReason = "connection not closed by the peer";

    public NettyQuicheEchoClient(int port) throws Exception {
        try {
            QuicSslContext ssl = QuicSslContextBuilder.forClient()
                    .trustManager(InsecureTrustManagerFactory.INSTANCE).applicationProtocols("echo").build();
            udp = new Bootstrap().group(group).channel(NioDatagramChannel.class)
                    .handler(new QuicClientCodecBuilder().sslContext(ssl).maxIdleTimeout(30, TimeUnit.SECONDS)
                            .initialMaxData(20_000_000).initialMaxStreamDataBidirectionalLocal(5_000_000)
                            .initialMaxStreamDataBidirectionalRemote(5_000_000).initialMaxStreamsBidirectional(100)
                            .datagram(4096, 4096).build())
                    .bind(0).sync().channel();
            long start = System.nanoTime();
            quic = QuicChannel.newBootstrap(udp)
                    .handler(new ChannelInboundHandlerAdapter() {
                        @Override
                        public void channelRead(ChannelHandlerContext ctx, Object msg) {
                            if (msg instanceof ByteBuf b) {
                                byte[] d = new byte[b.readableBytes()];
                                b.readBytes(d);
                                datagrams.add(d);
                            }
                            ReferenceCountUtil.release(msg);
                        }

                        @Override
                        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
                            if (event instanceof QuicConnectionCloseEvent close) {
                                closeReason = "peer closed: " + (close.isApplicationClose() ? "application" : "transport")
                                        + " error " + close.error() + " reason '"
                                        + new String(close.reason(), java.nio.charset.StandardCharsets.UTF_8) + "'";
                            }
                            ctx.fireUserEventTriggered(event);
                        }
                    })
                    .streamHandler(new ChannelInboundHandlerAdapter())
                    .remoteAddress(new InetSocketAddress("127.0.0.1", port))
                    .connect().get(20, TimeUnit.SECONDS);
            handshakeNanos = System.nanoTime() - start;
        } catch (Exception | Error e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e;
        }
    }

    /** Time from the first Initial to the completed handshake. */
    public long handshakeNanos() {
        return handshakeNanos;
    }

    /**
     * Sends each payload on its own stream (then FIN), all at once, and returns what each stream brought back once the
     * server closed them all.
     */
    public byte[][] echoStreams(byte[][] payloads, long timeoutSeconds) throws Exception {
        ByteArrayOutputStream[] got = new ByteArrayOutputStream[payloads.length];
        CompletableFuture<?>[] closed = new CompletableFuture<?>[payloads.length];
        for (int i = 0; i < payloads.length; i++) {
            ByteArrayOutputStream sink = got[i] = new ByteArrayOutputStream();
            CompletableFuture<Void> done = new CompletableFuture<>();
            closed[i] = done;
            QuicStreamChannel s = quic.createStream(QuicStreamType.BIDIRECTIONAL, new ChannelInboundHandlerAdapter() {
                @Override
                public void channelRead(ChannelHandlerContext ctx, Object msg) {
                    ByteBuf b = (ByteBuf) msg;
                    try {
                        synchronized (sink) {
                            b.readBytes(sink, b.readableBytes());
                        }
                    } catch (IOException e) {
                        done.completeExceptionally(e);
                    } finally {
                        b.release();
                    }
                }

                @Override
                public void channelInactive(ChannelHandlerContext ctx) {
                    done.complete(null);
                }
            }).sync().getNow();
            s.writeAndFlush(Unpooled.wrappedBuffer(payloads[i])).addListener(QuicStreamChannel.SHUTDOWN_OUTPUT);
        }
        CompletableFuture.allOf(closed).get(timeoutSeconds, TimeUnit.SECONDS);
        byte[][] result = new byte[payloads.length][];
        for (int i = 0; i < payloads.length; i++) {
            synchronized (got[i]) {
                result[i] = got[i].toByteArray();
            }
        }
        return result;
    }

    /** The TLS cipher suite the handshake settled on, as BoringSSL names it. */
    public String cipherSuite() {
        return quic.sslEngine().getSession().getCipherSuite();
    }

    /** What the peer said when it closed the connection, for failure messages. */
    public String closeReason() {
        return closeReason + (quic.isActive() ? " (connection active)" : " (connection inactive)");
    }

    public void sendDatagram(byte[] payload) throws InterruptedException {
        quic.writeAndFlush(Unpooled.wrappedBuffer(payload)).sync();
    }

    /** The datagrams received so far, waiting up to timeoutMillis for at least {@code expected}. */
    public List<byte[]> datagrams(int expected, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (datagrams.size() < expected && System.nanoTime() < deadline) Thread.sleep(10);
        return List.copyOf(datagrams);
    }

    @Override
    public void close() throws InterruptedException {
        try {
            quic.close().sync();
            udp.close().sync();
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }
}
