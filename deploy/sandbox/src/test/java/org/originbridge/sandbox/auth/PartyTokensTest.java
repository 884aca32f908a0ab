package org.originbridge.sandbox.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PartyTokensTest {

    @Test
    void bearerIsReadCaseInsensitivelyAndBlankIsNoToken() {
        assertThat(PartyTokens.bearer("Bearer abc")).contains("abc");
        assertThat(PartyTokens.bearer("bearer  abc ")).contains("abc");
        assertThat(PartyTokens.bearer("Basic abc")).isEmpty();
        assertThat(PartyTokens.bearer("Bearer ")).isEmpty();
        assertThat(PartyTokens.bearer(null)).isEmpty();
    }

    @Test
    void applicantTokensAreApplicantIdEqualsTokenPairs() {
        assertThat(PartyTokens.parsePairs(" EXP-1=t1 , EXP-2=t=2 ,")).containsOnlyKeys("EXP-1", "EXP-2");
        assertThat(PartyTokens.parsePairs("")).isEmpty();
        assertThatThrownBy(() -> PartyTokens.parsePairs("EXP-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PartyTokens.parsePairs("EXP-1=")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void listsIgnoreBlanks() {
        assertThat(PartyTokens.parseList(" a, ,b,")).hasSize(2);
        assertThat(PartyTokens.parseList(null)).isEmpty();
    }
}
