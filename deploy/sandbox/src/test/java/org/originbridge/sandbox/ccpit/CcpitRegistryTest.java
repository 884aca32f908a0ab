package org.originbridge.sandbox.ccpit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.originbridge.sandbox.web.ConflictException;
import org.originbridge.sandbox.web.NotFoundException;
import org.originbridge.sandbox.web.SandboxClock;

public class CcpitRegistryTest {

    public static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");
    public static final Duration STEP = Duration.ofSeconds(2);

    private final SandboxClock clock = SandboxClock.fixed(T0);
    private final CcpitRegistry registry = new CcpitRegistry(clock, STEP);

    public static ApplicationRequest request(String declarationId, String coRef) {
        return new ApplicationRequest(declarationId, coRef, "Shenzhen Widgets Co.", "MY", List.of("850440"), new BigDecimal("1200.50"));
    }

    @Test
    void givenAHeldReference_whenOnlyStepsElapse_thenItStaysPendingUntilTheClockIsAdvancedAnHour() {
        String id = registry.submit("EXP-1", "DECL-H", request("DECL-H", "CO-HOLD-1")).application().applicationId();

        clock.advance(STEP.multipliedBy(10));
        assertThat(registry.get("EXP-1", id).status()).isEqualTo(ApplicationStatus.SUBMITTED);
        clock.advance(Application.HOLD_STEP);
        assertThat(registry.get("EXP-1", id).status()).isEqualTo(ApplicationStatus.UNDER_REVIEW);
        clock.advance(Application.HOLD_STEP);
        assertThat(registry.get("EXP-1", id).status()).isEqualTo(ApplicationStatus.ISSUED);
    }

    @Test
    void givenASubmission_whenStepsElapse_thenStatusMovesToIssuedWithACertificate() {
        String id = registry.submit("EXP-1", "DECL-1", request("DECL-1", "CO-1")).application().applicationId();

        assertThat(registry.get("EXP-1", id).status()).isEqualTo(ApplicationStatus.SUBMITTED);
        clock.advance(STEP.minusMillis(1));
        assertThat(registry.get("EXP-1", id).status()).isEqualTo(ApplicationStatus.SUBMITTED);
        clock.advance(Duration.ofMillis(1));
        Application review = registry.get("EXP-1", id);
        assertThat(review.status()).isEqualTo(ApplicationStatus.UNDER_REVIEW);
        assertThat(review.updatedAt()).isEqualTo(T0.plus(STEP));
        clock.advance(STEP);
        Application issued = registry.get("EXP-1", id);
        assertThat(issued.status()).isEqualTo(ApplicationStatus.ISSUED);
        assertThat(issued.certificateVisible()).isTrue();
        assertThat(issued.certificateNumber()).startsWith("CCPIT-RCEP-2026-");
        assertThat(issued.verificationCode()).hasSize(8);
        assertThat(issued.updatedAt()).isEqualTo(T0.plus(STEP.multipliedBy(2)));
    }

    @Test
    void givenALongPause_thenEveryDueTransitionIsAppliedAtItsOwnTime() {
        String id = registry.submit("EXP-1", "DECL-2", request("DECL-2", "CO-2")).application().applicationId();
        clock.advance(Duration.ofHours(1));

        Application issued = registry.get("EXP-1", id);
        assertThat(issued.status()).isEqualTo(ApplicationStatus.ISSUED);
        assertThat(issued.updatedAt()).isEqualTo(T0.plus(STEP.multipliedBy(2)));
    }

    @Test
    void givenAReferenceContainingReject_thenTheApplicationEndsRejectedWithAReason() {
        String id = registry.submit("EXP-1", "DECL-3", request("DECL-3", "CO-REJECT-3")).application().applicationId();
        clock.advance(STEP.multipliedBy(5));

        Application rejected = registry.get("EXP-1", id);
        assertThat(rejected.status()).isEqualTo(ApplicationStatus.REJECTED);
        assertThat(rejected.reason()).contains("REJECT");
        assertThat(rejected.certificateVisible()).isFalse();
    }

    @Test
    void givenTheSameIdempotencyKey_thenTheSameApplicationIsReturned() {
        CcpitRegistry.Submission first = registry.submit("EXP-1", "DECL-4", request("DECL-4", "CO-4"));
        CcpitRegistry.Submission again = registry.submit("EXP-1", "DECL-4", request("DECL-4", "CO-4"));

        assertThat(first.replayed()).isFalse();
        assertThat(again.replayed()).isTrue();
        assertThat(again.application().applicationId()).isEqualTo(first.application().applicationId());
    }

    @Test
    void givenTheSameIdempotencyKeyWithAnotherBody_thenItIsRefused() {
        registry.submit("EXP-1", "DECL-5", request("DECL-5", "CO-5"));

        assertThatThrownBy(() -> registry.submit("EXP-1", "DECL-5", request("DECL-5", "CO-5-CHANGED")))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void anApplicantCannotSeeAnotherApplicantsApplication() {
        String id = registry.submit("EXP-1", "DECL-6", request("DECL-6", "CO-6")).application().applicationId();

        assertThatThrownBy(() -> registry.get("EXP-2", id)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void onlyAnIssuedCertificateCanBeRevoked_andThePublicLookupShowsTheRevocation() {
        String id = registry.submit("EXP-1", "DECL-7", request("DECL-7", "CO-7")).application().applicationId();
        assertThatThrownBy(() -> registry.revoke("EXP-1", id, null)).isInstanceOf(ConflictException.class);

        clock.advance(STEP.multipliedBy(2));
        Application issued = registry.get("EXP-1", id);
        assertThat(registry.lookup(issued.certificateNumber(), issued.verificationCode())).get()
                .extracting(Application::status).isEqualTo(ApplicationStatus.ISSUED);
        assertThat(registry.lookup(issued.certificateNumber(), "WRONGCOD")).isEmpty();

        Application revoked = registry.revoke("EXP-1", id, "issued in error");
        assertThat(revoked.status()).isEqualTo(ApplicationStatus.REVOKED);
        assertThat(revoked.reason()).isEqualTo("issued in error");
        clock.advance(STEP.multipliedBy(10));
        assertThat(registry.get("EXP-1", id).status()).isEqualTo(ApplicationStatus.REVOKED);
        assertThat(registry.lookup(issued.certificateNumber(), issued.verificationCode())).get()
                .extracting(Application::status).isEqualTo(ApplicationStatus.REVOKED);
    }
}
