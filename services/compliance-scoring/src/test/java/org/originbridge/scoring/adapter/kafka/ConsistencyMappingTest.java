package org.originbridge.scoring.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.originbridge.events.consistency.ConsistencyFinding;
import org.originbridge.events.consistency.ConsistencyStatus;
import org.originbridge.events.consistency.DeclarationConsistencyChecked;
import org.originbridge.events.consistency.FindingSeverity;
import org.originbridge.events.consistency.FindingSource;
import org.originbridge.platform.errors.InvalidRecordException;
import org.originbridge.scoring.domain.ConsistencyOutcome;

/** A {@code declaration-consistency} record as scoring keeps it, and hostile records. */
class ConsistencyMappingTest {

    private static final Instant AT = Instant.parse("2026-11-30T08:00:00Z");

    private static ConsistencyFinding finding(String field, FindingSource source, FindingSeverity severity) {
        return ConsistencyFinding.newBuilder().setCheckId("X").setField(field).setDeclaredValue("a").setOtherValue("b")
                .setSource(source).setSeverity(severity).setText("differs").build();
    }

    private static DeclarationConsistencyChecked.Builder report(ConsistencyStatus status, List<ConsistencyFinding> findings) {
        return DeclarationConsistencyChecked.newBuilder().setDeclarationId("D1").setSupplierId("SUP-1")
                .setStatus(status).setFindings(findings).setReportHash("h").setCheckedAt(AT);
    }

    @Test
    void eachDiscrepancyIsNamedByFieldAndSourceAndPointsNeedingEvidenceAreNot() {
        ConsistencyOutcome outcome = EventMapper.consistency(report(ConsistencyStatus.DISCREPANCIES, List.of(
                finding("goods[1].hsCode", FindingSource.E_CO, FindingSeverity.DISCREPANCY),
                finding("consignment.portOfDischarge", FindingSource.VOYAGE, FindingSeverity.DISCREPANCY),
                finding("consignment", FindingSource.VOYAGE, FindingSeverity.EVIDENCE_NEEDED))).build());

        assertThat(outcome.status()).isEqualTo(ConsistencyOutcome.Status.DISCREPANCIES);
        assertThat(outcome.discrepancies()).containsExactly("goods[1].hsCode (e-CO)", "consignment.portOfDischarge (voyage)");
        assertThat(outcome.checkedAt()).isEqualTo(AT);
        assertThat(outcome.reportHash()).isEqualTo("h");
    }

    @Test
    void aReportWithoutSupplierOrDeclarationIsBadData() {
        assertThatThrownBy(() -> EventMapper.consistency(report(ConsistencyStatus.CONSISTENT, List.of())
                .setSupplierId(" ").build())).isInstanceOf(InvalidRecordException.class).hasMessageContaining("supplierId");
        assertThatThrownBy(() -> EventMapper.consistency(report(ConsistencyStatus.CONSISTENT, List.of())
                .setDeclarationId("").build())).isInstanceOf(InvalidRecordException.class).hasMessageContaining("declarationId");
    }

    @Test
    void hostileFindingsStayBounded() {
        String huge = "goods[1]." + "x".repeat(10_000);
        List<ConsistencyFinding> many = IntStream.range(0, 1_000)
                .mapToObj(i -> finding("goods[" + i + "].hsCode", FindingSource.E_CO, FindingSeverity.DISCREPANCY))
                .toList();
        ConsistencyOutcome long_ = EventMapper.consistency(report(ConsistencyStatus.DISCREPANCIES,
                List.of(finding(huge, FindingSource.UNKNOWN, FindingSeverity.DISCREPANCY))).build());
        assertThat(long_.discrepancies()).singleElement().asString().hasSizeLessThan(EventMapper.MAX_FIELD + 30)
                .endsWith("... (other source)");

        assertThat(EventMapper.consistency(report(ConsistencyStatus.DISCREPANCIES, many).build()).discrepancies())
                .hasSize(EventMapper.MAX_KINDS);
        assertThat(EventMapper.consistency(report(ConsistencyStatus.UNKNOWN, List.of()).build()).status())
                .isEqualTo(ConsistencyOutcome.Status.UNKNOWN);
    }
}
