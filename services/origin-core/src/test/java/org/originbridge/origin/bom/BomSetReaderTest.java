package org.originbridge.origin.bom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.originbridge.origin.ErrorCodes;

/** The generic CSV read as an upload of (multi-level) bills of materials. */
class BomSetReaderTest {
    static final Currency USD = Currency.getInstance("USD");

    static BomCsvReader.BomSetImport fixture() {
        return BomCsvReader.readSet(new InputStreamReader(BomSetReaderTest.class.getResourceAsStream(
                "/bom/generic-multilevel.csv"), StandardCharsets.UTF_8), "table.csv", "FG-TABLE", USD, BomLimits.DEFAULT);
    }

    @Test
    void theParentColumnBuildsTheLevels() {
        BomCsvReader.BomSetImport imported = fixture();
        assertThat(imported.errors()).isEmpty();
        assertThat(imported.bills().parents()).containsExactly("FG-TABLE", "TOP-01");
        assertThat(imported.bills().byParent().get("TOP-01")).extracting(BomLine::componentId)
                .containsExactly("OAK-BOARD", "VARNISH");
        BomLine oak = imported.bills().byParent().get("TOP-01").get(0);
        assertThat(oak.currency()).isEqualTo(Currency.getInstance("EUR"));
        assertThat(imported.bills().assembly("TOP-01").orElseThrow().value()).isEqualByComparingTo("60.00");
        assertThat(imported.bills().byParent().get("FG-TABLE").get(1).supplier()).isEqualTo("V-HANOI-WOOD");
    }

    @Test
    void aCycleIsRefusedAndNamed() {
        String csv = "material,parent,hs_code,value\nA,,940390,1\nB,A,940390,1\nA,B,940390,1\n";
        BomCsvReader.BomSetImport imported = read(csv);
        assertThat(imported.bills()).isNull();
        assertThat(imported.errors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo(ErrorCodes.INVALID_VALUE);
            assertThat(e.message()).contains("cycle: A -> B -> A");
        });
    }

    @Test
    void aMaterialThatIsItsOwnComponentIsRefused() {
        assertThat(read("material,parent,hs_code,value\nA,A,940390,1\n").errors())
                .singleElement().satisfies(e -> assertThat(e.message()).contains("its own component"));
    }

    @Test
    void anOrphanParentIsRefused() {
        assertThat(read("material,parent,hs_code,value\nA,,940390,1\nB,X,940390,1\n").errors())
                .singleElement().satisfies(e -> assertThat(e.message()).contains("parent X is neither"));
    }

    @Test
    void sharedSubAssembliesDoNotMultiplyTheWork() {
        // 12 levels, each assembly listing the next one 1,000 times: 10^36 paths, 12,000 lines
        StringBuilder csv = new StringBuilder("material,parent,hs_code,value\n");
        for (int level = 1; level <= 12; level++) {
            for (int i = 0; i < 1000; i++) {
                csv.append("A").append(level).append(',').append(level == 1 ? "" : "A" + (level - 1)).append(",940390,1\n");
            }
        }
        BomCsvReader.BomSetImport imported = read(csv.toString());
        assertThat(imported.errors()).isEmpty();
        assertThat(imported.bills().lineCount()).isEqualTo(12_000);
        csv.append("A13,A12,940390,1\n");
        assertThat(read(csv.toString()).errors()).singleElement()
                .satisfies(e -> assertThat(e.code()).isEqualTo(ErrorCodes.LIMIT_EXCEEDED));
    }

    @Test
    void aLineWithoutAnyCurrencyIsRefused() {
        BomCsvReader.BomSetImport imported = BomCsvReader.readSet(new StringReader("material,hs_code,value\nA,940390,1\n"),
                "t", "ROOT", null, BomLimits.DEFAULT);
        assertThat(imported.errors()).singleElement().satisfies(e -> assertThat(e.field()).isEqualTo("t line 2, column currency"));
    }

    @Test
    void anOverlongLineIsRefusedWithoutHoldingIt() {
        String csv = "material,hs_code,value\n" + "A".repeat(1_000_000) + ",940390,1\nB,940390,1\n";
        BomCsvReader.BomSetImport imported = read(csv);
        assertThat(imported.errors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo(ErrorCodes.LIMIT_EXCEEDED);
            assertThat(e.field()).isEqualTo("t line 2");
        });
    }

    private static BomCsvReader.BomSetImport read(String csv) {
        return BomCsvReader.readSet(new StringReader(csv), "t", "ROOT", USD, BomLimits.DEFAULT);
    }
}
