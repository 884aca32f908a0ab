package org.originbridge.origin.determination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.originbridge.origin.determination.DeterminationStatus.NOT_DETERMINED;
import static org.originbridge.origin.determination.DeterminationStatus.NOT_ORIGINATING;
import static org.originbridge.origin.determination.DeterminationStatus.ORIGINATING;
import static org.originbridge.origin.determination.MaterialOrigin.NON_ORIGINATING;
import static org.originbridge.origin.determination.MaterialOrigin.UNDETERMINED;

import java.io.StringReader;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.originbridge.origin.rule.RuleParser;
import org.originbridge.origin.rule.RuleTable;

/**
 * Worked examples written from the RCEP Chapter 3 text (issue 14), one table per article: each row is one
 * sub-paragraph, or a threshold and one step past it. The figures are worked out in the comments.
 */
class TreatyWorkedExamplesTest {
    private static final MaterialOrigin ORIG = MaterialOrigin.ORIGINATING;
    private static final RuleTable EMPTY = RuleTable.parse(new StringReader("hs_code,rule,provenance\n"), "test");
    private final OriginDeterminer determiner = new OriginDeterminer(EMPTY);

    private Determination determine(DeterminationRequest request) {
        DeterminationOutcome outcome = determiner.determine(request);
        assertThat(outcome).isInstanceOf(DeterminationOutcome.Determined.class);
        return ((DeterminationOutcome.Determined) outcome).determination();
    }

    private static DeterminationRequest request(String rule, String hs, String fob, Material... materials) {
        return DeterminationRequest.of(hs, fob, List.of(materials)).withRule(RuleParser.parse(rule));
    }

    private static Material m(String id, String hs, String value, MaterialOrigin origin) {
        return Material.of(id, hs, value, origin);
    }

    private static List<String> articles(Determination d) {
        return d.articles().stream().map(AppliedArticle::article).toList();
    }

    private static String allReasons(Determination d) {
        return String.join("\n", d.reasons()) + "\n" + d.alternatives().stream()
                .flatMap(a -> a.reasons().stream()).reduce("", (x, y) -> x + "\n" + y);
    }

    /** Art 3.6: each sub-paragraph prevails over a product-specific rule the good would otherwise meet. */
    @Nested
    class MinimalOperationsArticle36 {
        // Oak boards 440791 (non-originating) -> furniture 940360: CC would be met (chapter 44 -> 94)
        private DeterminationRequest furniture(String... operations) {
            return request("CC or RVC40", "940360", "100.00", m("boards", "440791", "20.00", NON_ORIGINATING))
                    .withOperations(false, List.of(operations));
        }

        @ParameterizedTest(name = "''{0}'' is Art {1}")
        @CsvSource(delimiter = '|', value = {
                "preserving for transport | 3.6(a)",
                "packaging | 3.6(b)",
                "re-packaging | 3.6(b)",
                "presenting for sale | 3.6(b)",
                "sifting | 3.6(c)",
                "screening | 3.6(c)",
                "sorting | 3.6(c)",
                "classifying | 3.6(c)",
                "sharpening | 3.6(c)",
                "cutting | 3.6(c)",
                "slitting | 3.6(c)",
                "simple grinding | 3.6(c)",
                "bending | 3.6(c)",
                "coiling | 3.6(c)",
                "UNCOILING | 3.6(c)",
                "affixing labels | 3.6(d)",
                "printing logos | 3.6(d)",
                "mere dilution with water | 3.6(e)",
                "disassembly into parts | 3.6(f)",
                "slaughtering of animals | 3.6(g)",
                "simple painting | 3.6(h)",
                "polishing | 3.6(h)",
                "simple peeling | 3.6(i)",
                "stoning | 3.6(i)",
                "shelling | 3.6(i)",
                "simple mixing | 3.6(j)",
                "SIMPLE_MIXING | 3.6(j)"})
        void eachSubparagraphConfersNoOriginAndIsNamed(String operation, String article) {
            Determination d = determine(furniture(operation));
            assertThat(d.status()).isEqualTo(NOT_ORIGINATING);
            assertThat(articles(d)).contains(article);
            assertThat(allReasons(d)).contains("Art " + article + ": (" + article.charAt(4) + ") " + operation)
                    .contains("they confer no origin on the 1 non-originating material(s)");
            assertThat(d.alternatives()).allSatisfy(a -> assertThat(a.met()).isFalse());
        }

        @Test
        void aCombinationIsSubparagraphK() {
            Determination d = determine(furniture("cutting", "simple painting", "packing", "labelling"));
            assertThat(d.status()).isEqualTo(NOT_ORIGINATING);
            assertThat(articles(d)).contains("3.6(k)").doesNotContain("3.6(c)");
            assertThat(allReasons(d)).contains(
                    "Art 3.6(k): a combination of (b) packing; (c) cutting; (d) labelling; (h) simple painting");
        }

        @Test
        void twoProcessesOfOneSubparagraphAreThatSubparagraph() {
            Determination d = determine(furniture("cutting", "bending"));
            assertThat(articles(d)).contains("3.6(c)").doesNotContain("3.6(k)");
        }

        @ParameterizedTest(name = "''{0}'' (EU/UK list) is not minimal under RCEP")
        @CsvSource({"simple assembly", "ironing", "husking", "colouring of sugar", "testing", "washing",
                "making-up of sets"})
        void otherAgreementsOperationsDoNotCount(String operation) {
            // with a substantial operation, the product-specific rule decides: CC is met (44 -> 94)
            Determination d = determine(furniture("packing", operation));
            assertThat(d.status()).isEqualTo(ORIGINATING);
            assertThat(allReasons(d)).contains("'" + operation + "' is listed as insufficient in other agreements "
                    + "(EU, UK) but not in RCEP Art 3.6");
            assertThat(articles(d)).contains("3.6");
        }

        @Test
        void anOperationOutsideTheListIsProcessingAndTheRuleDecides() {
            Determination d = determine(furniture("packing", "CNC routing and joining"));
            assertThat(d.status()).isEqualTo(ORIGINATING);
            assertThat(allReasons(d)).contains("'CNC routing and joining' is not in the Art 3.6 list");
        }

        @Test
        void theFlagWithoutOperationsCitesArticle36() {
            Determination d = determine(request("CC", "940360", "100.00", m("boards", "440791", "20.00", NON_ORIGINATING))
                    .withOperations(true, List.of()));
            assertThat(d.status()).isEqualTo(NOT_ORIGINATING);
            assertThat(articles(d)).contains("3.6");
        }

        @Test
        void minimalOperationsOnOriginatingMaterialsLeaveTheGoodOriginating() {
            // Art 3.6 speaks of operations "undertaken on non-originating materials"
            Determination d = determine(request("CC", "940360", "100.00", m("boards", "440791", "20.00", ORIG))
                    .withOperations(false, List.of("packing")));
            assertThat(d.status()).isEqualTo(ORIGINATING);
        }

        @Test
        void deMinimisDoesNotRescueMinimalOperations() {
            // the failing material is 5% of FOB, but Art 3.7 needs "all of the other applicable requirements"
            Determination d = determine(request("CTH", "940360", "100.00", m("top", "940390", "5.00", NON_ORIGINATING))
                    .withOperations(false, List.of("packing")));
            assertThat(d.status()).isEqualTo(NOT_ORIGINATING);
        }

        @Test
        void theVocabularyIsTheDocumentedOne() {
            assertThat(Arrays.stream(MinimalOperation.values()).map(MinimalOperation::subparagraph))
                    .containsExactly("a", "b", "c", "d", "e", "f", "g", "h", "i", "j");
            assertThat(MinimalOperation.SIMPLE_PROCESS.terms()).containsExactly("sifting", "screening", "sorting",
                    "classifying", "sharpening", "cutting", "slitting", "grinding", "bending", "coiling", "uncoiling");
            assertThat(MinimalOperation.match("slicing")).isEmpty();
            assertThat(MinimalOperation.match("Simple  Grinding")).contains(MinimalOperation.SIMPLE_PROCESS);
        }
    }

    /** Art 3.2 and Annex 3A: no origin without evidence. */
    @Nested
    class Evidence {
        static Stream<Arguments> rows() {
            return Stream.of(
                    // rule, WO declared, CR declared, materials, expected status
                    Arguments.of("CTH", false, false, List.of(), NOT_DETERMINED),
                    Arguments.of("CC", false, false, List.of(), NOT_DETERMINED),
                    Arguments.of("CTSH", false, false, List.of(), NOT_DETERMINED),
                    Arguments.of("RVC40", false, false, List.of(), NOT_DETERMINED),
                    Arguments.of("CTH or RVC40", false, false, List.of(), NOT_DETERMINED),
                    Arguments.of("CTH and RVC40", false, false, List.of(), NOT_DETERMINED),
                    Arguments.of("PE", false, false, List.of(), NOT_DETERMINED),
                    Arguments.of("WO", false, false, List.of(), NOT_DETERMINED),
                    // only indirect materials, packing or accessories: still no bill of materials
                    Arguments.of("CTH", false, false, List.of(m("fuel", "271019", "3.00", NON_ORIGINATING).asIndirect(),
                            m("crate", "441510", "2.00", NON_ORIGINATING).withRole(MaterialRole.TRANSPORT_PACKING)),
                            NOT_DETERMINED),
                    // WO claimed: Art 3.2(a) applies to all tariff lines (Annex 3A headnote 2)
                    Arguments.of("CTH", true, false, List.of(), ORIGINATING),
                    Arguments.of("RVC40", true, false, List.of(), ORIGINATING),
                    Arguments.of("WO", true, false, List.of(), ORIGINATING),
                    // CR is a declaration: the engine takes it as the evidence
                    Arguments.of("CR", false, true, List.of(), ORIGINATING),
                    // a requirement that fails on its own evidence decides even when another lacks evidence
                    Arguments.of("CR and CTH", false, false, List.of(), NOT_ORIGINATING),
                    // with a bill of materials the rule is judged
                    Arguments.of("CTH", false, false, List.of(m("top", "940390", "50.00", NON_ORIGINATING)), NOT_ORIGINATING),
                    Arguments.of("CTH", false, false, List.of(m("boards", "440791", "50.00", NON_ORIGINATING)), ORIGINATING));
        }

        @ParameterizedTest(name = "[{index}] {0}, WO={1}, CR={2}, {3} -> {4}")
        @MethodSource("rows")
        void statusFollowsTheEvidence(String rule, boolean wo, boolean cr, List<Material> materials,
                                      DeterminationStatus expected) {
            Determination d = determine(request(rule, "940360", "100.00", materials.toArray(Material[]::new))
                    .withWhollyObtained(wo).withChemicalReaction(cr));
            assertThat(d.status()).isEqualTo(expected);
            assertThat(d.originating()).isEqualTo(expected == ORIGINATING);
            if (expected == NOT_DETERMINED) {
                assertThat(d.reasons().get(0)).startsWith("not determined: rule '" + rule + "' cannot be judged "
                        + "without a bill of materials");
                assertThat(d.alternatives()).anySatisfy(a -> assertThat(a.determined()).isFalse());
            }
        }

        @Test
        void buildUpCostsAloneDoNotMeetAValueContent() {
            // labour 50 of FOB 100 would be 50% build-up, but with no materials there is nothing to judge
            Determination d = determine(request("RVC40", "940360", "100.00")
                    .withBuildUp(BuildUpCosts.of("50.00", "0", "0", "0")));
            assertThat(d.status()).isEqualTo(NOT_DETERMINED);
        }

        @Test
        void woClaimNamesArticles32aAnd33AndHeadnote2() {
            Determination d = determine(request("CTH", "940360", "100.00").withWhollyObtained(true));
            assertThat(articles(d)).contains("3.2(a)", "3.3", "Annex 3A headnote 2");
            assertThat(d.reasons().get(0)).startsWith("originating: wholly obtained or produced (Art 3.2(a), Art 3.3)");
        }

        @Test
        void peAppliesToAllTariffLinesEvenWhenTheRuleFails() {
            // build-up: VOM 10 + costs 0 = 10% of FOB 100 < 40%, but every material is originating: Art 3.2(b)
            Determination d = determine(request("RVC40", "940360", "100.00", m("boards", "440791", "10.00", ORIG))
                    .withBuildUp(BuildUpCosts.NONE));
            assertThat(d.alternatives().get(0).met()).isFalse();
            assertThat(d.status()).isEqualTo(ORIGINATING);
            assertThat(articles(d)).contains("3.2(b)", "3.4", "Annex 3A headnote 2");
            assertThat(d.reasons().get(0)).startsWith("originating: produced exclusively from originating materials (Art 3.2(b))");
        }

        @Test
        void woClaimContradictedByTheBillOfMaterialsIsNotOriginating() {
            Determination d = determine(request("WO", "030389", "100.00", m("fish", "030389", "60.00", UNDETERMINED))
                    .withWhollyObtained(true));
            assertThat(d.status()).isEqualTo(NOT_ORIGINATING);
            assertThat(allReasons(d)).contains("declared wholly obtained, but the bill of materials lists 1 non-originating");
        }
    }

    /** Art 3.5.4 and 3.7: a material of undetermined origin is non-originating everywhere. */
    @Nested
    class UndeterminedOrigin {
        @Test
        void failsTheChangeInTariffClassification() {
            Determination d = determine(request("CTH", "940360", "100.00", m("top", "940390", "50.00", UNDETERMINED)));
            assertThat(d.status()).isEqualTo(NOT_ORIGINATING);
            assertThat(articles(d)).contains("3.5.4");
        }

        @Test
        void countsInVnmAndItsDeductionsApply() {
            // VNM = 70.00 - 10.00 (Art 3.5.5 applies to "materials of undetermined origin" too) = 60.00 -> 40%: met
            Determination d = determine(request("RVC40", "940360", "100.00",
                    m("top", "940390", "70.00", UNDETERMINED).withDeductibleCosts("10.00")));
            assertThat(d.rvc().vnm()).isEqualByComparingTo("60.00");
            assertThat(d.status()).isEqualTo(ORIGINATING);
            assertThat(articles(d)).contains("3.5", "3.5.4", "3.5.5");
        }

        @Test
        void failsProducedExclusively() {
            Determination d = determine(request("PE", "940360", "100.00", m("top", "940390", "1.00", UNDETERMINED)));
            assertThat(d.status()).isEqualTo(NOT_ORIGINATING);
        }

        @Test
        void countsInTheDeMinimisValueAndWeight() {
            // T-shirt 610910, CC: undetermined knitted trim of chapter 61 fails CC; 1.00 of FOB 10.00 = 10%: met
            Determination met = determine(request("CC", "610910", "10.00", m("trim", "610990", "1.00", UNDETERMINED)));
            assertThat(met.deMinimis().orElseThrow().valueTestMet()).isTrue();
            Determination notMet = determine(request("CC", "610910", "10.00", m("trim", "610990", "1.01", UNDETERMINED)));
            assertThat(notMet.status()).isEqualTo(NOT_ORIGINATING);
            assertThat(notMet.deMinimis().orElseThrow().materials()).containsExactly("material 'trim' (HS 610990)");
        }
    }

    /** Art 3.7: thresholds at and one step past. */
    @Nested
    class DeMinimisArticle37 {
        @ParameterizedTest(name = "Art 3.7.1(a): failing {0} of FOB {1} -> {2}")
        @CsvSource({"10.00,100.00,true", "10.01,100.00,false", "0.10,1.00,true", "0.11,1.00,false",
                "1000.00,10000.00,true", "1000.01,10000.00,false"})
        void byValue(String failing, String fob, boolean met) {
            Determination d = determine(request("CTH", "940360", fob, m("top", "940390", failing, NON_ORIGINATING)));
            assertThat(d.originating()).isEqualTo(met);
            assertThat(articles(d)).contains("3.7.1(a)");
            assertThat(articles(d).contains("3.7.2")).isEqualTo(met);
        }

        @Test
        void valueIsTheArticle353ValueBeforeDeductions() {
            // 3.7.1(a): "determined pursuant to paragraph 3 of Article 3.5": 11.00 (CIF) > 10% of 100, even though
            // only 9.00 of it enters VNM after the Art 3.5.5 deduction of 2.00
            Determination d = determine(request("CTH", "940360", "100.00",
                    m("top", "940390", "11.00", NON_ORIGINATING).withDeductibleCosts("2.00")));
            assertThat(d.originating()).isFalse();
            assertThat(d.rvc().vnm()).isEqualByComparingTo("9.00");
        }

        @ParameterizedTest(name = "Art 3.7.1(b): good of HS {0}, failing weight {1} of 2.000 kg -> {2}")
        @CsvSource({
                "500720,0.200,true", "500720,0.201,false", // chapter 50: the first chapter of the weight test
                "630790,0.200,true", "630790,0.201,false", // chapter 63: the last
                "490199,0.200,false", // chapter 49: no weight test
                "640399,0.200,false"}) // chapter 64: no weight test
        void byWeightOnlyForChapters50To63(String hs, String failingKg, boolean met) {
            // the failing material is 30% of FOB by value: only the weight test can make the good originating
            String sameSubheading = hs; // a material of the good's own subheading fails any CTC
            Determination d = determine(DeterminationRequest.of(hs, "10.00",
                            List.of(m("x", sameSubheading, "3.00", NON_ORIGINATING).withNetWeightKg(failingKg)))
                    .withRule(RuleParser.parse("CTSH")).withNetWeightKg("2.000"));
            assertThat(d.originating()).isEqualTo(met);
            int chapter = Integer.parseInt(hs.substring(0, 2));
            assertThat(articles(d).contains("3.7.1(b)")).isEqualTo(chapter >= 50 && chapter <= 63);
        }

        @ParameterizedTest(name = "Art 3.7.2: de minimis 10.00 + other VNM {0} -> RVC40 {1}")
        @CsvSource({"50.00,true", "50.01,false"})
        void deMinimisMaterialsStillCountInVnm(String other, boolean met) {
            // VNM = 10.00 (de minimis, CTH passes) + other; 60.00 -> RVC exactly 40%; 60.01 -> 39.99%
            Determination d = determine(request("CTH and RVC40", "940360", "100.00",
                    m("top", "940390", "10.00", NON_ORIGINATING), m("boards", "440791", other, NON_ORIGINATING)));
            assertThat(d.originating()).isEqualTo(met);
            assertThat(articles(d)).contains("3.7.2", "3.5");
        }
    }

    /** Art 3.8 (packing), 3.9 (accessories, spare parts, tools), 3.10 (indirect materials). */
    @Nested
    class PackingAccessoriesIndirect {
        static Stream<Arguments> ctcRows() {
            return Stream.of(
                    Arguments.of(MaterialRole.DIRECT, false, null),
                    Arguments.of(MaterialRole.TRANSPORT_PACKING, true, "3.8.1"),
                    Arguments.of(MaterialRole.RETAIL_PACKAGING, true, "3.8.2"),
                    Arguments.of(MaterialRole.ACCESSORY, true, "3.9"),
                    Arguments.of(MaterialRole.INDIRECT, true, "3.10"));
        }

        @ParameterizedTest(name = "CTH with a 50% line of the good's heading as {0}: met={1}")
        @MethodSource("ctcRows")
        void disregardedForTheChangeInTariffClassification(MaterialRole role, boolean met, String article) {
            Determination d = determine(request("CTH", "940360", "100.00",
                    m("boards", "440791", "30.00", NON_ORIGINATING),
                    m("line", "940390", "50.00", NON_ORIGINATING).withRole(role)));
            assertThat(d.originating()).isEqualTo(met);
            if (article != null) {
                assertThat(articles(d)).contains(article);
            }
        }

        static Stream<Arguments> rvcRows() {
            // FOB 100; direct non-originating 50.00; the 10.00 line is non-originating in its role
            return Stream.of(
                    Arguments.of(MaterialRole.DIRECT, "60.00", false), // VNM 60 -> 40%: met? no: see below
                    Arguments.of(MaterialRole.TRANSPORT_PACKING, "50.00", true), // not taken into account
                    Arguments.of(MaterialRole.RETAIL_PACKAGING, "60.00", false), // counted as non-originating
                    Arguments.of(MaterialRole.ACCESSORY, "60.00", false), // counted as non-originating
                    Arguments.of(MaterialRole.INDIRECT, "50.00", true)); // treated as originating
        }

        @ParameterizedTest(name = "RVC45 with a non-originating 10.00 line as {0}: VNM {1}, met={2}")
        @MethodSource("rvcRows")
        void countedInValueContentAsWhatTheyAre(MaterialRole role, String vnm, boolean met) {
            // RVC45: VNM 50 -> 50% met; VNM 60 -> 40% not met
            Determination d = determine(request("RVC45", "940360", "100.00",
                    m("boards", "440791", "50.00", NON_ORIGINATING),
                    m("line", "481910", "10.00", NON_ORIGINATING).withRole(role)));
            assertThat(d.rvc().vnm()).isEqualByComparingTo(vnm);
            assertThat(d.originating()).isEqualTo(met);
        }

        @Test
        void originatingAccessoriesAndIndirectMaterialsCountInVomButTransportPackingDoesNot() {
            // build-up: VOM = boards 20 + accessory 10 + indirect 5 = 35 (the originating crate is not counted) of 100
            Determination d = determine(request("RVC35", "940360", "100.00",
                    m("boards", "440791", "20.00", ORIG),
                    m("remote", "854370", "10.00", ORIG).withRole(MaterialRole.ACCESSORY),
                    m("fuel", "271019", "5.00", NON_ORIGINATING).asIndirect(),
                    m("crate", "441510", "7.00", ORIG).withRole(MaterialRole.TRANSPORT_PACKING))
                    .withBuildUp(BuildUpCosts.NONE));
            assertThat(d.rvc().vom()).isEqualByComparingTo("35.00");
            assertThat(d.alternatives().get(0).met()).isTrue();
        }
    }

    /** Art 3.4: cumulation. */
    @Test
    void materialsOriginatingInAnyPartyCountAsOriginating() {
        // Japanese steel (originating in JP) used in China: originating, so PE and no CTC needed for it
        Determination d = determine(request("CTH", "730890", "500.00", m("JP steel", "730890", "200.00", ORIG)));
        assertThat(d.status()).isEqualTo(ORIGINATING);
        assertThat(articles(d)).contains("3.4");
    }

    @Test
    void articlesAreListedInOrderForTheDocumentedExample() {
        Determination d = determine(request("CTH or RVC40", "940360", "100.00",
                m("M-100", "440791", "30.00", NON_ORIGINATING).withDeductibleCosts("2.00"),
                m("M-200", "830242", "8.50", ORIG),
                m("M-300", "940390", "12.00", UNDETERMINED),
                m("M-900", "271019", "0.40", NON_ORIGINATING).asIndirect()));
        assertThat(articles(d)).containsExactly("3.2(c)", "3.4", "3.5", "3.5.4", "3.5.5", "3.7.1(a)", "3.10",
                "Annex 3A headnote 4", "Annex 3A headnotes (CTH)", "Annex 3A headnotes (RVC)");
    }
}
