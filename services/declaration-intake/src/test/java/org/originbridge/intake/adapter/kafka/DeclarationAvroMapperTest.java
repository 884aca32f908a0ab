package org.originbridge.intake.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.originbridge.intake.Declarations.bomMeetingNeither;
import static org.originbridge.intake.Declarations.certificateOfOrigin;
import static org.originbridge.intake.Declarations.item;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.originbridge.events.intake.DeclarationAccepted;
import org.originbridge.events.intake.DeclarationRejected;
import org.originbridge.events.intake.DeclarationSubmitted;
import org.originbridge.events.intake.PreCheckStatus;
import org.originbridge.events.intake.ProofOfOriginType;
import org.originbridge.intake.Declarations;
import org.originbridge.origin.declaration.Declaration;
import org.originbridge.intake.domain.OriginPreCheck;
import org.originbridge.intake.domain.ScreeningVerdict;
import org.originbridge.origin.FieldError;
import org.originbridge.origin.ErrorCodes;
import org.originbridge.platform.errors.InvalidRecordException;

class DeclarationAvroMapperTest {

    private static final Instant SUBMITTED = Instant.parse("2026-11-20T10:15:30.123Z");

    private static Declaration full() {
        return certificateOfOrigin()
                .producer(new Declaration.Party("PowerTech Factory 2", "Dongguan", "CN"))
                .goods(item().bom(new Declaration.BillOfMaterials(Declaration.RvcMethod.BUILD_UP, new BigDecimal("0.310"),
                        "CTH or RVC40", new Declaration.ProductionCosts(new BigDecimal("5.00"), null, new BigDecimal("2.50"), null),
                        true, List.of(new Declaration.BomMaterial("GAN", "transistors", "854129", new BigDecimal("3.10"),
                                new BigDecimal("0.002"), Declaration.MaterialOrigin.NON_ORIGINATING, "US",
                                new BigDecimal("0.20"), false),
                                new Declaration.BomMaterial(null, null, "271019", new BigDecimal("0.05"), null,
                                        Declaration.MaterialOrigin.UNDETERMINED, null, null, true)))).build())
                .backToBack(new Declaration.BackToBackDetails("RCEP-VN-1", Declarations.TODAY.minusDays(30), "VN", "AE-7"))
                .approvedExporterCode("AE-CN-1")
                .submittedAt(SUBMITTED)
                .build();
    }

    @Test
    void aDeclarationSurvivesTheRoundTripThroughAvro() {
        Declaration declaration = full();

        DeclarationSubmitted event = DeclarationAvroMapper.toEvent(declaration);

        assertThat(event.getDocumentType()).isEqualTo(ProofOfOriginType.CERTIFICATE_OF_ORIGIN);
        assertThat(event.getGoods().get(0).getFobValue().getAmount()).isEqualTo(new BigDecimal("100.00"));
        assertThat(DeclarationAvroMapper.fromEvent(event)).isEqualTo(declaration);
    }

    @Test
    void decimalsAreWrittenAtTheSchemaScale() {
        Declaration declaration = certificateOfOrigin().goods(item().fob("100", "USD").quantity("12", "PCE").build())
                .submittedAt(SUBMITTED).build();

        DeclarationSubmitted event = DeclarationAvroMapper.toEvent(declaration);

        assertThat(event.getGoods().get(0).getFobValue().getAmount().scale()).isEqualTo(2);
        assertThat(event.getGoods().get(0).getQuantity()).isEqualTo(new BigDecimal("12.000"));
    }

    @Test
    void aRecordWithoutDeclarationIdOrSupplierIdCannotBeMapped() {
        DeclarationSubmitted event = DeclarationAvroMapper.toEvent(full());
        event = DeclarationSubmitted.newBuilder(event).setDeclarationId("").setSupplierId(" ").build();
        DeclarationSubmitted withoutIds = event;

        assertThatThrownBy(() -> DeclarationAvroMapper.fromEvent(withoutIds))
                .isInstanceOf(InvalidRecordException.class)
                .satisfies(e -> assertThat(((InvalidRecordException) e).errors())
                        .extracting(FieldError::field, FieldError::code).containsExactly(
                                org.assertj.core.groups.Tuple.tuple("declarationId", ErrorCodes.REQUIRED),
                                org.assertj.core.groups.Tuple.tuple("supplierId", ErrorCodes.REQUIRED)));
    }

    @Test
    void anIdOutsideTheSafeAlphabetCannotBeMappedAndNamesItsCode() {
        DeclarationSubmitted event = DeclarationSubmitted.newBuilder(DeclarationAvroMapper.toEvent(full()))
                .setDeclarationId("ID\r\nX-Injected: yes").build();

        assertThatThrownBy(() -> DeclarationAvroMapper.fromEvent(event))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("cannot be identified safely")
                .satisfies(e -> assertThat(((InvalidRecordException) e).errors())
                        .extracting(FieldError::field, FieldError::code)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("declarationId", ErrorCodes.INVALID_ID)));
    }

    @Test
    void anUnknownDocumentTypeStaysUnknown() {
        DeclarationSubmitted event = DeclarationSubmitted.newBuilder(DeclarationAvroMapper.toEvent(full()))
                .setDocumentType(ProofOfOriginType.UNKNOWN).build();

        assertThat(DeclarationAvroMapper.fromEvent(event).documentType()).isEqualTo(Declaration.ProofOfOriginType.UNKNOWN);
    }

    @Test
    void anAcceptedVerdictCarriesTheDeclarationAndEveryItemDetermination() {
        Declaration declaration = full();
        OriginPreCheck preCheck = new OriginPreCheck(OriginPreCheck.Status.PERFORMED, "1 of 1 item(s)", List.of(
                new OriginPreCheck.ItemDetermination(1, "850440", true, "CTH or RVC40", "REQUEST", "BUILD_DOWN",
                        new BigDecimal("63.333"), List.of(new OriginPreCheck.Alternative("CTH", true, List.of("changes heading")),
                        new OriginPreCheck.Alternative("RVC40", true, List.of())), List.of("originating"))));

        DeclarationAccepted event = DeclarationAvroMapper.toAccepted(
                new ScreeningVerdict.Accepted(declaration, preCheck, SUBMITTED.plusSeconds(1)));

        assertThat(event.getDeclarationId()).isEqualTo(declaration.declarationId());
        assertThat(event.getSupplierId()).isEqualTo("SUP-SZ-POWERTECH");
        assertThat(event.getAcceptedAt()).isEqualTo(SUBMITTED.plusSeconds(1));
        assertThat(event.getDeclaration()).isEqualTo(DeclarationAvroMapper.toEvent(declaration));
        assertThat(event.getOriginPreCheck().getStatus()).isEqualTo(PreCheckStatus.PERFORMED);
        assertThat(event.getOriginPreCheck().getItems().get(0).getRvcPercent()).isEqualTo(new BigDecimal("63.33"));
        assertThat(event.getOriginPreCheck().getItems().get(0).getAlternatives().get(0).getReasons())
                .containsExactly("changes heading");
    }

    @Test
    void aRejectedVerdictCarriesEveryProblemAndOmitsAPreCheckNotPerformed() {
        Declaration declaration = certificateOfOrigin().goods(item().bom(bomMeetingNeither()).build()).submittedAt(SUBMITTED).build();

        DeclarationRejected event = DeclarationAvroMapper.toRejected(new ScreeningVerdict.Rejected(declaration, List.of(
                new FieldError("goods[0].hsCode", "INVALID_HS_CODE", "5 digits"),
                new FieldError("consignment", "REQUIRED", "missing")), null, SUBMITTED));

        assertThat(event.getReferenceNumber()).isEqualTo("RCEP-CN-2026-000101");
        assertThat(event.getProblems()).extracting(p -> p.getField() + "/" + p.getCode())
                .containsExactly("goods[0].hsCode/INVALID_HS_CODE", "consignment/REQUIRED");
        assertThat(event.getOriginPreCheck()).isNull();
        assertThat(event.getDeclaration().getGoods().get(0).getBillOfMaterials().getRule()).isEqualTo("CTH or RVC40");
    }

    @Test
    void theSharedAvroTestDeclarationIsOneIntakeAccepts() {
        Declaration declaration = DeclarationAvroMapper.fromEvent(
                org.originbridge.testsupport.AvroBuilders.declarationSubmitted("DECL-SHARED-1").build());

        assertThat(new org.originbridge.origin.declaration.DeclarationValidator(java.time.Clock.systemUTC())
                .validate(declaration).errors())
                .isEmpty();
    }
}
