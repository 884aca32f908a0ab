package org.originbridge.status.adapter.http;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.originbridge.origin.ErrorCodes;
import org.originbridge.origin.FieldError;
import org.originbridge.status.domain.QrCheck;
import org.originbridge.status.domain.StatusQueries;
import org.originbridge.status.domain.VerificationReport;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The entries an exporter's website embeds: verify a published declaration by reference number
 * and verification code (the full signed code, or the short code printed next to it), and check a
 * scanned QR token. Public (no key) and rate-limited ({@code originbridge.security.public-paths});
 * they never show the importer or the full declaration. An unknown reference number gets the same
 * 200 and the same INVALID report as a wrong code: reference numbers cannot be enumerated here.
 */
@RestController
@RequestMapping("/api/v1/public")
public class PublicVerificationController {

    private final StatusQueries queries;
    private final MeterRegistry meters;

    public PublicVerificationController(StatusQueries queries, MeterRegistry meters) {
        this.queries = queries;
        this.meters = meters;
    }

    @GetMapping("/verifications/{referenceNumber}")
    public VerificationReport verify(@PathVariable String referenceNumber,
            @RequestParam(required = false) String code) {
        if (code == null || code.isBlank()) {
            throw Problems.badRequest(List.of(new FieldError("code", ErrorCodes.REQUIRED, "the verification code is required")));
        }
        if (code.length() > 4096) {
            throw Problems.badRequest(List.of(new FieldError("code", ErrorCodes.LIMIT_EXCEEDED, "at most 4096 characters")));
        }
        VerificationReport report = queries.verify(referenceNumber, code);
        meters.counter("originbridge.status.public.verifications", "result", report.summary().all().toLowerCase())
                .increment();
        return report;
    }

    @GetMapping("/qr/{token}")
    public QrCheck qr(@PathVariable String token) {
        QrCheck check = queries.checkQr(token);
        meters.counter("originbridge.status.public.qr", "result", check.valid() ? "valid" : "invalid").increment();
        return check;
    }
}
