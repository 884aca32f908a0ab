package org.originbridge.scoring.domain;

import java.time.Instant;
import java.util.List;

/** Test-data builders for evidence. */
final class Evidence {

    static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");

    private Evidence() {
    }

    static Instant day(int n) {
        return T0.plusSeconds(86_400L * n);
    }

    static IntakeOutcome accepted(String id, int day) {
        return new IntakeOutcome(id, true, day(day));
    }

    static IntakeOutcome rejected(String id, int day) {
        return new IntakeOutcome(id, false, day(day));
    }

    static AswOutcome asw(String id, AswOutcome.Result result, int day) {
        return new AswOutcome(id, result, day(day));
    }

    static IssuanceOutcome issuance(String id, IssuanceOutcome.Status status, int sequence, int day) {
        return new IssuanceOutcome(id, status, sequence, day(day));
    }

    static NodeEvent act(String id, String code, String location, int day) {
        return new NodeEvent(id, code, true, location, day(day), null);
    }

    static SupplierEvidence of(IntakeOutcome... outcomes) {
        SupplierEvidence e = SupplierEvidence.NONE;
        for (IntakeOutcome o : outcomes) {
            e = e.withIntake(o);
        }
        return e;
    }

    static SupplierEvidence consignment(SupplierEvidence e, String id, String pol, String pod, NodeEvent... events) {
        return e.withNodeEvents(id, pol, pod, List.of(events));
    }
}
