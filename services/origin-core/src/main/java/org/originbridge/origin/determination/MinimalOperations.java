package org.originbridge.origin.determination;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the declared operations amount to under RCEP Article 3.6.
 *
 * @param onlyMinimal    true when the good underwent only Art 3.6 operations: the request's flag is set, or every
 *                       declared operation matches a sub-paragraph (a)-(j)
 * @param flagged        the request's {@code minimalOperationsOnly} flag was set
 * @param matched        each declared operation that matches a sub-paragraph, with it
 * @param otherAgreement declared operations that other agreements (EU, UK) list as insufficient but RCEP does not
 * @param beyondList     declared operations outside the Art 3.6 vocabulary: processing beyond minimal operations
 */
public record MinimalOperations(boolean onlyMinimal, boolean flagged, List<Match> matched, List<String> otherAgreement,
                                List<String> beyondList) {

    /** A declared operation and the sub-paragraph it matched. */
    public record Match(String operation, MinimalOperation subparagraph) {
    }

    public MinimalOperations {
        matched = List.copyOf(matched);
        otherAgreement = List.copyOf(otherAgreement);
        beyondList = List.copyOf(beyondList);
    }

    /** Classifies a request's declared operations. */
    public static MinimalOperations assess(boolean flag, List<String> operations) {
        List<Match> matched = new ArrayList<>();
        List<String> other = new ArrayList<>();
        List<String> beyond = new ArrayList<>();
        for (String op : operations) {
            Optional<MinimalOperation> m = MinimalOperation.match(op);
            if (m.isPresent()) {
                matched.add(new Match(op, m.get()));
            } else if (MinimalOperation.onlyInOtherAgreements(op)) {
                other.add(op);
            } else {
                beyond.add(op);
            }
        }
        boolean onlyMinimal = flag || (!operations.isEmpty() && other.isEmpty() && beyond.isEmpty());
        return new MinimalOperations(onlyMinimal, flag, matched, other, beyond);
    }

    /** The distinct sub-paragraphs matched, in the article's order. */
    public List<MinimalOperation> subparagraphs() {
        Set<MinimalOperation> set = new LinkedHashSet<>();
        matched.stream().map(Match::subparagraph).sorted().forEach(set::add);
        return List.copyOf(set);
    }

    /**
     * The citation of what was performed when only minimal operations were: {@code 3.6(c)} for one sub-paragraph,
     * {@code 3.6(k)} for a combination of two or more; {@code 3.6} when only the flag says so.
     */
    public String article() {
        List<MinimalOperation> subs = subparagraphs();
        if (subs.isEmpty()) {
            return "3.6";
        }
        return subs.size() == 1 ? subs.get(0).article() : "3.6(k)";
    }

    /** A sentence naming the sub-paragraph(s), e.g. {@code Art 3.6(k): a combination of (b) packing, (d) labelling}. */
    public String describe() {
        List<MinimalOperation> subs = subparagraphs();
        if (subs.isEmpty()) {
            return "Art 3.6: the request declares that only minimal operations were performed (sub-paragraph not stated)";
        }
        String each = subs.stream().map(s -> "(" + s.subparagraph() + ") " + matched.stream()
                        .filter(m -> m.subparagraph() == s).map(Match::operation).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
        return subs.size() == 1 ? "Art " + article() + ": " + each
                : "Art 3.6(k): a combination of " + each;
    }
}
