package org.originbridge.benchmarks;

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
import org.originbridge.origin.determination.DeterminationOutcome;
import org.originbridge.origin.determination.DeterminationRequest;
import org.originbridge.origin.determination.OriginDeterminer;

/**
 * {@code OriginDeterminer.determine} for one goods item (HS 8471.50, rule "CTSH or RVC40" looked up in
 * the default table) with a 10- and a 200-material bill of materials, build-down and build-up RVC.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class OriginDeterminerBenchmark {

    @Param({"10", "200"})
    public int materials;

    @Param({"BUILD_DOWN", "BUILD_UP"})
    public String method;

    private OriginDeterminer determiner;
    private DeterminationRequest request;

    @Setup(Level.Trial)
    public void setUp() {
        determiner = OriginDeterminer.withDefaultTable();
        request = "BUILD_UP".equals(method) ? Fixtures.buildUpRequest(materials) : Fixtures.buildDownRequest(materials);
    }

    @Benchmark
    public DeterminationOutcome determine() {
        return determiner.determine(request);
    }
}
