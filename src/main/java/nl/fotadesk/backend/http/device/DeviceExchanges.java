package nl.fotadesk.backend.http.device;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import nl.fotadesk.backend.http.ConnectionReuseLimit;
import nl.fotadesk.protocol.MessageToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The requests of one device connection: each is routed to its rules ({@link FileServer},
 * {@link Uplinks}) and answered in the order it came, whenever its answer is ready (pipelined requests
 * are answered in turn). Connection reuse as docs/protocol.md §3 says: at most {@code maxRequests}
 * requests, every answer saying {@code Connection: keep-alive} but the last, which says
 * {@code close}; requests after it are not answered. Reading pauses while many answers wait or the
 * client does not take what it was sent.
 */
final class DeviceExchanges extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceExchanges.class);
    private static final HttpHeadersFactory HEADERS = DefaultHttpHeadersFactory.headersFactory().withValidation(false);
    private static final AsciiString CONNECTION = AsciiString.cached("Connection");
    private static final AsciiString CONTENT_LENGTH = AsciiString.cached("Content-Length");
    private static final AsciiString KEEP_ALIVE = AsciiString.cached("keep-alive");
    private static final AsciiString CLOSE = AsciiString.cached("close");
    /** Answers waiting beyond this many pause reading until fewer wait. */
    private static final int MAX_WAITING = 16;

    /** One request in its turn. */
    private static final class Exchange {
        final boolean head;
        final boolean last;
        Answer answer;

        Exchange(boolean head, boolean last) {
            this.head = head;
            this.last = last;
        }
    }

    private final FileServer files;
    private final Uplinks uplinks;
    private final Executor blocking;
    private final int maxRequests;
    private final ArrayDeque<Exchange> waiting = new ArrayDeque<>();
    private int requests;
    /** The answer of the request taken last: the next one's work starts when it is ready. */
    private CompletableFuture<?> previous = CompletableFuture.completedFuture(null);
    /** The last request was taken: those after it are not answered. */
    private boolean ended;
    /** A large body is being written: later answers wait for it. */
    private boolean streaming;

    DeviceExchanges(FileServer files, Uplinks uplinks, Executor blocking, int maxRequests) {
        this.files = files;
        this.uplinks = uplinks;
        this.blocking = blocking;
        this.maxRequests = maxRequests;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (ended) {
                return;
            }
            if (msg instanceof Refusal refusal) {
                take(ctx, new Exchange(false, true), () -> CompletableFuture.completedFuture(refusal.answer()));
            } else if (msg instanceof HttpObject object && object.decoderResult().isFailure()) {
                Answer answer = unparsable(object.decoderResult().cause());
                take(ctx, new Exchange(false, true), () -> CompletableFuture.completedFuture(answer));
            } else if (msg instanceof HttpRequest request) {
                HttpHeaders headers = request.headers();
                // a body left unread (any but an uplink's, which is read whole first) ends the connection
                boolean unreadBody = !(msg instanceof FullHttpRequest)
                        && (HttpUtil.getContentLength(request, 0L) > 0 || HttpUtil.isTransferEncodingChunked(request));
                boolean last = unreadBody || ConnectionReuseLimit.isLast(++requests, maxRequests,
                        request.protocolVersion().equals(HttpVersion.HTTP_1_0),
                        headers.containsValue(CONNECTION, KEEP_ALIVE, true), headers.containsValue(CONNECTION, CLOSE, true));
                take(ctx, new Exchange("HEAD".equals(request.method().name()), last), work(request));
            }
            // the content of a request answered from its head alone is not needed
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    /** What answers {@code request}, from what it holds now (it is released before the work runs). */
    private Supplier<CompletableFuture<Answer>> work(HttpRequest request) {
        String path = new QueryStringDecoder(request.uri()).path();
        String method = request.method().name();
        HttpHeaders headers = request.headers();
        if (path.startsWith(FileServer.PATH_PREFIX)) {
            String authorization = headers.get("Authorization");
            String range = headers.get("Range");
            return () -> files.answer(method, path, authorization, range);
        }
        if (!path.equals(Uplinks.PATH)) {
            return () -> CompletableFuture.completedFuture(Answer.notFound(path));
        }
        if (!Uplinks.accepts(method) || !(request instanceof FullHttpRequest full)) {
            return () -> CompletableFuture.completedFuture(Uplinks.methodNotAllowed());
        }
        byte[] body = ByteBufUtil.getBytes(full.content());
        String token = headers.get(MessageToken.HEADER);
        // authenticating the device may read the database: not on the connection's event loop
        return () -> CompletableFuture.supplyAsync(() -> uplinks.answer(body, token), blocking)
                .thenCompose(answer -> answer).exceptionally(Uplinks::refusal);
    }

    private static Answer unparsable(Throwable cause) {
        if (cause instanceof TooLongHttpLineException) {
            return Answer.error(414, "uri_too_long", "the request line is too long");
        }
        if (cause instanceof TooLongHttpHeaderException || cause instanceof TooLongFrameException) {
            return Answer.error(431, "headers_too_large", "the request headers are too large");
        }
        return Answer.error(400, "bad_request", "not a valid HTTP request: " + cause.getMessage());
    }

    /**
     * Queues the request for its turn. Its work starts once the previous request's answer is ready, so
     * a connection's requests take effect in the order sent (pipelined uplinks of one device too).
     */
    private void take(ChannelHandlerContext ctx, Exchange exchange, Supplier<CompletableFuture<Answer>> work) {
        if (exchange.last) {
            ended = true;
        }
        waiting.add(exchange);
        if (ended || waiting.size() > MAX_WAITING) {
            ctx.channel().config().setAutoRead(false);
        }
        CompletableFuture<Answer> answer = previous.thenCompose(done -> work.get());
        previous = answer;
        answer.whenComplete((a, failure) -> {
            Answer ready = a != null ? a : Answer.internalError(failure);
            if (ctx.executor().inEventLoop()) {
                ready(ctx, exchange, ready);
            } else {
                ctx.executor().execute(() -> ready(ctx, exchange, ready));
            }
        });
    }

    private void ready(ChannelHandlerContext ctx, Exchange exchange, Answer answer) {
        exchange.answer = answer;
        writeReady(ctx);
    }

    /** Writes the answers whose turn it is and that are ready, as far as the client takes them. */
    private void writeReady(ChannelHandlerContext ctx) {
        boolean wrote = false;
        while (!streaming && !waiting.isEmpty() && waiting.peek().answer != null && ctx.channel().isWritable()) {
            Exchange exchange = waiting.poll();
            write(ctx, exchange);
            wrote = true;
            if (exchange.last) {
                waiting.clear();
            }
        }
        if (wrote) {
            ctx.flush();
        }
        if (!ended && waiting.size() <= MAX_WAITING / 2 && ctx.channel().isWritable()) {
            ctx.channel().config().setAutoRead(true);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        writeReady(ctx);
        super.channelWritabilityChanged(ctx);
    }

    private void write(ChannelHandlerContext ctx, Exchange exchange) {
        Answer answer = exchange.answer;
        HttpHeaders headers = HEADERS.newHeaders();
        for (Answer.Field field : answer.fields()) {
            headers.add(field.name(), field.value());
        }
        if (answer.hasBody()) {
            headers.set(CONTENT_LENGTH, answer.contentLength());
        }
        headers.set(CONNECTION, exchange.last ? CLOSE : KEEP_ALIVE);
        HttpResponseStatus status = HttpResponseStatus.valueOf(answer.status());
        if (answer.file() != null && !exchange.head) {
            ctx.write(new DefaultHttpResponse(HttpVersion.HTTP_1_1, status, headers));
            streaming = true;
            stream(ctx, exchange, answer.file(), 0);
            return;
        }
        ByteBuffer content = exchange.head || answer.content() == null ? null : answer.content().slice();
        ChannelFuture written = ctx.write(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                content == null ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(content), headers,
                EmptyHttpHeaders.INSTANCE));
        if (exchange.last) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** Writes a large body chunk by chunk, each when the previous one is written; then the next answers. */
    private void stream(ChannelHandlerContext ctx, Exchange exchange, Answer.FileSlice file, long done) {
        ByteBuffer chunk;
        try {
            chunk = FileServer.chunk(file, done);
        } catch (IOException e) {
            LOG.error("Could not read a firmware image to send it", e);
            ctx.close();
            return;
        }
        long next = done + chunk.remaining();
        boolean end = next == file.length();
        ChannelFuture written = ctx.writeAndFlush(end ? new DefaultLastHttpContent(Unpooled.wrappedBuffer(chunk))
                : new DefaultHttpContent(Unpooled.wrappedBuffer(chunk)));
        written.addListener(w -> {
            if (!w.isSuccess()) {
                ctx.close();
            } else if (!end) {
                stream(ctx, exchange, file, next);
            } else if (exchange.last) {
                ctx.close();
            } else {
                streaming = false;
                writeReady(ctx);
            }
        });
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("closing a device connection: {}", cause.toString());
        ctx.close();
    }
}
