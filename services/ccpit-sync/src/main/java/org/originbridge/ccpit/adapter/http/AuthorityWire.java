package org.originbridge.ccpit.adapter.http;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import org.originbridge.ccpit.domain.CertificateDocument;
import org.originbridge.ccpit.domain.CoApplication;
import org.originbridge.ccpit.domain.IssuingAuthorityClient;
import org.originbridge.platform.resilience.ExternalCall;
import org.originbridge.platform.resilience.PermanentExternalFailure;
import org.originbridge.platform.resilience.TransientExternalFailure;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClientResponseException;

/**
 * What the issuing-authority clients share: the Annex 3B application in the JSON shape both sandbox contracts use
 * for parties, transport and goods; calls through {@link ExternalCall} with HTTP 429's {@code Retry-After} honoured
 * (the attempt waits what the authority asks, capped, before ExternalCall's own backoff; never a dead letter);
 * and the certificate document's checks.
 */
final class AuthorityWire {

    /** The longest Retry-After honoured inside one attempt; a longer one is left to the retries and the breaker. */
    static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(10);

    private AuthorityWire() {
    }

    record Trader(String name, String address, String country) {
    }

    record Transport(String invoiceNumber, String invoiceDate, String departureDate, String vesselOrFlight,
            String voyageNumber, String portOfLoading, String portOfDischarge) {
    }

    record Fob(BigDecimal amount, String currency) {
    }

    record Item(int itemNumber, String description, String hsCode, String originCriterion, String originCountry,
            BigDecimal quantity, String quantityUnit, BigDecimal grossWeightKg, Fob fobValue) {
    }

    record Declarant(String place, String date, String signatoryName) {
    }

    static Trader trader(CoApplication.Trader t) {
        return t == null ? null : new Trader(t.name(), t.address(), t.country());
    }

    static Transport transport(CoApplication.Transport t) {
        return t == null ? null : new Transport(t.invoiceNumber(), string(t.invoiceDate()), string(t.departureDate()),
                t.vesselOrFlight(), t.voyageNumber(), t.portOfLoading(), t.portOfDischarge());
    }

    static List<Item> goods(CoApplication a) {
        return a.goods().stream().map(i -> new Item(i.itemNumber(), i.description(), i.hsCode(), i.originCriterion(),
                i.originCountry(), i.quantity(), i.quantityUnit(), i.grossWeightKg(),
                i.fobAmount() == null ? null : new Fob(i.fobAmount(), i.fobCurrency()))).toList();
    }

    static Declarant declarant(CoApplication.Declarant d) {
        return d == null ? null : new Declarant(d.place(), string(d.date()), d.signatoryName());
    }

    private static String string(Object o) {
        return o == null ? null : o.toString();
    }

    /** One resilient call of {@code system}; a 4xx is {@link IssuingAuthorityClient.Refused}, the rest Unavailable. */
    static <T> T resilient(ExternalCall call, String operation, Supplier<T> request) {
        try {
            return call.execute(operation, () -> honouringRetryAfter(request));
        } catch (PermanentExternalFailure e) {
            throw new IssuingAuthorityClient.Refused(e.getMessage());
        } catch (TransientExternalFailure e) {
            throw new IssuingAuthorityClient.Unavailable(e.getMessage(), e);
        }
    }

    /** On 429 with {@code Retry-After: <seconds>}: wait that long (at most {@link #MAX_RETRY_AFTER}), then rethrow. */
    static <T> T honouringRetryAfter(Supplier<T> request) {
        try {
            return request.get();
        } catch (RestClientResponseException e) {
            if (e.getStatusCode().value() == HttpStatus.TOO_MANY_REQUESTS.value()) {
                Duration wait = retryAfter(e.getResponseHeaders());
                if (!wait.isZero()) {
                    try {
                        Thread.sleep(wait.toMillis());
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
            throw e;
        }
    }

    /** {@code Retry-After} in delta-seconds, capped; zero when absent or not a number (an HTTP date is not used). */
    static Duration retryAfter(HttpHeaders headers) {
        String value = headers == null ? null : headers.getFirst(HttpHeaders.RETRY_AFTER);
        if (value == null || !value.trim().matches("[0-9]{1,6}")) {
            return Duration.ZERO;
        }
        Duration asked = Duration.ofSeconds(Long.parseLong(value.trim()));
        return asked.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : asked;
    }

    /** The document of an answer: refused when empty, too large or of a type other than PDF or XML. */
    static CertificateDocument document(String authority, ResponseEntity<byte[]> answer) {
        byte[] body = answer == null ? null : answer.getBody();
        if (body == null || body.length == 0) {
            throw new IssuingAuthorityClient.Unavailable(authority + " answered the certificate document empty", null);
        }
        if (body.length > CertificateDocument.MAX_BYTES) {
            throw new IssuingAuthorityClient.Refused(authority + " certificate document exceeds "
                    + CertificateDocument.MAX_BYTES + " bytes");
        }
        String type = answer.getHeaders().getContentType() == null ? "" : answer.getHeaders().getContentType().toString();
        String base = type.split(";")[0].trim().toLowerCase(java.util.Locale.ROOT);
        if (!base.equals("application/pdf") && !base.equals("application/xml") && !base.equals("text/xml")) {
            throw new IssuingAuthorityClient.Refused(authority + " certificate document has media type '" + type
                    + "', expected application/pdf or application/xml");
        }
        return new CertificateDocument(base.equals("text/xml") ? "application/xml" : base, body);
    }
}
