package org.originbridge.intake.adapter.http;

import java.net.URI;
import java.util.Map;

import org.originbridge.intake.config.IntakeProperties;
import org.originbridge.origin.declaration.Declaration;
import org.originbridge.intake.domain.IntakeMetrics;
import org.originbridge.intake.domain.SubmitDeclaration;
import org.originbridge.platform.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/declarations}: a declaration shaped like {@code DeclarationSubmitted}. Structurally
 * unreadable input is answered 400 with every bad field; otherwise the declaration is published to
 * coo-declarations-submitted (broker ack awaited) and answered 202 with where to follow its status.
 * The caller's token must act for the body's supplierId (403 otherwise), and the declaration id and
 * reference number must not belong to another exporter (409, see {@code TenantOwnership}).
 */
@RestController
class DeclarationController {

    private final SubmitDeclaration submit;
    private final IntakeProperties properties;
    private final IntakeMetrics metrics;
    private final DeclarationJsonReader reader = new DeclarationJsonReader();

    DeclarationController(SubmitDeclaration submit, IntakeProperties properties, IntakeMetrics metrics) {
        this.submit = submit;
        this.properties = properties;
        this.metrics = metrics;
    }

    @PostMapping(path = "/api/v1/declarations", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> submit(@RequestBody(required = false) String body, Caller caller) {
        DeclarationJsonReader.Result result = reader.read(body);
        if (result instanceof DeclarationJsonReader.Result.Invalid invalid) {
            metrics.invalid("http");
            return FieldProblems.badRequest("Unreadable declaration", invalid.errors());
        }
        Declaration declaration = ((DeclarationJsonReader.Result.Read) result).declaration();
        if (!caller.actsFor(declaration.supplierId())) {
            // the tenant comes from the token, never from the body
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                    "this access token does not act for the declaration's supplierId");
            problem.setTitle("Not your tenant");
            return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        Declaration submitted = submit.submit(declaration);
        URI statusUrl = properties.statusUrl(submitted.declarationId());
        return ResponseEntity.accepted().location(statusUrl).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("declarationId", submitted.declarationId(), "status", "SUBMITTED",
                        "statusUrl", statusUrl.toString()));
    }
}
