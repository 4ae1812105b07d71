package nl.fotadesk.backend.http.device;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;

/**
 * Collects an uplink's body up to {@link Uplinks#MAX_BODY}; a longer one (announced or found) is
 * refused with the uplink's JSON 413 in the request's turn, instead of Netty's own bare answer. Other
 * requests pass as they come: they are answered from their head.
 */
final class BodyAggregator extends HttpObjectAggregator {
    BodyAggregator() {
        super(Uplinks.MAX_BODY);
    }

    @Override
    protected boolean isStartMessage(HttpObject msg) {
        return msg instanceof HttpRequest request && Uplinks.accepts(request.method().name())
                && Uplinks.PATH.equals(new QueryStringDecoder(request.uri()).path());
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        ctx.fireChannelRead(new Refusal(Uplinks.tooLarge()));
    }
}
