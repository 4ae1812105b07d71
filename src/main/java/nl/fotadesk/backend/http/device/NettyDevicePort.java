package nl.fotadesk.backend.http.device;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import nl.fotadesk.backend.http.ClientTimeouts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The devices' own port ({@code --device-port}), served by Netty: a device request costs a few
 * microseconds of CPU here against about twenty through Jetty, which is what lets the file server
 * keep up with nginx. The same rules as on Jetty ({@link FileServer}, {@link Uplinks}); connection
 * reuse, timeouts and body limits as docs/protocol.md says. Epoll where the native transport loads,
 * NIO elsewhere.
 */
public final class NettyDevicePort implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NettyDevicePort.class);
    /** docs/protocol.md §7.1: the vendor's C library ends header lines with a bare LF. */
    private static final HttpDecoderConfig DECODING = new HttpDecoderConfig().setStrictLineParsing(false)
            .setMaxInitialLineLength(8192).setMaxHeaderSize(8192);

    private final EventLoopGroup loops;
    private final Channel server;
    /** Sets up each accepted connection's pipeline; given by {@link #serve}, before any is accepted. */
    private volatile Consumer<SocketChannel> connections;

    private NettyDevicePort(String host, int port) throws InterruptedException {
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        Class<? extends ServerChannel> channel = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        loops = new MultiThreadIoEventLoopGroup(Runtime.getRuntime().availableProcessors(), io);
        try {
            server = new ServerBootstrap().group(loops).channel(channel)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .option(ChannelOption.AUTO_READ, false)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            connections.accept(ch);
                        }
                    })
                    .bind(new InetSocketAddress(host, port)).sync().channel();
        } catch (Exception e) {
            // also the bind failure, which Netty rethrows undeclared
            loops.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            throw e;
        }
        LOG.info("Device port on {} with Netty ({})", server.localAddress(), epoll ? "epoll" : "NIO");
    }

    /**
     * Listens on {@code host:port} (0: a free port) but accepts no connection until {@link #serve}: the
     * port is known before the endpoints that need it (the downlink URL names it) are built.
     */
    public static NettyDevicePort bind(String host, int port) throws IOException {
        try {
            return new NettyDevicePort(host, port);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while opening the device port", e);
        } catch (Exception e) {
            // Netty rethrows the bind failure (a java.net.BindException) undeclared
            if (e instanceof IOException io) {
                throw io;
            }
            throw new IOException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /**
     * Starts accepting device connections, each answered by these rules; work that may block (reading
     * the database) runs on {@code blocking}, never on the connections' event loops.
     */
    public void serve(FileServer files, Uplinks uplinks, ClientTimeouts timeouts, Executor blocking, int maxRequests) {
        long idleMillis = timeouts.idle().toMillis();
        connections = ch -> ch.pipeline().addLast(
                new IdleStateHandler(true, 0, 0, idleMillis, TimeUnit.MILLISECONDS),
                new HttpServerCodec(DECODING),
                new RequestDeadlines(timeouts),
                new BodyAggregator(),
                new DeviceExchanges(files, uplinks, blocking, maxRequests));
        server.config().setAutoRead(true);
    }

    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
