package org.originbridge.ccpit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class IssuanceLifecycleTest {

    @ParameterizedTest
    @EnumSource(value = IssuanceStatus.class, names = {"REJECTED", "REVOKED", "FAILED"})
    void everyTerminalStateRejectsEveryTransition(IssuanceStatus terminal) {
        assertThat(IssuanceLifecycle.isTerminal(terminal)).isTrue();
        for (IssuanceStatus target : IssuanceStatus.values()) {
            assertThat(IssuanceLifecycle.allows(terminal, target)).as(terminal + " -> " + target).isFalse();
            assertThatThrownBy(() -> IssuanceLifecycle.check(terminal, target))
                    .isInstanceOf(IssuanceLifecycle.IllegalTransitionException.class)
                    .hasMessageContaining(terminal + " is terminal");
        }
    }

    @Test
    void theTerminalStatesAreExactlyRejectedRevokedAndFailed() {
        assertThat(Arrays.stream(IssuanceStatus.values()).filter(IssuanceLifecycle::isTerminal))
                .containsExactlyInAnyOrder(IssuanceStatus.REJECTED, IssuanceStatus.REVOKED, IssuanceStatus.FAILED);
    }

    @Test
    void issuedIsFinalForTrackingButCanStillBeRevoked() {
        assertThat(IssuanceLifecycle.isFinal(IssuanceStatus.ISSUED)).isTrue();
        assertThat(IssuanceLifecycle.isTerminal(IssuanceStatus.ISSUED)).isFalse();
        assertThat(IssuanceLifecycle.successors(IssuanceStatus.ISSUED)).containsExactly(IssuanceStatus.REVOKED);
        assertThat(IssuanceLifecycle.isFinal(IssuanceStatus.UNDER_REVIEW)).isFalse();
    }

    @Test
    void theHappyPathIsAllowedAndObservedSkipsAreToo() {
        assertThat(IssuanceLifecycle.allows(IssuanceStatus.REQUESTED, IssuanceStatus.SUBMITTED)).isTrue();
        assertThat(IssuanceLifecycle.allows(IssuanceStatus.SUBMITTED, IssuanceStatus.UNDER_REVIEW)).isTrue();
        assertThat(IssuanceLifecycle.allows(IssuanceStatus.UNDER_REVIEW, IssuanceStatus.ISSUED)).isTrue();
        assertThat(IssuanceLifecycle.allows(IssuanceStatus.SUBMITTED, IssuanceStatus.ISSUED)).isTrue();
        assertThat(IssuanceLifecycle.allows(IssuanceStatus.REQUESTED, IssuanceStatus.FAILED)).isTrue();
    }

    @Test
    void nothingGoesBackAndNothingReturnsToRequested() {
        for (IssuanceStatus from : IssuanceStatus.values()) {
            assertThat(IssuanceLifecycle.allows(from, IssuanceStatus.REQUESTED)).isFalse();
            assertThat(IssuanceLifecycle.allows(from, from)).as("no self transition of " + from).isFalse();
        }
        assertThat(IssuanceLifecycle.allows(IssuanceStatus.UNDER_REVIEW, IssuanceStatus.SUBMITTED)).isFalse();
        assertThat(IssuanceLifecycle.allows(IssuanceStatus.ISSUED, IssuanceStatus.UNDER_REVIEW)).isFalse();
        // FAILED means "could not apply": once CCPIT has the application, its outcome is CCPIT's.
        assertThat(EnumSet.of(IssuanceStatus.SUBMITTED, IssuanceStatus.UNDER_REVIEW, IssuanceStatus.ISSUED))
                .allSatisfy(s -> assertThat(IssuanceLifecycle.allows(s, IssuanceStatus.FAILED)).isFalse());
    }
}
