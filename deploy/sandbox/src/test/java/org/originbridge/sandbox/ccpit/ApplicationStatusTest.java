package org.originbridge.sandbox.ccpit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class ApplicationStatusTest {

    @Test
    void everyTerminalStatusRejectsEveryTransition() {
        for (ApplicationStatus terminal : EnumSet.of(ApplicationStatus.REJECTED, ApplicationStatus.REVOKED)) {
            assertThat(terminal.isTerminal()).isTrue();
            for (ApplicationStatus target : ApplicationStatus.values()) {
                assertThat(terminal.canMoveTo(target)).as(terminal + " -> " + target).isFalse();
            }
        }
    }

    @Test
    void theLifecycleIsTheDocumentedTable() {
        assertThat(ApplicationStatus.SUBMITTED.successors()).containsExactly(ApplicationStatus.UNDER_REVIEW);
        assertThat(ApplicationStatus.UNDER_REVIEW.successors()).containsExactlyInAnyOrder(ApplicationStatus.ISSUED, ApplicationStatus.REJECTED);
        assertThat(ApplicationStatus.ISSUED.successors()).containsExactly(ApplicationStatus.REVOKED);
        assertThat(ApplicationStatus.ISSUED.advancesWithTime()).isFalse();
    }
}
