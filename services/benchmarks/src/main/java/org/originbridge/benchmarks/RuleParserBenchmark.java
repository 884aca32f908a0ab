package org.originbridge.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.originbridge.origin.rule.Rule;
import org.originbridge.origin.rule.RuleParser;

/** {@code RuleParser.parse} of typical Annex 3A rule texts (one text per parameter value). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class RuleParserBenchmark {

    @Param({"WO", "CTH or RVC40", "CTSH or RVC40", "CR or CTH or RVC40", "(CC or CTH) and RVC35"})
    public String text;

    @Benchmark
    public Rule parse() {
        return RuleParser.parse(text);
    }
}
