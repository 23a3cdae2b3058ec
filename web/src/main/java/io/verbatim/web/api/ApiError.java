package io.verbatim.web.api;

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
}
