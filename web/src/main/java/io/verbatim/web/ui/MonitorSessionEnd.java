package io.verbatim.web.ui;

import io.verbatim.access.FourEyes;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/** A session that ends (sign-out, time-out) takes the 4-eyes grants its monitor gave with it. */
@WebListener
public class MonitorSessionEnd implements HttpSessionListener {

    @Inject
    FourEyes fourEyes;

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        fourEyes.endMonitorSession(event.getSession().getId(), "the monitor signed out or the session timed out");
    }
}
