package org.originbridge.intake.domain;

import org.originbridge.origin.declaration.Declaration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.originbridge.intake.Declarations.bomMeetingCthAndRvc;
import static org.originbridge.intake.Declarations.bomMeetingNeither;
import static org.originbridge.intake.Declarations.bomMeetingOnlyRvc;
import static org.originbridge.intake.Declarations.certificateOfOrigin;
import static org.originbridge.intake.Declarations.item;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.junit.jupiter.api.Test;
import org.originbridge.intake.Declarations;
import org.originbridge.intake.adapter.metrics.MicrometerIntakeMetrics;
import org.originbridge.origin.ErrorCodes;
import org.originbridge.origin.FieldError;
import org.originbridge.origin.declaration.DeclarationValidator;
import org.originbridge.origin.determination.OriginDeterminer;
import org.originbridge.origin.rule.RuleTable;

class DeclarationScreeningTest {

    private final List<ScreeningVerdict> published = new ArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final DeclarationScreening screening = new DeclarationScreening(
            new DeclarationValidator(Declarations.CLOCK),
            new OriginPreChecker(new OriginDeterminer(RuleTable.empty())),
            published::add, new MicrometerIntakeMetrics(meters), Declarations.CLOCK);

    @Test
    void aCompleteDeclarationWithoutBillOfMaterialsIsAcceptedWithoutPreCheck() {
        Declaration declaration = certificateOfOrigin().build();

        ScreeningVerdict verdict = screening.screen(declaration);

        assertThat(verdict).isInstanceOf(ScreeningVerdict.Accepted.class);
        ScreeningVerdict.Accepted accepted = (ScreeningVerdict.Accepted) verdict;
        assertThat(accepted.preCheck().status()).isEqualTo(OriginPreCheck.Status.NOT_PERFORMED);
        assertThat(accepted.preCheck().summary()).contains("no goods item carries a bill of materials");
        assertThat(accepted.decidedAt()).isEqualTo(Declarations.CLOCK.instant());
        assertThat(published).containsExactly(verdict);
        assertThat(counter("accepted")).isEqualTo(1.0);
        assertThat(meters.get(MicrometerIntakeMetrics.SCREENING).timer().count()).isEqualTo(1);
    }

    @Test
    void aBillOfMaterialsThatSupportsTheClaimIsAcceptedWithThePreCheckPerformed() {
        Declaration declaration = certificateOfOrigin().goods(item().criterion("CTH").bom(bomMeetingCthAndRvc()).build()).build();

        ScreeningVerdict verdict = screening.screen(declaration);

        assertThat(verdict).isInstanceOf(ScreeningVerdict.Accepted.class);
        OriginPreCheck preCheck = ((ScreeningVerdict.Accepted) verdict).preCheck();
        assertThat(preCheck.status()).isEqualTo(OriginPreCheck.Status.PERFORMED);
        OriginPreCheck.ItemDetermination item = preCheck.items().get(0);
        assertThat(item.itemNumber()).isEqualTo(1);
        assertThat(item.hsCode()).isEqualTo("850440");
        assertThat(item.originating()).isTrue();
        assertThat(item.ruleApplied()).isEqualTo("CTH or RVC40");
        assertThat(item.ruleSource()).isEqualTo("REQUEST");
        assertThat(item.rvcMethod()).isEqualTo("BUILD_DOWN");
        assertThat(item.rvcPercent()).isEqualByComparingTo("70.00");
        assertThat(item.alternatives()).extracting(OriginPreCheck.Alternative::rule, OriginPreCheck.Alternative::met)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("CTH", true), org.assertj.core.groups.Tuple.tuple("RVC40", true));
        assertThat(item.alternatives().get(0).reasons()).isNotEmpty();
    }

    @Test
    void everyAnnex3bProblemIsReportedAtOnceNamingTheSubmittedField() {
        Declaration declaration = certificateOfOrigin()
                .documentType(Declaration.ProofOfOriginType.UNKNOWN)
                .exporter(new Declaration.Party("Shenzhen PowerTech", null, "US"))
                .destinationCountry(null)
                .goods(item().hsCode("85044").originCountry(null).fob(null, null).criterion("RVC40").build())
                .exporterDeclaration(new Declaration.ExporterDeclaration("Shenzhen", Declarations.TODAY, " "))
                .certification(null)
                .build();

        ScreeningVerdict verdict = screening.screen(declaration);

        assertThat(verdict).isInstanceOf(ScreeningVerdict.Rejected.class);
        ScreeningVerdict.Rejected rejected = (ScreeningVerdict.Rejected) verdict;
        assertThat(rejected.problems()).extracting(FieldError::field).contains(
                "documentType", "exporter.address", "exporter.country", "destinationCountry", "goods[0].hsCode",
                "goods[0].originCountry", "goods[0].fobValue", "exporterDeclaration.signatoryName");
        assertThat(rejected.problems()).filteredOn(p -> p.field().equals("exporter.country"))
                .extracting(FieldError::code).containsExactly(ErrorCodes.NOT_RCEP_PARTY);
        assertThat(rejected.preCheck()).isNull();
        assertThat(published).containsExactly(verdict);
        assertThat(counter("rejected")).isEqualTo(1.0);
        assertThat(counter("accepted")).isZero();
    }

    @Test
    void aBillOfMaterialsThatShowsTheGoodIsNotOriginatingContradictsTheClaim() {
        Declaration declaration = certificateOfOrigin().goods(item().criterion("CTH").bom(bomMeetingNeither()).build()).build();

        ScreeningVerdict verdict = screening.screen(declaration);

        assertThat(verdict).isInstanceOf(ScreeningVerdict.Rejected.class);
        ScreeningVerdict.Rejected rejected = (ScreeningVerdict.Rejected) verdict;
        assertThat(rejected.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("goods[0].originCriterion");
            assertThat(p.code()).isEqualTo(IntakeErrorCodes.ORIGIN_NOT_SUPPORTED);
            assertThat(p.message()).contains("CTH or RVC40").contains("not met");
        });
        assertThat(rejected.preCheck().status()).isEqualTo(OriginPreCheck.Status.PERFORMED);
        assertThat(rejected.preCheck().items().get(0).originating()).isFalse();
        assertThat(rejected.preCheck().items().get(0).rvcPercent()).isEqualByComparingTo("30.00");
    }

    @Test
    void aBillOfMaterialsWithoutMaterialsCannotSupportACthClaim() {
        Declaration declaration = certificateOfOrigin().goods(item().criterion("CTH").bom(Declarations.bom("CTH")).build()).build();

        ScreeningVerdict verdict = screening.screen(declaration);

        assertThat(verdict).isInstanceOf(ScreeningVerdict.Rejected.class);
        assertThat(((ScreeningVerdict.Rejected) verdict).problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("goods[0].billOfMaterials");
            assertThat(p.code()).isEqualTo(IntakeErrorCodes.ORIGIN_NOT_DETERMINED);
            assertThat(p.message()).contains("'CTH'").contains("evidence");
        });
    }

    @Test
    void anOriginatingGoodClaimedUnderACriterionItDoesNotMeetIsRejected() {
        Declaration claimsCth = certificateOfOrigin().goods(item().criterion("CTH").bom(bomMeetingOnlyRvc()).build()).build();
        Declaration claimsRvc = certificateOfOrigin().goods(item().criterion("RVC40").bom(bomMeetingOnlyRvc()).build()).build();

        ScreeningVerdict cth = screening.decide(claimsCth);
        ScreeningVerdict rvc = screening.decide(claimsRvc);

        assertThat(cth).isInstanceOf(ScreeningVerdict.Rejected.class);
        assertThat(((ScreeningVerdict.Rejected) cth).problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("goods[0].originCriterion");
            assertThat(p.code()).isEqualTo(IntakeErrorCodes.CRITERION_NOT_MET);
            assertThat(p.message()).contains("only through 'RVC40'");
        });
        assertThat(rvc).isInstanceOf(ScreeningVerdict.Accepted.class);
    }

    @Test
    void problemsInTheBillOfMaterialsNameTheirFieldAndSkipOnlyThatItem() {
        Declaration declaration = certificateOfOrigin().goods(
                item().number(1).bom(Declarations.bom("CTH or XYZ",
                        Declarations.nonOriginating("A", "85", "-1.00"))).build(),
                item().number(2).bom(bomMeetingCthAndRvc()).build()).build();

        ScreeningVerdict verdict = screening.screen(declaration);

        ScreeningVerdict.Rejected rejected = (ScreeningVerdict.Rejected) verdict;
        assertThat(rejected.problems()).extracting(FieldError::field).containsExactlyInAnyOrder(
                "goods[0].billOfMaterials.rule",
                "goods[0].billOfMaterials.materials[0].hsCode",
                "goods[0].billOfMaterials.materials[0].value");
        assertThat(rejected.preCheck().items()).extracting(OriginPreCheck.ItemDetermination::itemNumber).containsExactly(2);
        assertThat(rejected.preCheck().summary()).startsWith("1 of 2 item(s)");
    }

    @Test
    void withoutARuleInTheBillOfMaterialsTheRuleTableIsUsedAndItsAbsenceIsAProblem() {
        Declaration declaration = certificateOfOrigin().goods(item().bom(Declarations.bom(null,
                Declarations.originating("PCB", "853400", "10.00"))).build()).build();

        ScreeningVerdict.Rejected rejected = (ScreeningVerdict.Rejected) screening.decide(declaration);

        assertThat(rejected.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("goods[0].billOfMaterials.rule");
            assertThat(p.code()).isEqualTo(ErrorCodes.NO_RULE);
        });
        assertThat(rejected.preCheck()).isNull();
    }

    @Test
    void theRuleTableSuppliesTheRuleWhenTheBillOfMaterialsHasNone() {
        DeclarationScreening withTable = new DeclarationScreening(new DeclarationValidator(Declarations.CLOCK),
                new OriginPreChecker(OriginDeterminer.withDefaultTable()), published::add, IntakeMetrics.NONE,
                Declarations.CLOCK);
        Declaration declaration = certificateOfOrigin().goods(item().description("wooden bedroom furniture")
                .hsCode("940350").criterion("CTH").bom(Declarations.bom(null,
                        Declarations.nonOriginating("PLY", "441231", "30.00"))).build()).build();

        ScreeningVerdict verdict = withTable.decide(declaration);

        assertThat(verdict).isInstanceOf(ScreeningVerdict.Accepted.class);
        OriginPreCheck.ItemDetermination item = ((ScreeningVerdict.Accepted) verdict).preCheck().items().get(0);
        assertThat(item.ruleApplied()).isEqualTo("CTH or RVC40");
        assertThat(item.ruleSource()).startsWith("TABLE:");
    }

    @Test
    void aMissingFobValueIsReportedOnceWhenTheItemHasABillOfMaterials() {
        Declaration declaration = certificateOfOrigin()
                .goods(item().criterion("CTH").fob(null, null).bom(bomMeetingCthAndRvc()).build()).build();

        ScreeningVerdict.Rejected rejected = (ScreeningVerdict.Rejected) screening.decide(declaration);

        assertThat(rejected.problems()).extracting(FieldError::field, FieldError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("goods[0].fobValue", IntakeErrorCodes.REQUIRED_FOR_PRE_CHECK));
    }

    private double counter(String outcome) {
        return meters.get(MicrometerIntakeMetrics.OUTCOMES).tag("outcome", outcome).counters().stream()
                .mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
    }
}
