package org.originbridge.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guards the portability rules of {@code bin/originbridge} (docs/local-runtime.md): it must run on
 * macOS's bash 3.2 with BSD tools, so no bash 4 features and no GNU-only flags; {@code setsid} only
 * with a fallback. And it checks the rebuild-on-change logic by running the script's own functions
 * against a scratch tree.
 */
class RuntimeScriptTest {

    private static final Path SCRIPT = Path.of("../../bin/originbridge");

    /** Construct -> why it is forbidden. Comment lines are not checked. */
    private static final Map<String, String> FORBIDDEN = Map.ofEntries(
            Map.entry("declare -A", "associative arrays need bash 4 (macOS ships bash 3.2)"),
            Map.entry("local -A", "associative arrays need bash 4"),
            Map.entry("\\bmapfile\\b|\\breadarray\\b", "mapfile/readarray need bash 4"),
            Map.entry("\\$\\{[A-Za-z_][A-Za-z_0-9]*(\\[[^\\]]*\\])?(,,?|\\^\\^?)\\}", "case modification ${x,,} needs bash 4"),
            Map.entry("&>>", "&>> needs bash 4"),
            Map.entry("\\|&", "|& needs bash 4"),
            Map.entry("\\bcoproc\\b", "coproc needs bash 4"),
            Map.entry("wait -n", "wait -n needs bash 4.3"),
            Map.entry("shopt -s (globstar|lastpipe)", "globstar/lastpipe need bash 4"),
            Map.entry("(local|declare) -n", "namerefs need bash 4.3"),
            Map.entry("\\[\\[ -v", "[[ -v needs bash 4.2"),
            Map.entry("printf '%\\(", "printf %(...)T needs bash 4.2"),
            Map.entry("\\bEPOCH(SECONDS|REALTIME)\\b", "EPOCHSECONDS needs bash 5"),
            Map.entry("\\[-1\\]\\}", "negative array indices need bash 4.3"),
            Map.entry("readlink -f|\\brealpath\\b", "readlink -f / realpath are not on stock macOS"),
            Map.entry("\\bdate -d\\b|date --", "date -d is GNU-only"),
            Map.entry("\\bsed -i\\b|sed -r\\b|sed --", "sed -i / -r / long options are GNU-only (use -E and a temp file)"),
            Map.entry("grep -P|grep --", "grep -P / long options are GNU-only"),
            Map.entry("\\bstat -c\\b", "stat -c is GNU-only"),
            Map.entry("xargs -r", "xargs -r is GNU-only"),
            Map.entry("-printf\\b", "find -printf is GNU-only"),
            Map.entry("sort -V|sort --", "sort -V / long options are GNU-only"),
            Map.entry("\\bps --|ps -e?o [a-z]+,|\\bps aux", "use POSIX ps -o FIELD= -p PID"),
            Map.entry("(^\\s*|[;&|(]\\s*)timeout ", "timeout(1) is not on stock macOS"),
            Map.entry("\\bsha(1|256)sum\\b|\\bmd5sum\\b", "use cksum (POSIX)"),
            Map.entry("tail -n \\+?[0-9]+ --", "GNU tail options"),
            Map.entry("\\bawk .*(systime|strftime|gensub)", "gawk-only functions"));

    @Test
    void noBash4FeaturesAndNoGnuOnlyFlags() throws IOException {
        List<String> lines = Files.readAllLines(SCRIPT, StandardCharsets.UTF_8);
        List<String> violations = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.strip().startsWith("#")) {
                continue;
            }
            for (Map.Entry<String, String> rule : FORBIDDEN.entrySet()) {
                if (Pattern.compile(rule.getKey()).matcher(line).find()) {
                    violations.add("bin/originbridge:" + (i + 1) + ": " + rule.getValue() + ": " + line.strip());
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void theRulesCatchWhatTheyAreFor() {
        List<String> bad = List.of("declare -A seen=()", "x=${name,,}", "mapfile -t a < f", "readlink -f \"$0\"",
                "date -d yesterday", "sed -i 's/a/b/' f", "  timeout 5 curl x", "wait -n", "sha256sum f");
        for (String line : bad) {
            assertThat(FORBIDDEN.keySet().stream().anyMatch(rule -> Pattern.compile(rule).matcher(line).find()))
                    .as(line).isTrue();
        }
        List<String> fine = List.of("sed -n -E 's/a/b/p' f", "ps -o rss= -p \"$pid\"", "date -u +%Y", "${#arr[@]}",
                "${pending[@]+\"${pending[@]}\"}", "cksum <\"$f\"");
        for (String line : fine) {
            assertThat(FORBIDDEN.keySet().stream().anyMatch(rule -> Pattern.compile(rule).matcher(line).find()))
                    .as(line).isFalse();
        }
    }

    @Test
    void setsidOnlyWithAFallback() throws IOException {
        String script = Files.readString(SCRIPT, StandardCharsets.UTF_8);
        long uses = script.lines().filter(l -> !l.strip().startsWith("#") && l.contains("setsid \"$@\"")).count();
        assertThat(uses).isEqualTo(1);
        assertThat(script).contains("if command -v setsid >/dev/null 2>&1; then", "POSIX::setsid()");
    }

    @Test
    void parsesWithBashAndPrintsHelp(@TempDir Path home) throws Exception {
        assertThat(run(List.of("bash", "-n", SCRIPT.toString()), Map.of()).exit()).isZero();

        Result help = run(List.of("bash", SCRIPT.toString(), "help"), Map.of("ORIGINBRIDGE_HOME", home.toString()));

        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("trace DECLARATION_ID", "status", "up [infra|component...]");
    }

    @Test
    void aChangedSourceFileMakesItsModuleStaleAndAStampMakesItFresh(@TempDir Path tree) throws Exception {
        Path bin = Files.createDirectories(tree.resolve("bin"));
        Files.copy(SCRIPT, bin.resolve("originbridge"));
        Files.writeString(tree.resolve("pom.xml"), "<project/>");
        Path sources = Files.createDirectories(tree.resolve("deploy/sandbox/src/main/java"));
        Files.writeString(sources.resolve("A.java"), "class A {}");
        Path jar = Files.createDirectories(tree.resolve("deploy/sandbox/target")).resolve("originbridge-sandbox-0.1.0-SNAPSHOT.jar");
        Files.writeString(jar, "jar");
        // built output under target/ is not an input
        Files.writeString(tree.resolve("deploy/sandbox/target/B.class"), "x");

        String functions = "set -euo pipefail; ORIGINBRIDGE_SOURCE_ONLY=1 . " + bin.resolve("originbridge") + "; ";
        String hash = bash(functions + "source_hash deploy/sandbox").strip();
        assertThat(hash).matches("[0-9]+-[0-9]+");
        assertThat(bash(functions + "build_reason deploy/sandbox " + jar).strip()).isEqualTo("never built by bin/originbridge");

        Files.writeString(tree.resolve("deploy/sandbox/target/.originbridge-build-stamp"), "hash=" + hash + "\ncommit=abc\n");
        assertThat(bash(functions + "build_reason deploy/sandbox " + jar).strip()).isEmpty();
        assertThat(bash(functions + "built_commit sandbox").strip()).isEqualTo("abc");

        Files.writeString(tree.resolve("deploy/sandbox/target/B.class"), "rebuilt output");
        assertThat(bash(functions + "build_reason deploy/sandbox " + jar).strip()).isEmpty();

        Files.writeString(sources.resolve("A.java"), "class A { int changed; }");
        assertThat(bash(functions + "build_reason deploy/sandbox " + jar).strip()).isEqualTo("sources changed");
        Files.writeString(sources.resolve("A.java"), "class A {}");
        Files.writeString(tree.resolve("pom.xml"), "<project><!-- a pull changed the parent --></project>");
        assertThat(bash(functions + "build_reason deploy/sandbox " + jar).strip()).isEqualTo("sources changed");

        Files.delete(jar);
        assertThat(bash(functions + "build_reason deploy/sandbox " + jar).strip()).startsWith("missing");
    }

    @Test
    void mavenOutputIsSummarisedPerModule() throws Exception {
        String functions = "set -euo pipefail; ORIGINBRIDGE_SOURCE_ONLY=1 . " + SCRIPT.toAbsolutePath() + "; ";
        String maven = String.join("\n",
                "[INFO] Scanning for projects...",
                "[INFO] Building OriginBridge :: shared Kafka/Avro/HTTP platform 0.1.0-SNAPSHOT                [3/9]",
                "[INFO] Building jar: /x/target/y.jar",
                "[INFO] BUILD SUCCESS", "");
        Path input = Files.createTempFile("maven", ".log");
        Files.writeString(input, maven);

        String out = bash(functions + "build_progress $(date +%s) < " + input);

        assertThat(out).contains("[3/9] OriginBridge :: shared Kafka/Avro/HTTP platform (").contains("BUILD SUCCESS")
                .doesNotContain("Building jar").doesNotContain("Scanning");
        Files.delete(input);
    }

    private static String bash(String command) throws Exception {
        Result result = run(List.of("bash", "-c", command), Map.of());
        assertThat(result.exit()).as(result.out()).isZero();
        return result.out();
    }

    record Result(int exit, String out) {
    }

    private static Result run(List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), out);
    }
}
