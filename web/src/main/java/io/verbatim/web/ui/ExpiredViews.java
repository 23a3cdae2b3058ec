package io.verbatim.web.ui;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Iterator;
import java.util.logging.Logger;

/**
 * A page whose view is gone (kept open past its session, or a view state that is no view of ours) is shown afresh,
 * by a redirect to itself, rather than as an error with a stack trace in the log: it is what a person expects after
 * lunch, and all a forged view state deserves.
 */
public class ExpiredViews extends ExceptionHandlerWrapper {

    private static final Logger LOG = Logger.getLogger(ExpiredViews.class.getName());

    /** Registered in faces-config.xml. */
    public static class Factory extends ExceptionHandlerFactory {

        public Factory(ExceptionHandlerFactory wrapped) {
            super(wrapped);
        }

        @Override
        public ExceptionHandler getExceptionHandler() {
            return new ExpiredViews(getWrapped().getExceptionHandler());
        }
    }

    ExpiredViews(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() throws FacesException {
        for (Iterator<ExceptionQueuedEvent> queued = getUnhandledExceptionQueuedEvents().iterator(); queued.hasNext(); ) {
            Throwable failure = queued.next().getContext().getException();
            if (expired(failure)) {
                queued.remove();
                FacesContext faces = FacesContext.getCurrentInstance();
                ExternalContext external = faces.getExternalContext();
                String query = ((HttpServletRequest) external.getRequest()).getQueryString();
                String again = external.getRequestContextPath() + external.getRequestServletPath()
                        + (external.getRequestPathInfo() == null ? "" : external.getRequestPathInfo()) + (query == null ? "" : "?" + query);
                LOG.fine(() -> "View expired at " + again + ": shown afresh");
                try {
                    external.redirect(again); // also answers an Ajax request with a partial-response redirect
                    faces.responseComplete();
                } catch (IOException e) {
                    throw new FacesException(e);
                }
            }
        }
        getWrapped().handle();
    }

    private static boolean expired(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ViewExpiredException) {
                return true;
            }
        }
        return false;
    }
}
