package org.originbridge.origin.bom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.originbridge.origin.ErrorCodes;
import org.originbridge.origin.FieldError;
import org.originbridge.origin.determination.MaterialOrigin;

class SapBomReaderTest {
    static final Currency CNY = Currency.getInstance("CNY");
    static final String HEADER = "Level\tComponent number\tComp. Qty (BUn)\tComm./imp. code no.\tStandard price\n";

    static BomCsvReader.BomSetImport fixture() {
        Reader r = new InputStreamReader(SapBomReaderTest.class.getResourceAsStream("/bom/sap-cs12-power-adapter.txt"),
                StandardCharsets.UTF_8);
        return SapBomReader.read(r, "cs12.txt", "FG-ADAPTER-65W", CNY, BomLimits.DEFAULT);
    }

    @Test
    void readsACs12ExportIntoOneBomPerAssembly() {
        BomCsvReader.BomSetImport imported = fixture();
        assertThat(imported.errors()).isEmpty();
        BomSet set = imported.bills();
        assertThat(set.parents()).containsExactly("FG-ADAPTER-65W", "PA-100");
        assertThat(set.byParent().get("FG-ADAPTER-65W")).extracting(BomLine::componentId)
                .containsExactly("PA-100", "HS-200", "CB-300", "PA-100");
        // the text item is skipped; PA-100's second explosion (spare) is not read again
        assertThat(set.byParent().get("PA-100")).extracting(BomLine::componentId).containsExactly("IC-7788", "PCB-01");
    }

    @Test
    void takesValuesCurrenciesCommodityCodesAndOriginFromTheColumns() {
        List<BomLine> pa = fixture().bills().byParent().get("PA-100");
        BomLine ic = pa.get(0);
        assertThat(ic.hsCode().code()).isEqualTo("854239"); // 8542 39 00: the first 6 digits of the commodity code
        assertThat(ic.value()).isEqualByComparingTo("850.00"); // 1,000 x 0.85
        assertThat(ic.currency()).isEqualTo(Currency.getInstance("USD"));
        assertThat(ic.supplier()).isEqualTo("V-TAIPEI-01");
        assertThat(ic.origin()).isNull(); // not stated
        BomLine pcb = pa.get(1);
        assertThat(pcb.value()).isEqualByComparingTo("310.00"); // 1,000 x 3.10 per 10
        assertThat(pcb.currency()).isEqualTo(CNY); // the column is empty: the upload's currency
        assertThat(pcb.origin()).isEqualTo(MaterialOrigin.ORIGINATING);
        assertThat(fixture().bills().assembly("PA-100").orElseThrow().value()).isEqualByComparingTo("4200.00");
    }

    @Test
    void aLevelThatSkipsALevelIsRefusedWithItsLine() {
        String text = HEADER + ".1\tA\t1\t940390\t1\n...3\tB\t1\t940390\t1\n";
        List<FieldError> errors = read(text).errors();
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("t line 3, column level");
            assertThat(e.message()).contains("level 3 follows level 1");
        });
    }

    @Test
    void deepNestingIsRefusedAtTheLimitNotByTheStack() {
        StringBuilder text = new StringBuilder(HEADER);
        for (int level = 1; level <= 60; level++) {
            text.append(".".repeat(level)).append(level).append("\tM").append(level).append("\t1\t940390\t1\n");
        }
        // one error at the first line beyond the limit; the 47 deeper lines are not walked at all
        assertThat(read(text.toString()).errors()).singleElement()
                .satisfies(e -> assertThat(e.code()).isEqualTo(ErrorCodes.LIMIT_EXCEEDED));
        assertThat(read(HEADER + "100\tA\t1\t940390\t1\n").errors()).singleElement()
                .satisfies(e -> assertThat(e.code()).isEqualTo(ErrorCodes.INVALID_VALUE));
        String thirteen = HEADER + java.util.stream.IntStream.rangeClosed(1, 13)
                .mapToObj(l -> l + "\tM" + l + "\t1\t940390\t1\n").reduce("", String::concat);
        assertThat(read(thirteen).errors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo(ErrorCodes.LIMIT_EXCEEDED);
            assertThat(e.field()).contains("line 14");
        });
    }

    @Test
    void aMillionLinesAreRefusedAfterTheLimitWithoutReadingTheRest() {
        Reader million = new Reader() {
            private final String line = "1\tM\t1\t940390\t1\n";
            private long remaining = 1_000_000L * line.length();
            private int pos;
            private boolean headerDone;

            @Override
            public int read(char[] buf, int off, int len) {
                if (!headerDone) {
                    String h = HEADER;
                    int n = Math.min(len, h.length() - pos);
                    h.getChars(pos, pos + n, buf, off);
                    pos += n;
                    if (pos == h.length()) {
                        headerDone = true;
                        pos = 0;
                    }
                    return n;
                }
                if (remaining <= 0) {
                    return -1;
                }
                int n = 0;
                while (n < len && remaining > 0) {
                    buf[off + n++] = line.charAt(pos);
                    pos = (pos + 1) % line.length();
                    remaining--;
                }
                return n;
            }

            @Override
            public void close() {
            }
        };
        BomCsvReader.BomSetImport imported = SapBomReader.read(million, "t", "ROOT", CNY, BomLimits.DEFAULT);
        assertThat(imported.bills()).isNull();
        assertThat(imported.errors()).anySatisfy(e -> {
            assertThat(e.code()).isEqualTo(ErrorCodes.LIMIT_EXCEEDED);
            assertThat(e.message()).contains("more than 20000 data lines");
        });
    }

    @Test
    void enormousAndMalformedNumbersAreRefusedPerCell() {
        String text = HEADER + "1\tA\t1e999999999\t940390\t1\n1\tB\t1\t940390\t" + "9".repeat(300) + "\n"
                + "1\tC\t1\t940390\t5-\n1\tD\t0\t940390\t1\n";
        List<FieldError> errors = read(text).errors();
        assertThat(errors).extracting(FieldError::field).containsExactly("t line 2, column quantity",
                "t line 3, column price", "t line 4, column price", "t line 5, column quantity");
        assertThat(errors.get(1).code()).isEqualTo(ErrorCodes.LIMIT_EXCEEDED);
        assertThat(errors.get(1).message()).doesNotContain("9".repeat(40));
    }

    @Test
    void aHeaderWithoutTheRequiredColumnsSaysWhichAreMissing() {
        List<FieldError> errors = read("Level\tComponent number\n1\tA\n").errors();
        assertThat(errors).singleElement().satisfies(e -> assertThat(e.message())
                .contains("quantity", "hs_code (or comm./imp. code no.", "price"));
    }

    @Test
    void levelsAcceptDotsOrPlainNumbers() {
        assertThat(SapBomReader.level(".1")).isEqualTo(1);
        assertThat(SapBomReader.level("...3")).isEqualTo(3);
        assertThat(SapBomReader.level("02")).isEqualTo(2);
        assertThat(SapBomReader.number("1,234,567.891")).isEqualTo(new BigDecimal("1234567.891"));
    }

    private static BomCsvReader.BomSetImport read(String text) {
        return SapBomReader.read(new StringReader(text), "t", "ROOT", CNY, BomLimits.DEFAULT);
    }
}
