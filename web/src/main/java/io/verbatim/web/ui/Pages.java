package io.verbatim.web.ui;

import io.verbatim.database.ChangedMeanwhile;
import io.verbatim.database.DatabaseUnreachable;
import io.verbatim.refusal.Refusal;
import jakarta.ejb.EJBAccessException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/** What the pages share: turning a refused change into a message, and reading lists typed in a field. */
final class Pages {

    private static final Logger LOG = Logger.getLogger(Pages.class.getName());

    private Pages() {
    }

    /** Runs a change; whatever the services refuse becomes an error message naming the problem, at the top. */
    static boolean attempt(Runnable change) {
        return attempt(change, null, Map.of());
    }

    /**
     * Runs a change made on a form; a refusal about one field is shown next to that field (and in the messages at the
     * top, which the user sees without scrolling), any other at the top.
     *
     * @param form   the form's id, or {@code null} when no refusal is shown by a field
     * @param fields the form's field for each of the API's field names where the two differ
     */
    static boolean attempt(Runnable change, String form, Map<String, String> fields) {
        try {
            change.run();
            return true;
        } catch (Refusal e) {
            String field = form == null || e.field() == null ? null : form + ":" + fields.getOrDefault(e.field(), e.field());
            FacesContext.getCurrentInstance().addMessage(field, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
            return false;
        } catch (IllegalArgumentException | EJBAccessException e) {
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
            return false;
        } catch (RuntimeException e) { // as the API answers them (409, 503): said at the top, the page kept
            String said = ChangedMeanwhile.explains(e) ? ChangedMeanwhile.MESSAGE
                    : DatabaseUnreachable.explains(e) ? DatabaseUnreachable.messageFor(e) : null;
            if (said == null) {
                throw e;
            }
            LOG.warning("A page's change was answered '" + said + "': " + e);
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, said, null));
            return false;
        }
    }

    static void say(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    /** Names typed in one field, separated by commas, semicolons or spaces. */
    static Set<String> names(String typed) {
        return typed == null || typed.isBlank() ? Set.of() : new LinkedHashSet<>(Arrays.asList(typed.trim().split("[,;\\s]+")));
    }
}
