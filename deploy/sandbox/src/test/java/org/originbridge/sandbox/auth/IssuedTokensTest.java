package org.originbridge.sandbox.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class IssuedTokensTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-29T08:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final IssuedTokens tokens = new IssuedTokens(Duration.ofMinutes(5), clock);

    @Test
    void aTokenNamesItsSubjectAtItsPartyUntilItExpires() {
        IssuedTokens.Issued issued = tokens.issue("ccpit", "EXP-A");

        assertThat(issued.expiresInSeconds()).isEqualTo(300);
        assertThat(tokens.subjectOf("ccpit", issued.token())).contains("EXP-A");
        assertThat(tokens.subjectOf("asw", issued.token())).isEmpty();
        now.set(now.get().plus(Duration.ofMinutes(5)));
        assertThat(tokens.subjectOf("ccpit", issued.token())).isEmpty();
    }

    @Test
    void tokensAreRandomAndUnknownOnesNameNobody() {
        assertThat(tokens.issue("asw", "c").token()).isNotEqualTo(tokens.issue("asw", "c").token());
        assertThat(tokens.subjectOf("asw", "made-up")).isEmpty();
        assertThat(tokens.subjectOf("asw", null)).isEmpty();
    }

    @Test
    void aNonPositiveLifetimeIsRefused() {
        assertThatThrownBy(() -> new IssuedTokens(Duration.ZERO, clock)).isInstanceOf(IllegalArgumentException.class);
    }
}
