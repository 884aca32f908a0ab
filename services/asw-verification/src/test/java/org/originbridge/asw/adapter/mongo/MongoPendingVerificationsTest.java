package org.originbridge.asw.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.originbridge.asw.domain.AswRequest;
import org.originbridge.asw.domain.Issuance;
import org.originbridge.asw.domain.PendingVerifications.Pending;
import org.originbridge.testsupport.EmbeddedMongo;
import org.originbridge.testsupport.Races;

/**
 * The per-declaration upserts of {@link MongoPendingVerifications} against the embedded Mongo wire server: the accepted
 * content and the issued certificate arrive on two consumers in either order, and whichever write comes last sees both.
 */
class MongoPendingVerificationsTest {

    private final MongoPendingVerifications pending = new MongoPendingVerifications(EmbeddedMongo.freshDatabase("asw-pending"));

    static AswRequest request(String declarationId, String hash) {
        return new AswRequest(declarationId, "RCEP-" + declarationId, AswRequest.CERTIFICATE_OF_ORIGIN, "CN", "MY",
                "Exporter", List.of("850440"), LocalDate.parse("2026-11-20"), hash, null, null, null);
    }

    static Issuance issuance(String number) {
        return new Issuance(number, "CN-CCPIT", "ab".repeat(32));
    }

    @Test
    void eachHalfAloneIsPendingAndTheSecondSeesBothInEitherOrder() {
        Pending acceptedFirst = pending.accepted("SUP-A", "REF-1", request("D1", "h1"));
        assertThat(acceptedFirst.issued()).isEmpty();
        Pending thenIssued = pending.issued("D1", issuance("C-1"));
        assertThat(thenIssued.accepted()).contains(request("D1", "h1"));
        assertThat(thenIssued.issued()).contains(issuance("C-1"));
        assertThat(thenIssued.supplierId()).isEqualTo("SUP-A");

        Pending issuedFirst = pending.issued("D2", issuance("C-2"));
        assertThat(issuedFirst.accepted()).isEmpty();
        Pending thenAccepted = pending.accepted("SUP-B", "REF-2", request("D2", "h2"));
        assertThat(thenAccepted.accepted()).contains(request("D2", "h2"));
        assertThat(thenAccepted.issued()).contains(issuance("C-2"));
    }

    @Test
    void newerAcceptedContentReplacesTheOlderAndKeepsTheIssuedCertificate() {
        pending.accepted("SUP-A", "REF-3", request("D3", "h1"));
        pending.issued("D3", issuance("C-3"));

        Pending after = pending.accepted("SUP-A", "REF-3", request("D3", "h2"));
        assertThat(after.accepted().orElseThrow().documentHash()).isEqualTo("h2");
        assertThat(after.issued()).contains(issuance("C-3"));
    }

    @Test
    void whenBothHalvesRaceAtLeastOneWriterSeesBoth() throws Exception {
        for (int round = 0; round < 20; round++) {
            String id = "D-RACE-" + round;
            List<Pending> seen = Races.run(2, i -> i == 0 ? pending.accepted("SUP-A", "REF", request(id, "h"))
                    : pending.issued(id, issuance("C-" + id)));

            assertThat(seen).as("round %d", round).anySatisfy(p -> {
                assertThat(p.accepted()).isPresent();
                assertThat(p.issued()).isPresent();
            });
        }
    }
}
