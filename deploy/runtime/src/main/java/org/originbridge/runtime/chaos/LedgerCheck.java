package org.originbridge.runtime.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The ledger check that ends every scenario: pure logic over what was read from status-query, the
 * sandbox's call ledger and the topics, so it is unit-tested without a stack ({@code LedgerCheckTest}).
 */
final class LedgerCheck {

    /** The one final outcome of a declaration, or PENDING when it has none yet. */
    enum Outcome { ISSUED, NOT_VERIFIED, REJECTED, FAILED, ISSUANCE_REFUSED, PENDING }

    /** What was read about one declaration at the end of a scenario. */
    record Observed(String declarationId, JsonNode status, int aswCalls, int aswKeys, int ccpitCalls, int ccpitKeys,
            int verificationsPublished, int distinctVerifications, int deadLetters) {}

    /** The codes a holder may have printed: signed code, short code, ASW reference, QR token. */
    record Codes(String verificationCode, String shortCode, String aswReference, String qrToken) {}

    /** Counts printed at the end of a scenario. */
    record Result(String scenario, int submitted, Map<Outcome, Integer> outcomes, int deadLettered,
            int aswRepeatedCalls, int aswSecondKeys, int ccpitRepeatedCalls, int ccpitSecondKeys,
            int verificationsRepublished, int verificationsDiffering, int codesCompared, int codesChanged, List<String> notes, List<String> problems) {

        boolean passed() {
            return problems.isEmpty();
        }

        String format() {
            StringBuilder s = new StringBuilder();
            s.append("LEDGER CHECK ").append(scenario).append(passed() ? ": PASS" : ": FAIL").append('\n');
            s.append("  submitted                 ").append(submitted).append('\n');
            s.append("  final outcome             ").append(outcomes).append('\n');
            s.append("  dead-lettered             ").append(deadLettered).append('\n');
            s.append("  ASW verify calls          repeated (same Idempotency-Key) ").append(aswRepeatedCalls)
                    .append(", with a second key ").append(aswSecondKeys).append('\n');
            s.append("  CCPIT application calls   repeated (same Idempotency-Key) ").append(ccpitRepeatedCalls)
                    .append(", with a second key ").append(ccpitSecondKeys).append('\n');
            s.append("  verifications published   more than once (identical bytes, a redelivery) for ").append(verificationsRepublished)
                    .append(" declarations, with differing content for ").append(verificationsDiffering).append('\n');
            s.append("  codes unchanged           ").append(codesCompared - codesChanged).append('/').append(codesCompared).append('\n');
            for (String n : notes) {
                s.append("  ").append(n).append('\n');
            }
            for (String p : problems) {
                s.append("  PROBLEM: ").append(p).append('\n');
            }
            return s.toString();
        }
    }

    private LedgerCheck() {}

    static Outcome outcome(JsonNode status) {
        if (status == null || status.isMissingNode() || status.isNull()) {
            return Outcome.PENDING;
        }
        if ("FAILED".equals(text(status.path("failure").path("status")))) {
            return Outcome.FAILED;
        }
        if ("REJECTED".equals(text(status.path("intake").path("outcome")))) {
            return Outcome.REJECTED;
        }
        String verification = text(status.path("verification").path("outcome"));
        if ("NOT_VERIFIED".equals(verification)) {
            return Outcome.NOT_VERIFIED;
        }
        String issuance = text(status.path("issuance").path("current").path("status"));
        if ("VERIFIED".equals(verification) && "ISSUED".equals(issuance)) {
            return Outcome.ISSUED;
        }
        if (issuance != null && Set.of("REJECTED", "REFUSED", "CANCELLED", "REVOKED").contains(issuance)) {
            return Outcome.ISSUANCE_REFUSED;
        }
        return Outcome.PENDING;
    }

    static Codes codes(JsonNode status) {
        if (status == null) {
            return new Codes(null, null, null, null);
        }
        JsonNode v = status.path("verification");
        return new Codes(text(v.path("verificationCode")), text(v.path("shortCode")), text(v.path("aswReference")),
                text(status.path("issuance").path("current").path("qrToken")));
    }

    /**
     * @param before codes read before the fault (declarations that had finished by then); each must
     *               be equal after it
     */
    static Result check(String scenario, Collection<Observed> observed, Map<String, Codes> before,
            List<String> notes, List<String> extraProblems) {
        Map<Outcome, Integer> outcomes = new TreeMap<>();
        List<String> problems = new ArrayList<>(extraProblems);
        int deadLettered = 0, aswRepeated = 0, aswSecond = 0, ccpitRepeated = 0, ccpitSecond = 0, republished = 0, differing = 0;
        int changed = 0, compared = 0;
        for (Observed o : observed) {
            Outcome outcome = outcome(o.status());
            outcomes.merge(outcome, 1, Integer::sum);
            if (outcome == Outcome.PENDING) {
                problems.add(o.declarationId() + " has no final outcome");
            } else if (outcome == Outcome.FAILED) {
                problems.add(o.declarationId() + " FAILED: " + text(o.status().path("failure").path("reason")));
            }
            deadLettered += o.deadLetters();
            if (o.deadLetters() > 0) {
                problems.add(o.declarationId() + " has " + o.deadLetters() + " dead letter(s)");
            }
            aswRepeated += Math.max(0, o.aswCalls() - 1);
            ccpitRepeated += Math.max(0, o.ccpitCalls() - 1);
            if (o.aswKeys() > 1) {
                aswSecond++;
                problems.add(o.declarationId() + " was verified at ASW under " + o.aswKeys() + " idempotency keys");
            }
            if (o.ccpitKeys() > 1) {
                ccpitSecond++;
                problems.add(o.declarationId() + " was applied for at CCPIT under " + o.ccpitKeys() + " idempotency keys");
            }
            if (o.distinctVerifications() > 1) {
                differing++;
                problems.add(o.declarationId() + ": " + o.distinctVerifications() + " different verification outcomes published");
            } else if (o.verificationsPublished() > 1) {
                republished++;
            }
            Codes earlier = before.get(o.declarationId());
            if (earlier != null) {
                compared++;
                Codes now = codes(o.status());
                if (!Objects.equals(earlier, now)) {
                    changed++;
                    problems.add(o.declarationId() + ": codes changed (" + earlier + " -> " + now + ")");
                }
            }
        }
        return new Result(scenario, observed.size(), outcomes, deadLettered, aswRepeated, aswSecond, ccpitRepeated, ccpitSecond,
                republished, differing, compared, changed, List.copyOf(notes), problems.size() > 20 ? truncate(problems) : problems);
    }

    private static List<String> truncate(List<String> problems) {
        List<String> head = new ArrayList<>(problems.subList(0, 20));
        head.add("... and " + (problems.size() - 20) + " more");
        return head;
    }

    private static String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? null : node.asText();
    }
}
