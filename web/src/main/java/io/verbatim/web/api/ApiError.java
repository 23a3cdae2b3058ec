package io.verbatim.web.api;

import io.verbatim.refusal.Refusal;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The body of every error the API returns: the HTTP status, its name, and what was wrong. */
public record ApiError(int status, String error, String message) {

    public static Response response(Response.Status status, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(status.getStatusCode(), status.getReasonPhrase(), message))
                .build();
    }

    /** The answer to a refusal: its kind's status and its message. */
    public static Response refused(Refusal refusal) {
        ApiError body = of(refusal);
        Response.ResponseBuilder answer = Response.status(body.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(body);
        return (body.status() == 503 ? answer.header("Retry-After", "60") : answer).build();
    }

    static ApiError of(Refusal refusal) {
        int status = statusOf(refusal.kind());
        Response.Status known = Response.Status.fromStatusCode(status);
        return new ApiError(status, known == null ? "Insufficient Storage" : known.getReasonPhrase(), refusal.getMessage());
    }

    /** The HTTP status each kind of refusal is answered with, by the API and the upload servlet alike. */
    public static int statusOf(Refusal.Kind kind) {
        return switch (kind) {
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case GONE -> 410;
            case INVALID -> 400;
            case FORBIDDEN -> 403;
            case TOO_LARGE -> 413;
            case NO_SPACE -> 507;
            case PEER_FAILED -> 502;
            case UNAVAILABLE -> 503;
        };
    }
}
