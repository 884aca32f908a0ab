package org.originbridge.scoring.adapter.http;

import java.time.Instant;
import java.util.List;

import org.originbridge.platform.errors.Problems;
import org.originbridge.scoring.domain.ComplianceScoring;
import org.originbridge.scoring.domain.ScoreFactor;
import org.originbridge.scoring.domain.SupplierRecord;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/suppliers/{id}/score} (API key): the latest score with its factors. */
@RestController
public class ScoreController {

    /** The latest score as JSON; {@code emitted} says whether it has been published yet. */
    public record ScoreView(String supplierId, int score, String band, Integer previousScore, List<ScoreFactor> factors,
            long version, Instant asOf, Instant validUntil, String source, boolean emitted) {
    }

    private final ComplianceScoring scoring;

    public ScoreController(ComplianceScoring scoring) {
        this.scoring = scoring;
    }

    @GetMapping("/api/v1/suppliers/{supplierId}/score")
    public ResponseEntity<?> score(@PathVariable String supplierId) {
        return scoring.current(supplierId).filter(r -> r.latest() != null)
                .<ResponseEntity<?>>map(r -> ResponseEntity.ok(view(r)))
                .orElseGet(() -> Problems.response(Problems.of(HttpStatus.NOT_FOUND, "Not Found",
                        "No score for supplier " + supplierId + " yet")));
    }

    private static ScoreView view(SupplierRecord r) {
        var s = r.latest();
        return new ScoreView(s.supplierId(), s.score(), s.band().name(), s.previousScore(), s.factors(), s.version(),
                s.asOf(), s.validUntil(), s.source(), r.emittedVersion() >= s.version());
    }
}
