package org.originbridge.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * docs/CONVENTIONS.md "One way each", checked on the source files of every module under services/ (no ArchUnit: a
 * file scan). Each rule lists its offenders and fails the build on any, in every module (issue 9: no allow-list).
 * services/benchmarks is a measurement harness, test code by nature: it may take the system clock, as tests may.
 */
class ConventionsTest {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

    /** Modules whose main sources are test code (benchmarks): the clock rule does not apply to them, as to tests. */
    static final Set<String> TEST_HARNESSES = Set.of("benchmarks");

    private static final Pattern SYSTEM_CLOCK = Pattern.compile("Clock\\s*\\.\\s*(systemUTC|systemDefaultZone|system)\\s*\\(");
    private static final Pattern HAND_MADE_SCHEDULER = Pattern.compile(
            "ScheduledExecutorService|newSingleThreadScheduledExecutor|newScheduledThreadPool|new\\s+Timer\\s*\\(");
    private static final Pattern CONFIGURATION = Pattern.compile(
            "@(Configuration|AutoConfiguration|ConfigurationProperties)\\b|implements\\s+EnvironmentPostProcessor");
    private static final Pattern SPRING_IN_DOMAIN = Pattern.compile("^import\\s+org\\.springframework\\.", Pattern.MULTILINE);
    private static final Pattern POJO_CODECS = Pattern.compile("PojoCodecProvider");

    record Source(String module, Path file, String text) {
        String relative() {
            return ROOT.relativize(file).toString();
        }

        boolean inPackage(String name) {
            return file.toString().replace('\\', '/').contains("/" + name + "/");
        }

        boolean configuration() {
            return CONFIGURATION.matcher(text).find();
        }

        boolean testHarness() {
            return TEST_HARNESSES.contains(module);
        }
    }

    @Test
    void theClockIsInjectedNeverTakenFromTheSystemOutsideConfiguration() {
        check("Clock.systemUTC() outside config/ (inject the one java.time.Clock bean)",
                s -> SYSTEM_CLOCK.matcher(s.text()).find() && !s.inPackage("config") && !s.configuration() && !s.testHarness());
    }

    @Test
    void configHoldsOnlyConfigurationClassesAndPropertiesRecords() {
        check("a class in config/ that is neither @Configuration nor @ConfigurationProperties"
                        + " (pollers to adapter/scheduling, Micrometer adapters to adapter/metrics, HTTP clients to adapter/http)",
                s -> s.inPackage("config") && !s.configuration());
    }

    @Test
    void micrometerAdaptersLiveInAdapterMetrics() {
        check("a Micrometer* adapter outside adapter/metrics",
                s -> s.file().getFileName().toString().startsWith("Micrometer") && !s.relative().contains("/adapter/metrics/"));
    }

    @Test
    void scheduledWorkRunsOnSpringsTaskScheduler() {
        check("a hand-made scheduler (use @Scheduled on an adapter/scheduling component, intervals from properties)",
                s -> HAND_MADE_SCHEDULER.matcher(s.text()).find());
    }

    @Test
    void domainClassesCarryNoSpringTypes() {
        check("a domain class importing Spring (domain objects are @Beans of config/, not annotated)",
                s -> s.inPackage("domain") && SPRING_IN_DOMAIN.matcher(s.text()).find());
    }

    @Test
    void mongoDocumentsAreMappedExplicitly() {
        check("a POJO codec (map org.bson.Document <-> domain explicitly in adapter/mongo)",
                s -> POJO_CODECS.matcher(s.text()).find());
    }

    @Test
    void theScanSeesEveryServiceSoARuleCannotPassByReadingNothing() {
        List<String> modules = sources().map(Source::module).distinct().toList();
        assertThat(modules).contains("asw-verification", "ccpit-sync", "compliance-scoring", "declaration-intake",
                "logistics-ingestion", "origin-core", "platform", "status-query", "subscriptions", "test-support");
        assertThat(sources().filter(s -> s.inPackage("config")).count()).isGreaterThan(5);
    }

    private static void check(String rule, Predicate<Source> offends) {
        List<String> offenders = sources().filter(offends).map(Source::relative).toList();
        assertThat(offenders).as(rule).isEmpty();
    }

    private static Stream<Source> sources() {
        try (Stream<Path> modules = Files.list(ROOT.resolve("services"))) {
            List<Source> all = new ArrayList<>();
            for (Path module : modules.sorted().toList()) {
                Path main = module.resolve("src/main/java");
                if (!Files.isDirectory(main)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(main)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                        all.add(new Source(module.getFileName().toString(), file, Files.readString(file)));
                    }
                }
            }
            return all.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
