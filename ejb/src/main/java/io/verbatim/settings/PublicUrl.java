package io.verbatim.settings;

import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Where Verbatim is reached from outside ({@code VERBATIM_PUBLIC_URL}, read by MicroProfile Config as
 * {@code verbatim.public.url}), for links that leave the server: in webhooks, and in mail, where a link without it
 * could not be followed at all. A request's Host header never stands in for it: it is the client's to choose.
 */
public final class PublicUrl {

    private PublicUrl() {
    }

    /** {@code path} (from '/') under the public URL, when one is set. */
    public static Optional<String> of(String path) {
        return ConfigProvider.getConfig().getOptionalValue("verbatim.public.url", String.class)
                .filter(base -> !base.isBlank()).map(base -> base.strip().replaceAll("/+$", "") + path);
    }

    /**
     * The public URL's base, for what cannot work without it.
     *
     * @param what   what needs it, e.g. "mail rules"
     * @param reason why, e.g. "their mails link to the recording"
     * @throws PublicUrlMissingException when it is not set
     */
    public static String required(String what, String reason) {
        return of("").orElseThrow(() -> new PublicUrlMissingException(what + " need VERBATIM_PUBLIC_URL, the address Verbatim is"
                + " reached at from outside: " + reason + " (the operator sets it where the server is started)"));
    }
}
