package org.originbridge.intake.adapter.http;

import org.originbridge.origin.determination.DeterminationOutcome;
import org.originbridge.origin.json.DeterminationJson;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/origin-determinations}: origin-core's JSON request in, origin-core's JSON result out
 * (the same contract as {@code bin/originbridge origin-check}); invalid input is 400 problem+json listing
 * every bad field.
 */
@RestController
class OriginDeterminationController {

    private final DeterminationJson json;

    OriginDeterminationController(DeterminationJson json) {
        this.json = json;
    }

    @PostMapping(path = "/api/v1/origin-determinations", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> determine(@RequestBody(required = false) String body) {
        DeterminationOutcome outcome = json.evaluate(body == null ? "" : body);
        if (outcome instanceof DeterminationOutcome.Determined determined) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json.render(determined.determination()));
        }
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(json.renderProblem(((DeterminationOutcome.Rejected) outcome).errors()));
    }
}
