package io.verbatim.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where Verbatim is reached from outside ({@code VERBATIM_PUBLIC_URL}, e.g. {@code https://recorder.example.com}):
 * the base of the absolute URLs it hands out. Without it, URLs are given relative to the server: a request's Host
 * header is the client's to choose, and copying it into a {@code Location} would point others wherever it said.
 */
@ApplicationScoped
public class PublicAddress {

    @Inject
    @ConfigProperty(name = "verbatim.public.url")
    Optional<String> configured;

    /** {@code path} (starting with '/', the context path included) as a URL to hand out. */
    public String of(String path) {
        return configured.filter(u -> !u.isBlank()).map(u -> u.strip().replaceAll("/+$", "") + path).orElse(path);
    }

    /** A URL the framework made absolute from the request's Host, as {@link #of} would give it. */
    public String of(URI made) {
        String path = made.getRawPath() + (made.getRawQuery() == null ? "" : "?" + made.getRawQuery());
        return made.isAbsolute() ? of(path) : made.toString();
    }

    /** Whether the public URL, when one is set, is an HTTPS one. */
    public boolean isHttps() {
        return configured.filter(u -> u.strip().regionMatches(true, 0, "https://", 0, 8)).isPresent();
    }

    /** {@code host[:port]} of the public URL, when one is set. */
    public Optional<String> authority() {
        return configured.filter(u -> !u.isBlank()).flatMap(CrossSiteRequests::authority);
    }
}
