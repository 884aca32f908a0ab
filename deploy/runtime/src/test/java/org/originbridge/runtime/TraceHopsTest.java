package org.originbridge.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class TraceHopsTest {

    private static final String ID = "DECL-2026-0001";
    private static final String TRACE = "a5ed413343b61ba9149815dc40d0b8b3";

    /** A hop line as the platform writes it (Spring Boot ECS structured logging). */
    private static String hopLine(String time, String service, String hop, String outcome, String declarationId) {
        return "{\"@timestamp\":\"" + time + "\",\"log\":{\"level\":\"INFO\",\"logger\":\"org.originbridge.hops\"},"
                + "\"process\":{\"pid\":1,\"thread\":{\"name\":\"x-0-C-1\"}},\"service\":{\"name\":\"" + service
                + "\",\"node\":{}},\"message\":\"consumed " + hop + "-0@0\",\"traceId\":\"" + TRACE
                + "\",\"spanId\":\"b37059037e95f747\",\"hop\":\"" + hop + "\",\"declarationId\":\"" + declarationId
                + "\",\"outcome\":\"" + outcome + "\",\"ecs\":{\"version\":\"8.11\"}}";
    }

    @Test
    void findsTheDeclarationsHopsAcrossServicesInTimeOrder() {
        List<String> intake = List.of(
                "----- 2026-11-29T20:00:00Z starting declaration-intake: java -jar ...",
                hopLine("2026-11-29T20:35:41.500Z", "declaration-intake", "coo-declarations-submitted", "handled", ID),
                hopLine("2026-11-29T20:35:41.100Z", "declaration-intake", "POST /api/v1/declarations", "202", ID));
        List<String> status = List.of(
                hopLine("2026-11-29T20:35:42.000Z", "status-query", "coo-declarations-accepted", "handled", ID),
                hopLine("2026-11-29T20:35:42.000Z", "status-query", "coo-declarations-accepted", "handled", "DECL-OTHER"));

        List<TraceHops.Hop> hops = TraceHops.sorted(Stream.concat(
                TraceHops.hops(intake.stream(), ID).stream(), TraceHops.hops(status.stream(), ID).stream()).toList());

        assertThat(hops).extracting(TraceHops.Hop::hop).containsExactly(
                "POST /api/v1/declarations", "coo-declarations-submitted", "coo-declarations-accepted");
        assertThat(hops).extracting(TraceHops.Hop::service)
                .containsExactly("declaration-intake", "declaration-intake", "status-query");
        assertThat(hops).extracting(TraceHops.Hop::traceId).containsOnly(TRACE);
        assertThat(hops.get(0).outcome()).isEqualTo("202");
    }

    @Test
    void skipsWhatIsNotAHopLineOfThatDeclaration() {
        String notHopLogger = hopLine("2026-11-29T20:35:41Z", "asw-verification", "t", "handled", ID)
                .replace("org.originbridge.hops", "org.originbridge.asw.Something");
        List<String> lines = List.of(
                "",
                "plain text mentioning " + ID,
                "{ not json " + ID,
                "{\"declarationId\":[\"" + ID + "\"],\"log\":{\"logger\":\"org.originbridge.hops\"}}",
                "[" + hopLine("2026-11-29T20:35:41Z", "s", "t", "handled", ID) + "]",
                notHopLogger,
                hopLine("2026-11-29T20:35:41Z", "s", "t", "handled", ID + "-SUFFIX"),
                "{\"declarationId\":\"" + ID + "\",\"a\":" + "[".repeat(5000) + "}");

        assertThat(TraceHops.hops(lines.stream(), ID)).isEmpty();
    }

    @Test
    void acceptsEcsFlatDottedFieldNames() {
        String flat = "{\"@timestamp\":\"2026-11-29T20:35:41Z\",\"log.level\":\"INFO\",\"log.logger\":\"org.originbridge.hops\","
                + "\"service.name\":\"ccpit-sync\",\"message\":\"m\",\"traceId\":\"" + TRACE + "\",\"hop\":\"asw-verifications\","
                + "\"declarationId\":\"" + ID + "\",\"outcome\":\"failed:RetryLater\"}";

        TraceHops.Hop hop = TraceHops.parse(flat, ID);

        assertThat(hop).isNotNull();
        assertThat(hop.service()).isEqualTo("ccpit-sync");
        assertThat(hop.outcome()).isEqualTo("failed:RetryLater");
    }

    @Test
    void printsATableAndTheTraceIdsOrSaysThereIsNothing() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        assertThat(TraceHops.print(List.of(new TraceHops.Hop("2026-11-29T20:35:41Z", "status-query",
                "coo-declarations-accepted", "handled", TRACE, "m")), ID, out)).isTrue();
        assertThat(TraceHops.print(List.of(), ID, out)).isFalse();

        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("status-query", "coo-declarations-accepted", "1 hops of " + ID + " in 1 trace(s): " + TRACE)
                .contains("no hops of " + ID);
    }
}
