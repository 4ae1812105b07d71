package nl.fotadesk.backend.requests;

import nl.fotadesk.backend.domain.Conflict;
import nl.fotadesk.protocol.api.RequestState;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The request's state machine, in one place: submitted → in_review → approved or rejected; withdrawn
 * by its requester before it is decided. Anything else is refused with the state the request is in.
 */
enum RequestTransition {
    REVIEW("taken into review", RequestState.IN_REVIEW, EnumSet.of(RequestState.SUBMITTED)),
    APPROVE("approved", RequestState.APPROVED, EnumSet.of(RequestState.IN_REVIEW)),
    REJECT("rejected", RequestState.REJECTED, EnumSet.of(RequestState.IN_REVIEW)),
    WITHDRAW("withdrawn", RequestState.WITHDRAWN, EnumSet.of(RequestState.SUBMITTED, RequestState.IN_REVIEW));

    /** What the transition does, as in "can be approved". */
    private final String done;
    private final RequestState to;
    private final Set<RequestState> from;

    RequestTransition(String done, RequestState to, Set<RequestState> from) {
        this.done = done;
        this.to = to;
        this.from = from;
    }

    RequestState to() {
        return to;
    }

    /** The state the request moves to from {@code current}; a {@link Conflict} naming it when it may not. */
    RequestState from(RequestState current) {
        if (!from.contains(current)) {
            throw new Conflict("invalid_state", "the request is " + current.wireName() + "; only a request that is "
                    + from.stream().map(RequestState::wireName).collect(Collectors.joining(" or "))
                    + " can be " + done,
                    current.wireName());
        }
        return to;
    }
}
