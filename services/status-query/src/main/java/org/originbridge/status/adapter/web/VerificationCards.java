package org.originbridge.status.adapter.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.originbridge.platform.signing.ShortCode;
import org.originbridge.status.domain.PublicVerificationView;
import org.originbridge.status.domain.VerificationReport;
import org.originbridge.status.domain.VerificationReport.Fragment;
import org.springframework.context.MessageSource;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Turns a {@link PublicVerificationView} into a {@link VerificationCard} in one language, with the
 * texts of the message bundles {@code i18n/messages*.properties}, and builds the public URLs (page,
 * QR image) on {@code originbridge.web.public-base-url}.
 */
public final class VerificationCards {

    static final List<String> LABELS = List.of("reference", "shortCode", "exporter", "issuer", "issuance", "certificate",
            "destination", "verifiedAt", "checks", "details", "qr", "open", "live", "route", "status", "poweredBy", "consistency");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final MessageSource messages;
    private final WebProperties web;

    public VerificationCards(MessageSource messages, WebProperties web) {
        this.messages = messages;
        this.web = web;
    }

    /** The card, with its URLs on the public base URL (resolved now: call on a request thread). */
    public VerificationCard card(String reference, PublicVerificationView view, Locale locale) {
        return card(reference, view, locale, web.base());
    }

    /** The card, with its URLs on {@code base}. */
    public VerificationCard card(String reference, PublicVerificationView view, Locale locale, String base) {
        VerificationReport report = view.report();
        String state = view.state().name();
        List<VerificationCard.Check> checks = new ArrayList<>(4);
        Fragment integrity = fragment(report, "DOCUMENT_INTEGRITY");
        checks.add(check("INTEGRITY", integrity, locale));
        VerificationReport.PublicDeclaration declaration = report.declaration();
        String verifiedAt = declaration == null || declaration.verifiedAt() == null ? null
                : DATE_TIME.format(declaration.verifiedAt());
        String customsState = view.codeMatched() ? VerificationReport.VALID : integrity == null ? VerificationReport.SKIPPED
                : integrity.status();
        checks.add(new VerificationCard.Check("CUSTOMS_CHANNEL", customsState, text(locale, "check.CUSTOMS_CHANNEL.title"),
                text(locale, "check.CUSTOMS_CHANNEL." + customsState, verifiedAt == null ? "" : verifiedAt),
                view.codeMatched() ? "ASW verification " + (verifiedAt == null ? "" : "at " + verifiedAt) : null));
        checks.add(check("ISSUANCE", fragment(report, "DOCUMENT_STATUS"), locale));
        checks.add(check("ISSUER", fragment(report, "ISSUER_IDENTITY"), locale));

        VerificationCard.Facts facts = view.codeMatched()
                ? new VerificationCard.Facts(view.shortCode() == null ? null : ShortCode.display(view.shortCode()), declaration.exporterName(), view.issuingBody(),
                        issuance(declaration.issuanceStatus(), locale), view.certificateNumber(),
                        declaration.destinationCountry(), verifiedAt, view.consistency())
                : new VerificationCard.Facts(null, null, null, null, null, null, null, null);
        Map<String, String> labels = new LinkedHashMap<>();
        for (String label : LABELS) {
            labels.put(label, text(locale, "label." + label));
        }
        String shortCode = view.codeMatched() ? view.shortCode() : null;
        return new VerificationCard(locale.getLanguage(), reference, state, text(locale, "state." + state + ".headline"),
                text(locale, "state." + state + ".explanation"), List.copyOf(checks), facts, labels,
                pageUrl(base, reference, shortCode), shortCode == null ? null : qrUrl(base, reference, shortCode));
    }

    private VerificationCard.Check check(String type, Fragment fragment, Locale locale) {
        String state = fragment == null ? VerificationReport.SKIPPED : fragment.status();
        return new VerificationCard.Check(type, state, text(locale, "check." + type + ".title"),
                text(locale, "check." + type + "." + state), fragment == null ? null : fragment.reason());
    }

    private String issuance(String status, Locale locale) {
        String key = status == null ? "issuance.NONE" : "issuance." + status;
        return messages.getMessage(key, null, status == null ? text(locale, "issuance.NONE") : status, locale);
    }

    private static Fragment fragment(VerificationReport report, String type) {
        return report.fragments().stream().filter(f -> type.equals(f.type())).findFirst().orElse(null);
    }

    String text(Locale locale, String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    /** The verification page of a reference with its short code, or the form when either is null. */
    public static String pageUrl(String base, String reference, String shortCode) {
        if (reference == null || shortCode == null) {
            return base + "/verify";
        }
        return UriComponentsBuilder.fromUriString(base).pathSegment("verify", reference)
                .queryParam("code", shortCode).encode().build().toUriString();
    }

    /** The public QR image, which encodes {@link #pageUrl}. */
    public static String qrUrl(String base, String reference, String shortCode) {
        return UriComponentsBuilder.fromUriString(base).pathSegment("verify", reference, "qr.png")
                .queryParam("code", shortCode).encode().build().toUriString();
    }
}
