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
import io.netty.handler.codec.quic.QuicSslContext;
import io.netty.handler.codec.quic.QuicSslContextBuilder;
import io.netty.handler.codec.quic.QuicStreamChannel;
import io.netty.handler.codec.quic.QuicStreamType;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Netty's quiche client (an independent QUIC stack, BoringSSL) does echo on several streams and datagrams against our server. */
class NettyQuicheEchoTest {
    @Test
    void echoOnStreamsAndDatagrams() throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try (OurServer server = new OurServer()) {
            QuicSslContext ssl = QuicSslContextBuilder.forClient()
                    .trustManager(InsecureTrustManagerFactory.INSTANCE).applicationProtocols("echo").build();
            Channel udp = new Bootstrap().group(group).channel(NioDatagramChannel.class)
                    .handler(new QuicClientCodecBuilder().sslContext(ssl).maxIdleTimeout(10, TimeUnit.SECONDS)
                            .initialMaxData(20_000_000).initialMaxStreamDataBidirectionalLocal(5_000_000)
                            .initialMaxStreamDataBidirectionalRemote(5_000_000).initialMaxStreamsBidirectional(100)
                            .datagram(4096, 4096).build())
                    .bind(0).sync().channel();
            List<byte[]> datagrams = new CopyOnWriteArrayList<>();
            QuicChannel quic = QuicChannel.newBootstrap(udp)
                    .handler(new ChannelInboundHandlerAdapter() {
                        @Override
                        public void channelRead(ChannelHandlerContext ctx, Object msg) {
                            if (msg instanceof ByteBuf b) {
                                byte[] d = new byte[b.readableBytes()];
                                b.readBytes(d);
                                datagrams.add(d);
                            }
                            io.netty.util.ReferenceCountUtil.release(msg);
                        }
                    })
                    .streamHandler(new ChannelInboundHandlerAdapter())
                    .remoteAddress(new InetSocketAddress("127.0.0.1", server.port()))
                    .connect().get(10, TimeUnit.SECONDS);

            int streams = 4;
            int size = 300_000;
            Random r = new Random(4);
            byte[][] payload = new byte[streams][size];
            ByteArrayOutputStream[] got = new ByteArrayOutputStream[streams];
            CompletableFuture<?>[] closed = new CompletableFuture<?>[streams];
            for (int i = 0; i < streams; i++) {
                r.nextBytes(payload[i]);
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
                        } catch (java.io.IOException e) {
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
                s.writeAndFlush(Unpooled.wrappedBuffer(payload[i])).addListener(QuicStreamChannel.SHUTDOWN_OUTPUT);
            }
            CompletableFuture.allOf(closed).get(60, TimeUnit.SECONDS);
            for (int i = 0; i < streams; i++) {
                assertArrayEquals(payload[i], got[i].toByteArray(), "stream " + i);
            }
            // Datagrams are unreliable by design (RFC 9221): either side may drop one while 1.2 MB of stream data fills
            // the congestion window, so they go out on the idle connection, where loopback must deliver every one.
            for (int i = 0; i < 5; i++) {
                quic.writeAndFlush(Unpooled.wrappedBuffer(("datagram " + i).getBytes())).sync();
            }
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (datagrams.size() < 5 && System.nanoTime() < deadline) Thread.sleep(10);
            assertEquals(5, datagrams.size(), "loopback should lose no datagram");
            assertTrue(new String(datagrams.get(0)).startsWith("datagram "));
            quic.close().sync();
            udp.close().sync();
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }
}
