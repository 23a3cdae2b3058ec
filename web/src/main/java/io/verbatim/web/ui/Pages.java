package io.verbatim.web.ui;

import io.verbatim.directory.DirectoryConflictException;
import io.verbatim.refusal.NoSuchEntryException;
import io.verbatim.lifecycle.RecordingProtectedException;
import io.verbatim.recording.ActionDeniedException;
import io.verbatim.recording.NoSuchRecordingException;
import jakarta.ejb.EJBAccessException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/** What the pages share: turning a refused change into a message, and reading lists typed in a field. */
final class Pages {

    private Pages() {
    }

    /** Runs a change; what the services refuse becomes an error message naming the problem. */
    static boolean attempt(Runnable change) {
        try {
            change.run();
            return true;
        } catch (IllegalArgumentException | DirectoryConflictException | NoSuchEntryException | EJBAccessException
                 | NoSuchRecordingException | ActionDeniedException | RecordingProtectedException e) {
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
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
