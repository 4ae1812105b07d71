package nl.fotadesk.backend.http.device;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.IdleStateEvent;
import nl.fotadesk.backend.http.ClientTimeouts;
import nl.fotadesk.backend.http.HttpError;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The {@link ClientTimeouts} on one device connection, so a slow or silent client holds nothing for
 * long (no thread is ever held): the socket closes when no request head is complete within
 * {@code requestHead} of the opening or of the last answer, and when the connection is silent both
 * ways for {@code idle} (an {@link IdleStateEvent}); a body not complete within its time is refused
 * with 408 in its turn, and the connection then closes.
 */
final class RequestDeadlines extends ChannelDuplexHandler {
    private final ClientTimeouts timeouts;
    private final long headNanos;
    /**
     * The head timer is not moved at each request (that would cost a scheduling per request): when it
     * fires it checks whether a head is still awaited since {@link #awaitingSince}, and if not yet due,
     * waits for the rest.
     */
    private ScheduledFuture<?> head;
    private boolean awaitingHead;
    private long awaitingSince;
    private ScheduledFuture<?> body;
    private long started;
    private long answered;

    RequestDeadlines(ClientTimeouts timeouts) {
        this.timeouts = timeouts;
        this.headNanos = timeouts.requestHead().toNanos();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        awaitHead(ctx);
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof HttpRequest request) {
            awaitingHead = false;
            started++;
            long length = HttpUtil.getContentLength(request, -1L);
            if (!(msg instanceof LastHttpContent) && (length > 0 || HttpUtil.isTransferEncodingChunked(request))) {
                Duration limit = timeouts.bodyFor(length);
                body = ctx.executor().schedule(() -> bodyTooSlow(ctx, limit), limit.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
        if (msg instanceof LastHttpContent) {
            cancel(body);
        }
        super.channelRead(ctx, msg);
    }

    private void bodyTooSlow(ChannelHandlerContext ctx, Duration limit) {
        ctx.channel().config().setAutoRead(false);
        ctx.fireChannelRead(new Refusal(Answer.of(new HttpError(408, "request_timeout",
                "the request body did not arrive within " + limit.toMillis() + " ms"))));
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        boolean interim = msg instanceof HttpResponse response && response.status().code() < 200;
        if (msg instanceof LastHttpContent && !interim) {
            promise = promise.unvoid();
            promise.addListener(written -> {
                answered++;
                if (answered == started && ctx.channel().isActive()) {
                    awaitHead(ctx);
                }
            });
        }
        super.write(ctx, msg, promise);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent) {
            ctx.close();
        } else {
            super.userEventTriggered(ctx, event);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        cancel(head);
        cancel(body);
        super.channelInactive(ctx);
    }

    private void awaitHead(ChannelHandlerContext ctx) {
        awaitingHead = true;
        awaitingSince = System.nanoTime();
        if (head == null) {
            head = ctx.executor().schedule(() -> headDue(ctx), headNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void headDue(ChannelHandlerContext ctx) {
        head = null;
        if (!awaitingHead) {
            return; // a request is under way: its answer starts the wait again
        }
        long left = headNanos - (System.nanoTime() - awaitingSince);
        if (left <= 0) {
            ctx.close();
        } else {
            head = ctx.executor().schedule(() -> headDue(ctx), left, TimeUnit.NANOSECONDS);
        }
    }

    private static void cancel(ScheduledFuture<?> timer) {
        if (timer != null) {
            timer.cancel(false);
        }
    }
}
