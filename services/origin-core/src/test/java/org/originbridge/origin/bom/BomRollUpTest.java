package org.originbridge.origin.bom;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.originbridge.origin.ErrorCodes;
import org.originbridge.origin.code.HsCode;
import org.originbridge.origin.code.RcepParty;
import org.originbridge.origin.determination.Material;
import org.originbridge.origin.determination.MaterialOrigin;
import org.originbridge.origin.determination.OriginDeterminer;
import org.originbridge.origin.rule.RuleEntry;
import org.originbridge.origin.rule.RuleParser;
import org.originbridge.origin.rule.RuleTable;

class BomRollUpTest {
    static final Currency USD = Currency.getInstance("USD");
    static final Currency EUR = Currency.getInstance("EUR");
    static final LocalDate INVOICE = LocalDate.of(2026, 11, 28);
    // 9403 (furniture) CTH; 4407 (sawn wood) WO; 9401 CTH
    static final OriginDeterminer DETERMINER = new OriginDeterminer(RuleTable.of(List.of(
            new RuleEntry("9403", RuleParser.parse("CTH"), "test"),
            new RuleEntry("4407", RuleParser.parse("WO"), "test"),
            new RuleEntry("9401", RuleParser.parse("RVC40"), "test"))));
    static final ExchangeRates RATES = ExchangeRates.of(List.of(
            new ExchangeRates.Rate(LocalDate.of(2026, 11, 27), EUR, USD, new BigDecimal("1.0850")),
            new ExchangeRates.Rate(LocalDate.of(2026, 11, 29), EUR, USD, new BigDecimal("9.9999"))));

    static BomLine line(String parent, String id, String hs, String value, Currency currency, MaterialOrigin origin,
                        String supplier) {
        return new BomLine(1, parent, id, null, HsCode.parse(hs), null, null, new BigDecimal(value), currency, origin,
                supplier, null, null);
    }

    static BomRollUp rollUp(BomLibrary library, SupplierDeclarations.Lookup declarations) {
        return new BomRollUp(DETERMINER, library, declarations, RATES, BomLimits.DEFAULT);
    }

    @Test
    void anIntermediateIsDeterminedFromItsOwnBomInsteadOfStayingUndetermined() {
        // the table top (9403) is made of non-originating oak (4407, in EUR) and originating varnish: CTH is met
        BomSet set = BomSet.of("TOP-01", List.of(
                line("TOP-01", "OAK", "440791", "30.00", EUR, MaterialOrigin.NON_ORIGINATING, null),
                line("TOP-01", "VARNISH", "320890", "4.00", USD, MaterialOrigin.ORIGINATING, null)));
        Material top = new Material("TOP-01", null, HsCode.parse("940390"), new BigDecimal("60.00"), null,
                MaterialOrigin.UNDETERMINED, null, null);

        BomRollUp.Result result = rollUp(set, SupplierDeclarations.Lookup.NONE).resolve(List.of(top), USD, INVOICE);

        assertThat(result.problems()).isEmpty();
        assertThat(result.materials()).singleElement().extracting(Material::origin).isEqualTo(MaterialOrigin.ORIGINATING);
        assertThat(result.notes()).anySatisfy(n -> assertThat(n).contains("'OAK'", "30.00 EUR = 32.55 USD",
                "1 EUR = 1.0850 USD", "rate of 2026-11-27"));
        assertThat(result.notes()).anySatisfy(n -> assertThat(n).startsWith("material 'TOP-01' (HS 940390): ORIGINATING, "
                + "determined from its own bill of materials").contains("sum of its components"));
    }

    @Test
    void anIntermediateFailingItsRuleBecomesNonOriginating() {
        // a chair part (9403) made from a non-originating 9403 part fails CTH
        BomSet set = BomSet.of("PART", List.of(line("PART", "SUB", "940390", "10.00", USD, MaterialOrigin.NON_ORIGINATING, null)));
        Material part = Material.of("PART", "940390", "12.00", MaterialOrigin.UNDETERMINED);
        assertThat(rollUp(set, SupplierDeclarations.Lookup.NONE).resolve(List.of(part), USD, INVOICE).materials())
                .singleElement().extracting(Material::origin).isEqualTo(MaterialOrigin.NON_ORIGINATING);
    }

    @Test
    void multiLevelRollUpResolvesEveryLevel() {
        // FG uses A (9401, RVC40), A uses B (9403 CTH) and non-originating screws; B uses non-originating oak
        BomSet set = BomSet.of("FG", List.of(
                line("FG", "A", "940190", "100.00", USD, null, null),
                line("A", "B", "940390", "80.00", USD, null, null),
                line("A", "SCREW", "731815", "20.00", USD, MaterialOrigin.NON_ORIGINATING, null),
                line("B", "OAK", "440791", "50.00", USD, MaterialOrigin.NON_ORIGINATING, null)));
        BomRollUp.Result result = rollUp(set, SupplierDeclarations.Lookup.NONE).materialsOf("FG", USD, INVOICE);
        // B: oak changes heading 4407 -> 9403: originating; A: VNM 20 of 100 -> RVC 80%: originating
        assertThat(result.materials()).singleElement().extracting(Material::origin).isEqualTo(MaterialOrigin.ORIGINATING);
        assertThat(result.notes()).anySatisfy(n -> assertThat(n).startsWith("material 'B' (HS 940390): ORIGINATING"));
        assertThat(result.notes()).anySatisfy(n -> assertThat(n).startsWith("material 'A' (HS 940190): ORIGINATING")
                .contains("its own value 100.00 USD"));
    }

    @Test
    void aCycleAcrossStoredBomsLeavesTheMaterialUndeterminedAndNamesIt() {
        Map<String, List<BomLine>> stored = Map.of(
                "A", List.of(line("A", "B", "940390", "5.00", USD, null, null)),
                "B", List.of(line("B", "A", "940390", "5.00", USD, null, null)));
        BomLibrary library = m -> Optional.ofNullable(stored.get(m)).map(l -> new BomLibrary.Assembly(l, null, null));
        BomRollUp.Result result = rollUp(library, SupplierDeclarations.Lookup.NONE)
                .resolve(List.of(Material.of("A", "940390", "10.00", MaterialOrigin.UNDETERMINED)), USD, INVOICE);
        assertThat(result.materials()).singleElement().extracting(Material::origin).isNotEqualTo(MaterialOrigin.ORIGINATING);
        assertThat(result.notes()).anySatisfy(n -> assertThat(n).contains("cyclic (A -> B -> A)"));
    }

    @Test
    void aDeepChainStopsAtTheDepthLimit() {
        BomLibrary chain = m -> {
            int n = Integer.parseInt(m.substring(1));
            return Optional.of(new BomLibrary.Assembly(List.of(line(m, "M" + (n + 1), "940390", "1.00", USD, null, null)),
                    null, null));
        };
        BomRollUp.Result result = rollUp(chain, SupplierDeclarations.Lookup.NONE)
                .resolve(List.of(Material.of("M0", "940390", "1.00", MaterialOrigin.UNDETERMINED)), USD, INVOICE);
        assertThat(result.notes()).anySatisfy(n -> assertThat(n).contains("nested deeper than 12 levels"));
    }

    @Test
    void aRollUpBeyondItsLineBudgetIsAProblem() {
        List<BomLine> wide = new ArrayList<>();
        for (int i = 0; i < 60_000; i++) {
            wide.add(line("WIDE", "P" + i, "440791", "1.00", USD, MaterialOrigin.NON_ORIGINATING, null));
        }
        BomSet set = BomSet.of("WIDE", wide);
        BomRollUp.Result result = rollUp(set, SupplierDeclarations.Lookup.NONE)
                .resolve(List.of(Material.of("WIDE", "940390", "1.00", MaterialOrigin.UNDETERMINED)), USD, INVOICE);
        assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p.code()).isEqualTo(ErrorCodes.LIMIT_EXCEEDED));
    }

    @Test
    void aSupplierDeclarationDecidesOnlyWithinItsValidity() {
        SupplierDeclaration legs = new SupplierDeclaration("V-HANOI-WOOD", "LEGS", true, RcepParty.VN,
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 11, 30));
        SupplierDeclarations.Lookup lookup = m -> m.equals("LEGS") ? List.of(legs) : List.of();
        Material material = Material.of("LEGS", "940390", "25.00", MaterialOrigin.UNDETERMINED);

        BomRollUp.Result within = rollUp(BomLibrary.NONE, lookup).resolve(List.of(material), USD, INVOICE);
        assertThat(within.materials()).singleElement().extracting(Material::origin).isEqualTo(MaterialOrigin.ORIGINATING);
        assertThat(within.notes()).singleElement().satisfies(n -> assertThat(n).contains("supplier V-HANOI-WOOD declares "
                + "originating in VN, valid 2026-01-01..2026-11-30", "covers 2026-11-28"));

        BomRollUp.Result after = rollUp(BomLibrary.NONE, lookup).resolve(List.of(material), USD, LocalDate.of(2026, 12, 1));
        assertThat(after.materials()).singleElement().extracting(Material::origin).isEqualTo(MaterialOrigin.UNDETERMINED);
        assertThat(after.notes()).singleElement().satisfies(n -> assertThat(n).contains("none valid on 2026-12-01"));
    }

    @Test
    void aValueThatCannotBeConvertedIsAProblemNamingThePairAndDate() {
        BomSet set = BomSet.of("X", List.of(line("X", "JP-PART", "440791", "1000", Currency.getInstance("JPY"),
                MaterialOrigin.NON_ORIGINATING, null)));
        BomRollUp.Result result = rollUp(set, SupplierDeclarations.Lookup.NONE).materialsOf("X", USD, INVOICE);
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ErrorCodes.INVALID_CURRENCY);
            assertThat(p.message()).contains("JPY/USD", "2026-10-28 and 2026-11-28");
        });
    }

    @Test
    void statedOriginsAreKept() {
        Material stated = Material.of("M", "440791", "1.00", MaterialOrigin.NON_ORIGINATING);
        SupplierDeclarations.Lookup says = m -> List.of(new SupplierDeclaration("S", "M", true, RcepParty.CN,
                INVOICE, INVOICE));
        assertThat(rollUp(BomLibrary.NONE, says).resolve(List.of(stated), USD, INVOICE).materials())
                .containsExactly(stated);
    }
}
