package org.originbridge.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.originbridge.intake.Declarations.CLOCK;
import static org.originbridge.intake.Declarations.TODAY;
import static org.originbridge.intake.Declarations.certificateOfOrigin;
import static org.originbridge.intake.Declarations.item;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.originbridge.intake.Declarations;
import org.originbridge.origin.ErrorCodes;
import org.originbridge.origin.FieldError;
import org.originbridge.origin.bom.BomLimits;
import org.originbridge.origin.bom.ExchangeRates;
import org.originbridge.origin.bom.SupplierDeclaration;
import org.originbridge.origin.code.HsCode;
import org.originbridge.origin.declaration.Declaration;
import org.originbridge.origin.determination.OriginDeterminer;
import org.originbridge.origin.rule.HsCorrelation;
import org.originbridge.origin.rule.HsEdition;

/** The ERP uploads and what the pre-check makes of them, against an in-memory store. */
class ErpImportsTest {
    private final InMemoryErpStore store = new InMemoryErpStore();
    private final ErpImports imports = new ErpImports(store, CLOCK, BomLimits.DEFAULT);
    private final ActiveRules rules = new ActiveRules(store, "RCEP", HsEdition.HS2022, HsCorrelation.loadDefault(),
            CLOCK, Duration.ofSeconds(30));
    private final OriginPreChecker checker = new OriginPreChecker(new OriginDeterminer(rules),
            ErpEvidence.stored(store, imports, CLOCK, BomLimits.DEFAULT));

    @Test
    void theSameUploadTwiceIsOneUploadAndTheNewestUploadOfAMaterialWins() {
        ErpImports.Outcome first = imports.importBom("SUP-A", "FG", BomFormat.GENERIC_CSV, "USD",
                "material,hs_code,value\nM1,440791,1.00\n", null);
        ErpImports.Outcome again = imports.importBom("SUP-A", "FG", BomFormat.GENERIC_CSV, "USD",
                "material,hs_code,value\nM1,440791,1.00\n", null);
        assertThat(((ErpImports.Outcome.Stored) first).id()).isEqualTo(((ErpImports.Outcome.Stored) again).id());
        assertThat(store.boms).hasSize(1);
        // another tenant's library does not see it, even under the same upload id
        assertThat(imports.library("SUP-B").assembly("FG")).isEmpty();
        assertThat(imports.library("SUP-A").assembly("FG")).isPresent();
        imports.importBom("SUP-B", "FG", BomFormat.GENERIC_CSV, "USD", "material,hs_code,value\nOTHER,850440,9.00\n", "SUB-1");
        imports.importBom("SUP-A", "FG", BomFormat.GENERIC_CSV, "USD", "material,hs_code,value\nMINE,440791,1.00\n", "SUB-1");
        assertThat(imports.library("SUP-B").assembly("FG").orElseThrow().lines().get(0).componentId()).isEqualTo("OTHER");
    }

    @Test
    void aBadUploadIsRefusedWholeWithEveryProblem() {
        ErpImports.Outcome outcome = imports.importBom("SUP-A", "FG", BomFormat.SAP_CS12, "U$D", "", null);
        assertThat(((ErpImports.Outcome.Refused) outcome).errors()).extracting(FieldError::field)
                .containsExactly("currency", "body");
        assertThat(((ErpImports.Outcome.Refused) imports.importBom("bad id with spaces", "FG", null, null, "x", null))
                .errors()).extracting(FieldError::field).containsExactly("supplierId", "format");
        assertThat(store.boms).isEmpty();
    }

    @Test
    void aLoadedRuleTableVersionIsUsedWithItsLabelAndSampleMark() {
        assertThat(rules.active().label()).isEqualTo("RCEP HS2012 v1 (sample rows)");
        ErpImports.Outcome loaded = imports.loadRuleTable("RCEP", "2012", "annex.csv",
                "hs_code,rule,provenance\n8504,CTH,\"Annex 3A, transcribed 2026-11\"\n");
        assertThat(((ErpImports.Outcome.Stored) loaded).id()).isEqualTo("RCEP HS2012 v1");
        imports.loadRuleTable("RCEP", "2012", "annex.csv", "hs_code,rule,provenance\n8504,CTSH,\"Annex 3A, v2\"\n");
        rules.reload();
        assertThat(rules.active().label()).isEqualTo("RCEP HS2012 v2");
        assertThat(rules.lookup(HsCode.parse("850440")).orElseThrow().rule().text()).isEqualTo("CTSH");
        assertThat(((ErpImports.Outcome.Refused) imports.loadRuleTable("RCEP", "2019", "x", "hs_code,rule,provenance\n"))
                .errors()).extracting(FieldError::field).containsExactly("hsEdition");
    }

    @Test
    void withoutEvidenceAnUndeterminedHeading8504MaterialFailsCthAndWithASupplierDeclarationItPasses() {
        Declaration declaration = certificateOfOrigin().goods(item().criterion("CTH").bom(Declarations.bom("CTH",
                new Declaration.BomMaterial("XFMR-2", null, "850431", new BigDecimal("30.00"), null,
                        Declaration.MaterialOrigin.UNDETERMINED, null, null, false))).build()).build();
        assertThat(checker.check(declaration, List.of()).preCheck().items().get(0).originating()).isFalse();

        imports.importSupplierDeclarations(declaration.supplierId(), "supplier,material,originating,party,valid_from,valid_to\n"
                + "V-TH,XFMR-2,true,TH," + TODAY.minusDays(30) + "," + TODAY.plusDays(30) + "\n");
        OriginPreChecker.Result result = checker.check(declaration, List.of());
        assertThat(result.problems()).isEmpty();
        assertThat(result.preCheck().items().get(0).originating()).isTrue();
        assertThat(result.preCheck().items().get(0).reasons()).anySatisfy(r -> assertThat(r)
                .startsWith("roll-up: material 'XFMR-2': ORIGINATING by supplier's declaration"));
    }

    @Test
    void aStoredBomInAnotherCurrencyWithoutARateIsAProblemOfTheItem() {
        imports.importBom("SUP-SZ-POWERTECH", "PA-100", BomFormat.GENERIC_CSV, "EUR",
                "material,hs_code,value\nIC,854239,5.00\n", null);
        Declaration declaration = certificateOfOrigin().goods(item().criterion("CTH").bom(Declarations.bom("CTH",
                new Declaration.BomMaterial("PA-100", null, "850490", new BigDecimal("30.00"), null,
                        Declaration.MaterialOrigin.UNDETERMINED, null, null, false))).build()).build();
        OriginPreChecker.Result result = checker.check(declaration, List.of());
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("goods[0].billOfMaterials.IC");
            assertThat(p.code()).isEqualTo(ErrorCodes.INVALID_CURRENCY);
        });
        imports.loadRates("rate_date,currency,quote_currency,rate\n" + TODAY.minusDays(5) + ",EUR,USD,1.10\n");
        imports.loadRuleTable("RCEP", "2022", "t.csv", "hs_code,rule,provenance\n8504,CTH,\"test\"\n");
        rules.reload();
        OriginPreChecker.Result converted = checker.check(declaration, List.of());
        assertThat(converted.problems()).isEmpty();
        assertThat(converted.preCheck().items().get(0).reasons())
                .anySatisfy(r -> assertThat(r).contains("'IC': 5.00 EUR = 5.50 USD at 1 EUR = 1.10 USD"))
                .anySatisfy(r -> assertThat(r).startsWith("roll-up: material 'PA-100' (HS 850490): ORIGINATING"));
    }

    /** The store as a list per collection. */
    static final class InMemoryErpStore implements ErpStore {
        final List<BomUpload> boms = new ArrayList<>();
        final List<SupplierDeclaration> declarations = new ArrayList<>();
        final List<String> declarationHolders = new ArrayList<>();
        final List<ExchangeRates.Rate> rates = new ArrayList<>();
        final List<RuleTableVersion> tables = new ArrayList<>();

        @Override
        public void saveBom(BomUpload upload) {
            boms.removeIf(b -> b.supplierId().equals(upload.supplierId()) && b.uploadId().equals(upload.uploadId()));
            boms.add(upload);
        }

        @Override
        public Optional<BomUpload> latestBomOf(String supplierId, String material) {
            return boms.stream().filter(b -> b.supplierId().equals(supplierId) && b.parents().contains(material))
                    .max(Comparator.comparing(BomUpload::uploadedAt));
        }

        @Override
        public void saveSupplierDeclarations(String supplierId, List<SupplierDeclaration> list) {
            list.forEach(d -> {
                declarations.add(d);
                declarationHolders.add(supplierId);
            });
        }

        @Override
        public List<SupplierDeclaration> supplierDeclarations(String supplierId, String material) {
            List<SupplierDeclaration> out = new ArrayList<>();
            for (int i = 0; i < declarations.size(); i++) {
                if (declarationHolders.get(i).equals(supplierId) && declarations.get(i).material().equals(material)) {
                    out.add(declarations.get(i));
                }
            }
            return out;
        }

        @Override
        public void saveRates(List<ExchangeRates.Rate> list) {
            rates.addAll(list);
        }

        @Override
        public List<ExchangeRates.Rate> rates(LocalDate from, LocalDate to) {
            return rates.stream().filter(r -> !r.date().isBefore(from) && !r.date().isAfter(to)).toList();
        }

        @Override
        public int addRuleTable(RuleTableVersion table) {
            int version = (int) tables.stream().filter(t -> t.agreement().equals(table.agreement())
                    && t.edition() == table.edition()).count() + 1;
            tables.add(new RuleTableVersion(table.agreement(), table.edition(), version, table.source(), table.text(),
                    table.sample(), table.rows(), table.loadedAt().plusMillis(tables.size())));
            return version;
        }

        @Override
        public Optional<RuleTableVersion> latestRuleTable(String agreement) {
            return tables.stream().filter(t -> t.agreement().equals(agreement))
                    .max(Comparator.comparing(RuleTableVersion::loadedAt));
        }
    }
}
