package io.verbatim.web.api;

import io.verbatim.database.ChangedMeanwhile;
import io.verbatim.database.DatabaseUnreachable;
import io.verbatim.refusal.Refusal;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns what the services throw into {@link ApiError} responses, so no client ever sees a stack trace. */
@Provider
public class ApiExceptionMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMapper.class.getName());

    @Context
    HttpServletRequest request;

    /** The answer; a refusal (4xx) is logged in one line: who asked what, and why not (the stack is for failures). */
    @Override
    public Response toResponse(Exception exception) {
        Response answer = answer(exception);
        if (answer.getStatus() >= 400 && answer.getStatus() < 500 && LOG.isLoggable(Level.INFO)) {
            Object entity = answer.getEntity();
            LOG.info(answer.getStatus() + " " + request.getMethod() + " " + request.getRequestURI()
                    + (request.getUserPrincipal() == null ? "" : " by " + request.getUserPrincipal().getName())
                    + (entity instanceof ApiError error ? ": " + error.message() : ""));
        }
        return answer;
    }

    /**
     * What was wrong with a body, in the binder's words when they name a property and a value, never a class: the
     * outermost message reads "Unable to deserialize property 'days' because of: 4294967297 is not a whole number ...".
     */
    static String jsonProblem(String message) {
        if (message == null) {
            return "it could not be read";
        }
        Matcher property = Pattern.compile("property '([^']+)' because of: (.*)", Pattern.DOTALL).matcher(message);
        String name = property.find() ? property.group(1) : null;
        String why = name == null ? message : property.group(2);
        boolean namesCode = why.matches("(?s).*\\b(class|io\\.verbatim|java\\.|jakarta\\.|org\\.)\\b.*");
        if (name != null) {
            return name + (namesCode ? " has the wrong type" : ": " + why);
        }
        return namesCode ? "it is not JSON of the expected shape" : why;
    }

    private Response answer(Exception exception) {
        Throwable e = exception instanceof EJBException && exception.getCause() != null ? exception.getCause() : exception;
        if (e instanceof Refusal refusal) {
            return ApiError.refused(refusal);
        }
        if (e instanceof IllegalArgumentException) {
            return ApiError.response(Response.Status.BAD_REQUEST, e.getMessage());
        }
        if (e instanceof EJBAccessException || e instanceof SecurityException) {
            // ours say which rule refused; the container's (a role missing) name its classes, which no client needs
            String ours = e instanceof EJBAccessException && e.getMessage() != null && !e.getMessage().startsWith("WFLY") ? e.getMessage() : null;
            return ApiError.response(Response.Status.FORBIDDEN, ours == null ? "not allowed for your role" : ours);
        }
        if (e instanceof WebApplicationException web) {
            Response.Status status = Response.Status.fromStatusCode(web.getResponse().getStatus());
            return status == null ? web.getResponse()
                    : ApiError.response(status, web.getMessage() == null ? status.getReasonPhrase() : web.getMessage());
        }
        if (ChangedMeanwhile.explains(e)) {
            return ApiError.response(Response.Status.CONFLICT, ChangedMeanwhile.MESSAGE);
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JsonbException || t instanceof JsonException) { // a body that is not JSON, or not of this call's shape
                return ApiError.response(Response.Status.BAD_REQUEST, "the body is not the JSON this call takes: " + jsonProblem(t.getMessage()));
            }
        }
        if (DatabaseUnreachable.explains(e)) {
            LOG.warning("REST call answered 503: the database is not reachable (" + e + ")");
            return Response.fromResponse(ApiError.response(Response.Status.SERVICE_UNAVAILABLE, DatabaseUnreachable.messageFor(e)))
                    .header("Retry-After", "60").build();
        }
        LOG.log(Level.SEVERE, "Unexpected error in the REST API", e);
        return ApiError.response(Response.Status.INTERNAL_SERVER_ERROR, "internal error; the server log has the details");
    }
}
