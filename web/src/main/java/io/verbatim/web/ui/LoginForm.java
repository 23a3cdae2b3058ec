package io.verbatim.web.ui;

import io.verbatim.directory.SignIn;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.temporal.ChronoUnit;

/** The sign-in page: hands the credentials to the container's authentication, then goes where the user was headed. */
@Named
@RequestScoped
public class LoginForm {

    static final String HOME = "/app/recordings.xhtml";

    @Inject
    SecurityContext security;

    @Inject
    FacesContext faces;

    @Inject
    SignIn signIn;

    private String username;
    private String password;
    private String next;

    public void signIn() throws IOException {
        ExternalContext external = faces.getExternalContext();
        AuthenticationStatus status = security.authenticate(
                (HttpServletRequest) external.getRequest(), (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams()
                        .credential(new UsernamePasswordCredential(username, password == null ? "" : password))
                        .newAuthentication(true));
        if (status == AuthenticationStatus.SUCCESS) {
            external.redirect(external.getRequestContextPath() + safeNext());
            faces.responseComplete();
        } else {
            String locked = signIn.lockedUntil(username)
                    .map(until -> "Too many failed sign-ins from here: try again after " + until.truncatedTo(ChronoUnit.SECONDS) + " (UTC).")
                    .orElse("Wrong username or password.");
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, locked, null));
        }
    }

    /** Only paths inside this application: an open redirect would let a link send people anywhere. */
    private String safeNext() {
        return next != null && next.startsWith("/app/") && !next.contains("//") && !next.contains("\\") ? next : HOME;
    }

    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getNext() { return next; }
    public void setNext(String next) { this.next = next; }
}
