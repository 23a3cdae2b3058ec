package io.verbatim.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BasicCredentialsTest {

    static String basic(String userColonPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void userAndPasswordAreSplitAtTheFirstColon() {
        assertThat(BasicCredentials.of(basic("ann:se:cret"))).contains(new BasicCredentials("ann", "se:cret"));
        assertThat(BasicCredentials.of("basic " + basic("bö:pw").substring(6))).contains(new BasicCredentials("bö", "pw"));
        assertThat(BasicCredentials.of(basic(":pw"))).contains(new BasicCredentials("", "pw"));
    }

    @Test
    void missingOtherSchemesAndMalformedHeadersGiveNothing() {
        assertThat(BasicCredentials.of(null)).isEmpty();
        assertThat(BasicCredentials.of("Bearer vbt_x")).isEmpty();
        assertThat(BasicCredentials.of("Basic not*base64")).isEmpty();
        assertThat(BasicCredentials.of(basic("no colon"))).isEmpty();
    }
}
