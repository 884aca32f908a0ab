package org.originbridge.origin.determination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.originbridge.origin.determination.MaterialOrigin.NON_ORIGINATING;
import static org.originbridge.origin.determination.MaterialOrigin.ORIGINATING;
import static org.originbridge.origin.determination.MaterialOrigin.UNDETERMINED;

import java.io.StringReader;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.originbridge.origin.ErrorCodes;
import org.originbridge.origin.rule.RuleParser;
import org.originbridge.origin.rule.RuleTable;

/** Worked examples for RCEP Chapter 3: each expected figure is computed by hand in a comment. */
class OriginDeterminerTest {
    private static final RuleTable TABLE = RuleTable.parse(new StringReader("""
            hs_code,rule,provenance
            94,CC,test chapter row
            9403,CTH or RVC40,test heading row
            940360,CTSH,test subheading row
            """), "test");
    private final OriginDeterminer determiner = new OriginDeterminer(TABLE);

    private Determination determine(DeterminationRequest request) {
        DeterminationOutcome outcome = determiner.determine(request);
        assertThat(outcome).isInstanceOf(DeterminationOutcome.Determined.class);
        return ((DeterminationOutcome.Determined) outcome).determination();
    }

    private Determination determine(String rule, String hs, String fob, Material... materials) {
        return determine(DeterminationRequest.of(hs, fob, List.of(materials)).withRule(RuleParser.parse(rule)));
    }

    private static Material m(String id, String hs, String value, MaterialOrigin origin) {
        return Material.of(id, hs, value, origin);
    }

    private static String allReasons(Determination d) {
        return String.join("\n", d.reasons()) + "\n" + d.alternatives().stream()
                .flatMap(a -> a.reasons().stream()).reduce("", (x, y) -> x + "\n" + y);
    }

    @Nested
    class RuleSelection {
        @Test
        void ruleGivenWithTheRequestWins() {
            Determination d = determine("CC", "940360", "100.00", m("a", "440791", "10.00", NON_ORIGINATING));
            assertThat(d.ruleApplied().text()).isEqualTo("CC");
            assertThat(d.ruleSource().label()).isEqualTo("REQUEST");
        }

        @ParameterizedTest(name = "HS {0} -> table row {1}: {2}")
        @org.junit.jupiter.params.provider.CsvSource({"940360,940360,CTSH", "940390,9403,CTH or RVC40", "940110,94,CC"})
        void tableLookupFallsBackSubheadingHeadingChapter(String hs, String row, String rule) {
            Determination d = determine(DeterminationRequest.of(hs, "100.00", List.of(m("a", "440791", "10", NON_ORIGINATING))));
            assertThat(d.ruleSource().hsPrefix()).isEqualTo(row);
            assertThat(d.ruleApplied().text()).isEqualTo(rule);
            assertThat(d.ruleSource().label()).startsWith("TABLE:test ");
        }

        @Test
        void noRuleAnywhereIsAFieldError() {
            DeterminationOutcome outcome = determiner.determine(DeterminationRequest.of("850440", "100.00", List.of()));
            assertThat(outcome).isInstanceOfSatisfying(DeterminationOutcome.Rejected.class, r -> {
                assertThat(r.errors()).singleElement().satisfies(e -> {
                    assertThat(e.field()).isEqualTo("rule");
                    assertThat(e.code()).isEqualTo(ErrorCodes.NO_RULE);
                    assertThat(e.message()).contains("850440").contains("8504").contains("85");
                });
            });
        }
    }

    @Nested
    class WhollyObtainedAndProducedExclusively {
        @Test
        void woMetByDeclaration() {
            Determination d = determine(DeterminationRequest.of("010121", "900.00", List.of())
                    .withRule(RuleParser.parse("WO")).withWhollyObtained(true));
            assertThat(d.originating()).isTrue();
            assertThat(allReasons(d)).contains("declared wholly obtained");
        }

        @Test
        void woAlsoMetByPe() {
            Determination d = determine("WO", "020130", "100.00", m("carcass", "020120", "60.00", ORIGINATING));
            assertThat(d.originating()).isTrue();
            assertThat(allReasons(d)).contains("met through PE");
        }

        @Test
        void woNotMetWithANonOriginatingMaterial() {
            Determination d = determine(DeterminationRequest.of("020130", "100.00",
                    List.of(m("carcass", "020120", "60.00", NON_ORIGINATING))).withRule(RuleParser.parse("WO")).withWhollyObtained(true));
            assertThat(d.originating()).isFalse();
            assertThat(allReasons(d)).contains("declared wholly obtained, but the bill of materials lists 1 non-originating");
        }

        @Test
        void peNeedsEveryMaterialOriginatingWithCumulationAndIndirectAsOriginating() {
            // cumulation (Art 3.4): a material originating in another Party (e.g. Japanese steel) is ORIGINATING
            Determination d = determine("PE", "730890", "500.00",
                    m("JP steel", "720851", "200.00", ORIGINATING),
                    m("CN bolts", "731815", "20.00", ORIGINATING),
                    m("welding gas", "280440", "5.00", NON_ORIGINATING).asIndirect());
            assertThat(d.originating()).isTrue();
            assertThat(allReasons(d)).contains("all 2 material(s) are originating");
        }

        @Test
        void peFailsOnUndetermined() {
            Determination d = determine("PE", "730890", "500.00", m("steel", "720851", "200.00", UNDETERMINED));
            assertThat(d.originating()).isFalse();
            assertThat(allReasons(d)).contains("material 'steel' (HS 720851) is undetermined origin, treated as non-originating");
        }

        @Test
        void peWithoutMaterialsIsNotMet() {
            Determination d = determine("PE", "730890", "500.00");
            assertThat(d.originating()).isFalse();
            assertThat(allReasons(d)).contains("PE needs a bill of materials");
        }
    }

    @Nested
    class ChangeInTariffClassification {
        static Stream<Arguments> cases() {
            // product 940360 (wooden furniture): chapter 94, heading 9403, subheading 940360
            return Stream.of(
                    Arguments.of("CC", "440791", true), // chapter 44 -> 94
                    Arguments.of("CC", "940190", false), // chapter 94 -> 94
                    Arguments.of("CTH", "940190", true), // heading 9401 -> 9403
                    Arguments.of("CTH", "940390", false), // heading 9403 -> 9403
                    Arguments.of("CTSH", "940390", true), // 940390 -> 940360
                    Arguments.of("CTSH", "940360", false)); // 940360 -> 940360
        }

        @ParameterizedTest(name = "{0} with non-originating material HS {1}: met={2}")
        @MethodSource("cases")
        void ctcOnNonOriginatingMaterials(String rule, String materialHs, boolean met) {
            // failing value 50.00 of FOB 100.00 = 50% > 10%: de minimis cannot rescue
            Determination d = determine(rule, "940360", "100.00", m("part", materialHs, "50.00", NON_ORIGINATING));
            assertThat(d.originating()).isEqualTo(met);
            assertThat(d.alternatives().get(0).reasons().get(0))
                    .contains(met ? "changes " : "does not change ");
        }

        @Test
        void ctcIgnoresOriginatingAndIndirectMaterials() {
            Determination d = determine("CTH", "940360", "100.00",
                    m("top", "940390", "50.00", ORIGINATING),
                    m("oil", "940390", "50.00", NON_ORIGINATING).asIndirect(),
                    m("boards", "440791", "20.00", NON_ORIGINATING));
            assertThat(d.originating()).isTrue();
        }

        @Test
        void undeterminedOriginFailsTheChange() {
            Determination d = determine("CTH", "940360", "100.00", m("top", "940390", "50.00", UNDETERMINED));
            assertThat(d.originating()).isFalse();
            assertThat(allReasons(d)).contains("undetermined origin, treated as non-originating, does not change heading: 9403 -> 9403")
                    .contains("1 material(s) of undetermined origin treated as non-originating");
        }

        @Test
        void reasonsNameWhichMaterialFailedWhichChange() {
            Determination d = determine("CTH or RVC40", "940360", "100.00",
                    m("M-1", "940390", "45.00", NON_ORIGINATING), m("M-2", "440791", "20.00", NON_ORIGINATING));
            // CTH: M-1 fails (9403 -> 9403), 45% > 10%; RVC = (100 - 65) / 100 = 35% < 40
            assertThat(d.originating()).isFalse();
            assertThat(d.alternatives()).extracting(AlternativeResult::met).containsExactly(false, false);
            assertThat(d.alternatives().get(0).reasons()).contains(
                    "material 'M-1' (HS 940390), non-originating, does not change heading: 9403 -> 9403",
                    "material 'M-2' (HS 440791), non-originating, changes heading: 4407 -> 9403");
            assertThat(d.alternatives().get(1).reasons().get(0))
                    .startsWith("RVC (build-down) = (FOB 100.00 - VNM 65.00) / FOB 100.00 x 100 = 35.00% < 40%: not met");
            assertThat(d.reasons().get(0)).isEqualTo("not originating: none of the alternatives of 'CTH or RVC40' is met");
        }
    }

    @Nested
    class DeMinimis {
        static Stream<Arguments> valueCases() {
            return Stream.of(
                    Arguments.of("10.00", true, "10.00"), // 10.00 / 100.00 = exactly 10%: met
                    Arguments.of("10.01", false, "10.01"), // one cent over: not met
                    Arguments.of("9.99", true, "9.99"));
        }

        @ParameterizedTest(name = "failing value {0} of FOB 100.00 -> de minimis met={1}")
        @MethodSource("valueCases")
        void byValueInAnyChapter(String failingValue, boolean met, String percent) {
            Determination d = determine("CTH", "940360", "100.00",
                    m("top", "940390", failingValue, NON_ORIGINATING), m("boards", "440791", "40.00", NON_ORIGINATING));
            assertThat(d.originating()).isEqualTo(met);
            DeMinimisResult dm = d.deMinimis().orElseThrow();
            assertThat(dm.valueTestMet()).isEqualTo(met);
            assertThat(dm.valuePercent()).isEqualByComparingTo(percent);
            assertThat(dm.failingValue()).isEqualByComparingTo(failingValue);
            assertThat(dm.materials()).containsExactly("material 'top' (HS 940390)");
            assertThat(dm.basis()).isEqualTo(met ? "VALUE" : "NONE");
        }

        @Test
        void exactlyTenPercentOfAnAwkwardFob() {
            // 10% of 33.33 = 3.333: failing 3.33 is <= 3.333 (met), failing 3.34 is > 3.333 (not met)
            assertThat(determine("CTH", "940360", "33.33", m("a", "940390", "3.33", NON_ORIGINATING)).originating()).isTrue();
            assertThat(determine("CTH", "940360", "33.33", m("a", "940390", "3.34", NON_ORIGINATING)).originating()).isFalse();
        }

        static Stream<Arguments> weightCases() {
            return Stream.of(
                    Arguments.of("0.200", true), // 0.200 / 2.000 kg = exactly 10%
                    Arguments.of("0.201", false)); // one gram over
        }

        @ParameterizedTest(name = "textile: failing weight {0} kg of 2.000 kg -> met={1}")
        @MethodSource("weightCases")
        void byWeightForChapters50To63(String failingKg, boolean met) {
            // T-shirt 610910 under CC; cotton knitted fabric of chapter 61 fails CC, its value 30% of FOB fails by value
            DeterminationRequest request = DeterminationRequest.of("610910", "10.00", List.of(
                    m("trim", "610990", "3.00", NON_ORIGINATING).withNetWeightKg(failingKg),
                    m("yarn", "520512", "2.00", NON_ORIGINATING).withNetWeightKg("1.5")))
                    .withRule(RuleParser.parse("CC")).withNetWeightKg("2.000");
            Determination d = determine(request);
            DeMinimisResult dm = d.deMinimis().orElseThrow();
            assertThat(dm.valueTestMet()).isFalse();
            assertThat(dm.weightTestMet()).isEqualTo(met);
            assertThat(d.originating()).isEqualTo(met);
            assertThat(dm.failingWeightKg()).isEqualByComparingTo(failingKg);
            if (met) {
                assertThat(dm.basis()).isEqualTo("WEIGHT");
            }
        }

        @Test
        void weightTestDoesNotApplyOutsideChapters50To63() {
            DeterminationRequest request = DeterminationRequest.of("940360", "10.00", List.of(
                    m("top", "940390", "3.00", NON_ORIGINATING).withNetWeightKg("0.001")))
                    .withRule(RuleParser.parse("CTH")).withNetWeightKg("20");
            Determination d = determine(request);
            assertThat(d.originating()).isFalse();
            assertThat(d.deMinimis().orElseThrow().failingWeightKg()).isNull();
        }

        @Test
        void weightTestNeedsEveryWeight() {
            DeterminationRequest request = DeterminationRequest.of("610910", "10.00", List.of(
                    m("trim", "610990", "3.00", NON_ORIGINATING))).withRule(RuleParser.parse("CC")).withNetWeightKg("2");
            Determination d = determine(request);
            assertThat(d.originating()).isFalse();
            assertThat(allReasons(d)).contains("by weight: not applicable");
        }

        @Test
        void deMinimisValueStillCountsInVnm() {
            // CTH met through de minimis (10.00 of 100.00), but VNM = 10.00 + 51.00 = 61.00 -> RVC 39% < 40
            Determination d = determine("CTH and RVC40", "940360", "100.00",
                    m("top", "940390", "10.00", NON_ORIGINATING), m("boards", "440791", "51.00", NON_ORIGINATING));
            assertThat(d.rvc().vnm()).isEqualByComparingTo("61.00");
            assertThat(d.rvc().percent()).isEqualByComparingTo("39.00");
            assertThat(d.originating()).isFalse();
            assertThat(d.alternatives().get(0).reasons()).contains("CTH met", "RVC40 not met");
        }
    }

    @Nested
    class RegionalValueContent {
        @Test
        void buildDownAtExactly40PercentIsMet() {
            // (100.00 - 60.00) / 100.00 = 40%
            Determination d = determine("RVC40", "940360", "100.00", m("a", "440791", "60.00", NON_ORIGINATING));
            assertThat(d.originating()).isTrue();
            assertThat(d.rvc().percent()).isEqualByComparingTo("40.00");
        }

        @Test
        void buildDownOneCentOverIsNotMet() {
            Determination d = determine("RVC40", "940360", "100.00", m("a", "440791", "60.01", NON_ORIGINATING));
            assertThat(d.originating()).isFalse();
            assertThat(d.rvc().percent()).isEqualByComparingTo("39.99");
        }

        @Test
        void roundedFortyIsNotEnough() {
            // (300.00 - 180.01) / 300.00 x 100 = 39.9966..% shows as 40.00 but is below the threshold
            Determination d = determine("RVC40", "940360", "300.00", m("a", "440791", "180.01", NON_ORIGINATING));
            assertThat(d.rvc().percent()).isEqualByComparingTo("40.00");
            assertThat(d.originating()).isFalse();
            assertThat(allReasons(d)).contains("40.00% < 40%: not met");
        }

        @Test
        void deductionsFromVnm() {
            // VNM = 70.00 - 10.00 (freight and duties to the producer, Art 3.5.5) = 60.00 -> 40%
            Determination d = determine("RVC40", "940360", "100.00",
                    m("a", "440791", "70.00", NON_ORIGINATING).withDeductibleCosts("10.00"));
            assertThat(d.rvc().vnm()).isEqualByComparingTo("60.00");
            assertThat(d.originating()).isTrue();
            assertThat(allReasons(d)).contains("VNM is after deducting 10.00");
        }

        @Test
        void buildUp() {
            // VOM 60 + labour 25 + overhead 10 + profit 5 + other 0 = 100 of FOB 250 = 40%
            DeterminationRequest request = DeterminationRequest.of("940360", "250.00", List.of(
                            m("o", "440791", "60.00", ORIGINATING), m("n", "830242", "90.00", NON_ORIGINATING)))
                    .withRule(RuleParser.parse("RVC40")).withBuildUp(BuildUpCosts.of("25.00", "10.00", "5.00", "0"));
            Determination d = determine(request);
            assertThat(d.rvc().method()).isEqualTo(RvcMethod.BUILD_UP);
            assertThat(d.rvc().percent()).isEqualByComparingTo("40.00");
            assertThat(d.originating()).isTrue();
            assertThat(allReasons(d)).contains("RVC (build-up) = (VOM 60.00 + costs 40.00) / FOB 250.00 x 100 = 40.00% >= 40%: met");
        }

        @Test
        void indirectMaterialsCountAsOriginatingInBuildUp() {
            // VOM = 30 + indirect 10 = 40 of FOB 100 = 40%
            DeterminationRequest request = DeterminationRequest.of("940360", "100.00", List.of(
                            m("o", "440791", "30.00", ORIGINATING), m("fuel", "271019", "10.00", NON_ORIGINATING).asIndirect()))
                    .withRule(RuleParser.parse("RVC40")).withBuildUp(BuildUpCosts.NONE);
            assertThat(determine(request).originating()).isTrue();
        }

        @Test
        void rvcFiguresAreReportedEvenWhenTheRuleHasNoRvc() {
            Determination d = determine("CC", "940360", "100.00", m("a", "440791", "25.00", NON_ORIGINATING));
            assertThat(d.rvc().percent()).isEqualByComparingTo("75.00");
        }
    }

    @Nested
    class MinimalOperationsAndChemicalReaction {
        @Test
        void minimalOperationsConferNoOriginOnNonOriginatingMaterials() {
            DeterminationRequest request = DeterminationRequest.of("940360", "100.00",
                            List.of(m("a", "440791", "10.00", NON_ORIGINATING)))
                    .withRule(RuleParser.parse("CTH or RVC40")).withOperations(false, List.of("packing", "LABELLING"));
            Determination d = determine(request);
            assertThat(d.originating()).isFalse();
            // Art 3.6 names the sub-paragraphs: packing is (b), labelling (d); two of them are a combination, (k)
            assertThat(allReasons(d)).contains("only minimal operations were performed (packing, LABELLING)")
                    .contains("Art 3.6(k): a combination of (b) packing; (d) LABELLING");
            assertThat(d.articles()).extracting(AppliedArticle::article).contains("3.6(k)");
        }

        @Test
        void flagMeansTheSame() {
            DeterminationRequest request = DeterminationRequest.of("940360", "100.00",
                            List.of(m("a", "440791", "10.00", NON_ORIGINATING)))
                    .withRule(RuleParser.parse("CC")).withOperations(true, List.of());
            assertThat(determine(request).originating()).isFalse();
        }

        @Test
        void aSubstantialOperationAmongTheListIsNotMinimal() {
            DeterminationRequest request = DeterminationRequest.of("940360", "100.00",
                            List.of(m("a", "440791", "10.00", NON_ORIGINATING)))
                    .withRule(RuleParser.parse("CC")).withOperations(false, List.of("packing", "cutting and joining boards"));
            assertThat(determine(request).originating()).isTrue();
        }

        @Test
        void minimalOperationsOnOriginatingMaterialsStillPe() {
            DeterminationRequest request = DeterminationRequest.of("940360", "100.00",
                            List.of(m("a", "440791", "10.00", ORIGINATING)))
                    .withRule(RuleParser.parse("PE or CTH")).withOperations(true, List.of());
            assertThat(determine(request).originating()).isTrue();
        }

        @Test
        void chemicalReactionMustBeDeclared() {
            DeterminationRequest request = DeterminationRequest.of("290511", "100.00",
                    List.of(m("syngas", "271111", "80.00", NON_ORIGINATING))).withRule(RuleParser.parse("CR"));
            assertThat(determine(request).originating()).isFalse();
            assertThat(determine(request.withChemicalReaction(true)).originating()).isTrue();
        }
    }

    @Test
    void anEmptyBillOfMaterialsIsNotDetermined() {
        // issue 14: a CTC cannot be met by a request without a bill of materials (it used to pass as "no
        // non-originating materials"); the answer is NOT_DETERMINED with the reason
        Determination d = determine(DeterminationRequest.of(org.originbridge.origin.code.HsCode.parse("940360"),
                new java.math.BigDecimal("100.00"), java.util.Currency.getInstance("USD"), List.of())
                .withRule(RuleParser.parse("CTH")).withRvcMethod(RvcMethod.BUILD_DOWN));
        assertThat(d.originating()).isFalse();
        assertThat(d.status()).isEqualTo(DeterminationStatus.NOT_DETERMINED);
        assertThat(d.reasons().get(0)).startsWith("not determined: rule 'CTH' cannot be judged without a bill of materials");
        assertThat(d.reasons()).anyMatch(r -> r.startsWith("no bill of materials was given"));
    }

    @Test
    void resultListsEveryTopLevelAlternative() {
        Determination d = determine("CC or CTH and RVC40 or PE", "940360", "100.00",
                m("a", "940190", "30.00", NON_ORIGINATING));
        // CC: 94 -> 94 fails (30% > 10%); CTH 9401 -> 9403 and RVC 70%: met; PE: not met
        assertThat(d.alternatives()).extracting(a -> a.rule().text()).containsExactly("CC", "CTH and RVC40", "PE");
        assertThat(d.alternatives()).extracting(AlternativeResult::met).containsExactly(false, true, false);
        assertThat(d.originating()).isTrue();
        assertThat(d.reasons().get(0)).isEqualTo("originating: rule 'CC or CTH and RVC40 or PE' is met through 'CTH and RVC40'");
    }
}
