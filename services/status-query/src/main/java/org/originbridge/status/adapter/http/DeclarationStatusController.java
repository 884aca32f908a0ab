package org.originbridge.status.adapter.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.originbridge.origin.ErrorCodes;
import org.originbridge.origin.FieldError;
import org.originbridge.platform.security.Caller;
import org.originbridge.status.config.StatusQueryProperties;
import org.originbridge.status.domain.DeclarationFilter;
import org.originbridge.status.domain.DeclarationStatus;
import org.originbridge.status.domain.DeclarationSummary;
import org.originbridge.status.domain.StatusQueries;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The consolidated status of declarations (scope declarations.read). Each caller sees only what its
 * token allows: an operator everything, an exporter or provider its tenants' declarations; any other
 * declaration answers 404 exactly as an unknown one.
 */
@RestController
@RequestMapping("/api/v1/declarations")
public class DeclarationStatusController {

    private final StatusQueries queries;
    private final StatusQueryProperties.Paging paging;

    public DeclarationStatusController(StatusQueries queries, StatusQueryProperties properties) {
        this.queries = queries;
        this.paging = properties.list();
    }

    @GetMapping("/{id}")
    public DeclarationStatus status(@PathVariable String id, Caller caller) {
        return queries.status(id, Readers.of(caller)).orElseThrow(() -> Problems.notFound("no declaration " + id + " is known"));
    }

    @GetMapping
    public Page list(@RequestParam(required = false) String supplierId,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String destinationCountry,
            @RequestParam(required = false) String verification,
            @RequestParam(required = false) String issuance,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor,
            Caller caller) {
        List<FieldError> errors = new ArrayList<>();
        int size = paging.defaultLimit();
        if (limit != null) {
            try {
                size = Integer.parseInt(limit);
                if (size < 1 || size > paging.maxLimit()) {
                    errors.add(new FieldError("limit", ErrorCodes.INVALID_PARAMETER, "must be between 1 and " + paging.maxLimit()));
                }
            } catch (NumberFormatException e) {
                errors.add(new FieldError("limit", ErrorCodes.INVALID_PARAMETER, "must be a whole number"));
            }
        }
        String after = null;
        if (cursor != null && !cursor.isBlank()) {
            try {
                after = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("cursor", ErrorCodes.INVALID_PARAMETER, "not a cursor returned by this API"));
            }
        }
        if (!errors.isEmpty()) {
            throw Problems.badRequest(errors);
        }
        StatusQueries.Page page = queries.list(new DeclarationFilter(supplierId, upper(status),
                upper(destinationCountry), upper(verification), upper(issuance)), Readers.of(caller), after, size);
        String next = page.continueAfter() == null ? null
                : Base64.getUrlEncoder().withoutPadding().encodeToString(page.continueAfter().getBytes(StandardCharsets.UTF_8));
        return new Page(page.items(), next, Map.of("limit", size));
    }

    private static String upper(String value) {
        return value == null || value.isBlank() ? null : value.trim().toUpperCase(Locale.ROOT);
    }

    /** A page of declarations; pass {@code nextCursor} as {@code cursor} for the next one (null on the last page). */
    public record Page(List<DeclarationSummary> items, String nextCursor, Map<String, Object> page) {
    }
}
