package org.originbridge.origin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OriginCheckCliTest {
    private static final String REQUEST = "examples/request.json";
    private static final String BOM = "examples/bom.csv";

    @TempDir
    Path tmp;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(InputStream stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = OriginCheckCli.run(args, stdin, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Run run(String... args) {
        return run(InputStream.nullInputStream(), args);
    }

    private static InputStream stdin(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void printsTheDeterminationAndExitsZero() {
        Run r = run(REQUEST);
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("\"originating\" : true").contains("\"ruleApplied\" : \"CTH or RVC40\"")
                .contains("\"status\" : \"ORIGINATING\"").contains("\"articlesApplied\"")
                .contains("\"article\" : \"3.7.1(a)\"");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void exitsZeroAlsoWhenNotOriginating() {
        Run r = run(stdin("""
                {"hsCode": "940360", "fobValue": "100", "rule": "RVC40",
                 "materials": [{"hsCode": "440791", "value": "61", "origin": "NON_ORIGINATING"}]}"""), "-");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("\"originating\" : false");
    }

    @Test
    void readsStdin() throws IOException {
        Run r = run(Files.newInputStream(Path.of(REQUEST)), "-");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("\"vnm\" : \"40.00\"");
    }

    @Test
    void bomReplacesTheRequestMaterials() {
        // BOM: VNM = 30.00 + 12.00 + 0.75 = 42.75 -> RVC 57.25%
        Run r = run(REQUEST, "--bom", BOM);
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("\"vnm\" : \"42.75\"").contains("\"percent\" : \"57.25\"");
    }

    @Test
    void addBomAugmentsTheRequestMaterials() {
        // request VNM 40.00 + BOM VNM 42.75 = 82.75 -> RVC 17.25% -> CTH fails too: not originating
        Run r = run("--add-bom", BOM, REQUEST);
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("\"vnm\" : \"82.75\"").contains("\"originating\" : false");
    }

    @Test
    void invalidInputNamesEveryBadFieldAndExitsOne() throws IOException {
        Path bom = tmp.resolve("bad.csv");
        Files.writeString(bom, "material,hs_code,value,origin_status\nM1,4407,1.00,ORIGINATING\n");
        Run r = run(stdin("{\"hsCode\": \"94036\", \"fobValue\": \"x\"}"), "-", "--bom", bom.toString());
        assertThat(r.exit()).isEqualTo(OriginCheckCli.INVALID_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("hsCode: HS code '94036' has 5 digits")
                .contains("fobValue: 'x' is not a decimal number")
                .contains("bad.csv line 2, column hs_code");
    }

    @Test
    void noRuleIsInvalidInput() {
        Run r = run(stdin("{\"hsCode\": \"850440\", \"fobValue\": \"1\"}"), "-");
        assertThat(r.exit()).isEqualTo(OriginCheckCli.INVALID_INPUT);
        assertThat(r.err()).contains("rule: no rule given");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run().exit()).isEqualTo(OriginCheckCli.USAGE);
        assertThat(run("--frobnicate", REQUEST).exit()).isEqualTo(OriginCheckCli.USAGE);
        assertThat(run(REQUEST, "--bom").exit()).isEqualTo(OriginCheckCli.USAGE);
        assertThat(run(REQUEST, REQUEST).exit()).isEqualTo(OriginCheckCli.USAGE);
        assertThat(run(tmp.resolve("missing.json").toString()).exit()).isEqualTo(OriginCheckCli.USAGE);
        assertThat(run(REQUEST, "--bom", tmp.resolve("missing.csv").toString()).exit()).isEqualTo(OriginCheckCli.USAGE);
        Run help = run("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("usage: origin-check");
    }
}
