package org.originbridge.origin.bom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.originbridge.origin.ErrorCodes;
import org.originbridge.origin.FieldError;
import org.originbridge.origin.determination.Material;
import org.originbridge.origin.determination.MaterialOrigin;
import org.originbridge.origin.determination.MaterialRole;

class BomCsvReaderTest {

    private static BomCsvReader.BomImport read(String csv) {
        return BomCsvReader.read(new StringReader(csv), "bom.csv");
    }

    @Test
    void readsTheDocumentedExampleFile() throws IOException {
        try (var reader = Files.newBufferedReader(Path.of("examples/bom.csv"))) {
            BomCsvReader.BomImport bom = BomCsvReader.read(reader, "bom.csv");
            assertThat(bom.errors()).isEmpty();
            assertThat(bom.materials()).hasSize(4);
            Material screws = bom.materials().get(3);
            assertThat(screws.id()).isEqualTo("M-400");
            assertThat(screws.description()).isEqualTo("Screws, assorted");
            assertThat(screws.hsCode().code()).isEqualTo("731815");
            assertThat(screws.value()).isEqualByComparingTo("0.75");
            assertThat(screws.netWeightKg()).isEqualByComparingTo("0.2");
            assertThat(screws.origin()).isEqualTo(MaterialOrigin.NON_ORIGINATING);
        }
    }

    @Test
    void columnsInAnyOrderCaseInsensitiveOptionalColumnsAndExtraColumnsIgnored() {
        BomCsvReader.BomImport bom = read("""
                \uFEFFOrigin_Status,HS_CODE,Value,Plant,deductible_costs,indirect
                # a comment
                non-originating,4407.91,30.00,P1,2.00,no

                Undetermined,940390,12,P1,,
                ORIGINATING,271019,0.40,P2,,yes
                """);
        assertThat(bom.errors()).isEmpty();
        assertThat(bom.materials()).extracting(Material::origin).containsExactly(MaterialOrigin.NON_ORIGINATING,
                MaterialOrigin.UNDETERMINED, MaterialOrigin.ORIGINATING);
        assertThat(bom.materials().get(0).deductibleCosts()).isEqualByComparingTo("2.00");
        assertThat(bom.materials().get(2).indirect()).isTrue();
        assertThat(bom.materials().get(1).id()).isNull();
    }

    @Test
    void roleColumnNamesPackingAccessoriesAndIndirectMaterials() {
        BomCsvReader.BomImport bom = read("""
                hs_code,value,origin_status,role,indirect
                440791,30.00,NON_ORIGINATING,,
                441510,2.00,NON_ORIGINATING,transport packing,
                481910,1.00,ORIGINATING,Retail_Packaging,
                820559,1.00,ORIGINATING,accessory,no
                271019,0.40,NON_ORIGINATING,,yes
                271019,0.40,NON_ORIGINATING,ACCESSORY,yes
                271019,0.40,NON_ORIGINATING,pallet,
                """);
        assertThat(bom.materials()).extracting(Material::role).containsExactly(MaterialRole.DIRECT,
                MaterialRole.TRANSPORT_PACKING, MaterialRole.RETAIL_PACKAGING, MaterialRole.ACCESSORY, MaterialRole.INDIRECT);
        assertThat(bom.errors()).extracting(FieldError::field)
                .containsExactly("bom.csv line 7, column role", "bom.csv line 8, column role");
    }

    @Test
    void everyErrorNamesLineAndColumn() {
        BomCsvReader.BomImport bom = read("""
                material,description,hs_code,value,net_weight_kg,origin_status
                M1,ok,440791,30.00,1,ORIGINATING
                M2,bad hs,4407,30.00,1,ORIGINATING
                M3,bad value,440791,thirty,1,ORIGINATING
                M4,bad status,440791,1.00,1,LOCAL
                M5,missing value,440791,,1,ORIGINATING
                M6,negative weight,440791,1.00,-2,ORIGINATING
                M7,"unclosed,440791,1.00,1,ORIGINATING
                """);
        assertThat(bom.materials()).hasSize(1);
        assertThat(bom.errors()).extracting(FieldError::field).containsExactly(
                "bom.csv line 3, column hs_code", "bom.csv line 4, column value", "bom.csv line 5, column origin_status",
                "bom.csv line 6, column value", "bom.csv line 7, column net_weight_kg", "bom.csv line 8");
        assertThat(bom.errors().get(0).message()).isEqualTo(
                "bom.csv line 3, column hs_code: HS code '4407' has 4 digits; a 6-digit subheading is required");
        assertThat(bom.errors().get(1).message()).contains("'thirty' is not a decimal number");
        assertThat(bom.errors().get(2).message()).contains("'LOCAL' is not an origin status");
        assertThat(bom.errors().get(3).code()).isEqualTo(ErrorCodes.REQUIRED);
        assertThat(bom.errors().get(5).message()).contains("unclosed quote");
    }

    @Test
    void deductibleCostsAboveValue() {
        BomCsvReader.BomImport bom = read("hs_code,value,origin_status,deductible_costs\n440791,1.00,NON_ORIGINATING,2.00\n");
        assertThat(bom.errors()).singleElement().satisfies(e ->
                assertThat(e.message()).startsWith("bom.csv line 2, column deductible_costs: deductible costs 2.00 exceed"));
    }

    @Test
    void missingHeaderColumnsAndEmptyFile() {
        assertThat(read("material,description,value\nM1,x,1\n").errors()).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("line 1").contains("hs_code, origin_status"));
        assertThat(read("").errors()).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("the file is empty"));
    }
}
