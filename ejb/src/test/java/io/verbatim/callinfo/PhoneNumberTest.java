package io.verbatim.callinfo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Numbers found however they were typed. */
class PhoneNumberTest {

    static boolean finds(String typed, String stored) {
        String digits = PhoneNumber.digits(stored);
        return PhoneNumber.searchForms(typed).stream().anyMatch(digits::contains);
    }

    @Test
    void aNumberIsFoundWithOrWithoutCountryCodeSpacesOrLeadingZero() {
        assertThat(finds("+49 89 123456", "+4989123456")).isTrue();
        assertThat(finds("089 123456", "+4989123456")).isTrue();
        assertThat(finds("0049-89-123456", "+4989123456")).isTrue();
        assertThat(finds("+49 (89) 123456", "089123456")).as("stored nationally by the PBX").isTrue();
        assertThat(finds("123456", "004989123456")).isTrue();
        assertThat(finds("089 654321", "+4989123456")).isFalse();
    }

    @Test
    void onlyNumbersAreSearchedAsNumbers() {
        assertThat(PhoneNumber.looksLikeNumber("+49 89 123456")).isTrue();
        assertThat(PhoneNumber.looksLikeNumber("089/123-456")).isTrue();
        assertThat(PhoneNumber.looksLikeNumber("Acme")).isFalse();
        assertThat(PhoneNumber.looksLikeNumber("7")).as("one digit is no number to search").isFalse();
        assertThat(PhoneNumber.digits("Acme")).isNull();
        assertThat(PhoneNumber.searchForms("+1 2")).containsExactly("12");
        assertThat(PhoneNumber.searchForms("+49 30 123456")).as("no form starting with the 0 of a national number's digits")
                .containsExactly("4930123456", "930123456", "30123456");
    }
}
