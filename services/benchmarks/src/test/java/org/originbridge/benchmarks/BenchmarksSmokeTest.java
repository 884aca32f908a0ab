package org.originbridge.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;
import org.originbridge.events.intake.DeclarationSubmitted;
import org.originbridge.origin.declaration.DeclarationValidator;
import org.originbridge.origin.determination.Determination;
import org.originbridge.origin.determination.DeterminationOutcome;
import org.originbridge.origin.determination.RvcMethod;
import org.originbridge.origin.rule.RuleParser;

/**
 * Runs each benchmark body once (no timing): proves the benchmarks work on valid inputs. The benchmarks
 * themselves run on demand (docs/benchmarks.md).
 */
class BenchmarksSmokeTest {

    @Test
    void ruleParserBenchmarkParsesEveryTypicalText() {
        RuleParserBenchmark benchmark = new RuleParserBenchmark();
        for (String text : Fixtures.RULE_TEXTS) {
            benchmark.text = text;
            assertThat(benchmark.parse().text()).isNotBlank();
        }
    }

    @Test
    void originDeterminerBenchmarkDeterminesOriginatingGoodsForEveryBomSizeAndMethod() {
        for (int materials : new int[] {10, 200}) {
            for (RvcMethod method : RvcMethod.values()) {
                OriginDeterminerBenchmark benchmark = new OriginDeterminerBenchmark();
                benchmark.materials = materials;
                benchmark.method = method.name();
                benchmark.setUp();
                DeterminationOutcome outcome = benchmark.determine();
                assertThat(outcome).as("%d materials %s", materials, method).isInstanceOf(DeterminationOutcome.Determined.class);
                Determination d = ((DeterminationOutcome.Determined) outcome).determination();
                assertThat(d.originating()).as("%d materials %s: %s", materials, method, d.reasons()).isTrue();
                assertThat(d.ruleApplied().text()).isEqualTo(Fixtures.RULE_TEXT);
                assertThat(d.rvc()).isNotNull();
                assertThat(d.rvc().method()).isEqualTo(method);
            }
        }
    }

    @Test
    void declarationValidatorBenchmarkValidatesACompleteDeclarationWithoutErrors() {
        for (int items : new int[] {1, 5}) {
            DeclarationValidatorBenchmark benchmark = new DeclarationValidatorBenchmark();
            benchmark.goodsItems = items;
            benchmark.setUp();
            assertThat(benchmark.validate().errors()).isEmpty();
            assertThat(benchmark.validate().isValid()).isTrue();
        }
    }

    @Test
    void avroCodecBenchmarkRoundTripsTheFullDeclaration() throws IOException {
        AvroCodecBenchmark benchmark = new AvroCodecBenchmark();
        benchmark.setUp();
        byte[] encoded = benchmark.encode();
        assertThat(encoded).hasSize(benchmark.encodedSize());
        assertThat(benchmark.encodedSize()).isGreaterThan(1000);
        DeclarationSubmitted decoded = benchmark.decode();
        // (the generated equals() cannot compare decimals: compare what matters and the re-encoded bytes)
        assertThat(decoded.getDeclarationId()).isEqualTo(benchmark.record().getDeclarationId());
        assertThat(decoded.getGoods().get(0).getFobValue().getAmount()).isEqualByComparingTo("10000.00");
        assertThat(benchmark.encode()).isEqualTo(encoded);
        assertThat(decoded.getGoods()).hasSize(AvroCodecBenchmark.GOODS_ITEMS);
        assertThat(decoded.getGoods().get(4).getBillOfMaterials().getMaterials()).hasSize(AvroCodecBenchmark.MATERIALS_PER_ITEM);
    }

    @Test
    void pipelineDeclarationsAreValidAnnex3BAndOriginating() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        DeclarationSubmitted d = Fixtures.declarationSubmitted("BENCH-X-000001", 5, 20, today, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        assertThat(d.getGoods()).hasSize(5);
        assertThat(d.getGoods()).allSatisfy(g -> {
            assertThat(g.getBillOfMaterials().getMaterials()).hasSize(20);
            assertThat(RuleParser.parse(g.getBillOfMaterials().getRule()).text()).isEqualTo(Fixtures.RULE_TEXT);
        });
        // the same shape the intake service validates: every Annex 3B field present, dated today
        assertThat(new DeclarationValidator(Clock.systemUTC()).validate(Fixtures.declaration(5, today)).isValid()).isTrue();

        byte[] wire = PipelineLoadBenchmark.confluentBytes(42, d, new SpecificDatumWriter<>(DeclarationSubmitted.class));
        assertThat(wire[0]).isZero();
        assertThat(new byte[] {wire[1], wire[2], wire[3], wire[4]}).containsExactly(0, 0, 0, 42);
    }

    @Test
    void pipelineBenchmarkExitsNonZeroWhenTheStackIsNotReachable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int exit = PipelineLoadBenchmark.run(new String[] {"--count", "1", "--bootstrap", "127.0.0.1:" + closedPort,
                "--registry", "http://127.0.0.1:" + closedPort}, new PrintStream(buffer, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(PipelineLoadBenchmark.EXIT_UNREACHABLE);
        assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("stack not reachable");
    }

    @Test
    void pipelineBenchmarkRefusesNonLoopbackTargetsAndUnboundedCounts() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        assertThat(PipelineLoadBenchmark.run(new String[] {"--bootstrap", "192.0.2.1:9092"}, out)).isEqualTo(PipelineLoadBenchmark.EXIT_USAGE);
        assertThat(PipelineLoadBenchmark.run(new String[] {"--count", "1000000"}, out)).isEqualTo(PipelineLoadBenchmark.EXIT_USAGE);
        assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("only loopback", "--count must be between");
    }
}
