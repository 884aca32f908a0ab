package org.originbridge.benchmarks;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.originbridge.origin.declaration.Declaration;
import org.originbridge.origin.declaration.DeclarationValidator;
import org.originbridge.origin.declaration.ValidationResult;

/** {@code DeclarationValidator.validate} of a complete, valid Certificate of Origin (every Annex 3B field). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class DeclarationValidatorBenchmark {

    @Param({"1", "5"})
    public int goodsItems;

    private DeclarationValidator validator;
    private Declaration declaration;

    @Setup(Level.Trial)
    public void setUp() {
        Clock clock = Clock.systemUTC();
        validator = new DeclarationValidator(clock);
        declaration = Fixtures.declaration(goodsItems, LocalDate.now(clock.withZone(ZoneOffset.UTC)));
    }

    @Benchmark
    public ValidationResult validate() {
        return validator.validate(declaration);
    }
}
