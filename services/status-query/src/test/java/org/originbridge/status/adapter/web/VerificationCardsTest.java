package org.originbridge.status.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.originbridge.status.domain.PublicVerificationView;
import org.originbridge.status.domain.VerificationReport;
import org.originbridge.status.domain.VerificationReport.Fragment;
import org.springframework.context.support.ResourceBundleMessageSource;

class VerificationCardsTest {

    private static final String BASE = "https://verify.example";
    private final VerificationCards cards = new VerificationCards(messages(), new WebProperties(null, List.of(),
            new WebProperties.Live(10, java.time.Duration.ofMinutes(1), java.time.Duration.ofSeconds(1),
                    java.time.Duration.ofSeconds(20))));

    @Test
    void aMatchedCodeWithAnIssuedEcoIsVerifiedWithItsFacts() {
        VerificationCard card = cards.card("RCEP-1", view("VALID", "VALID", "VALID", "ISSUED"), Locale.ENGLISH, BASE);

        assertThat(card.state()).isEqualTo("VERIFIED");
        assertThat(card.headline()).isEqualTo("Verified");
        assertThat(card.checks()).extracting(VerificationCard.Check::type)
                .containsExactly("INTEGRITY", "CUSTOMS_CHANNEL", "ISSUANCE", "ISSUER");
        assertThat(card.checks()).allSatisfy(c -> assertThat(c.state()).isEqualTo("VALID"));
        assertThat(card.checks().get(1).explanation()).contains("2026-11-20 08:00 UTC");
        assertThat(card.facts().shortCode()).isEqualTo("7K3M-9QXT-2BF");
        assertThat(card.facts().issuanceStatus()).isEqualTo("Issued");
        assertThat(card.facts().certificateNumber()).isEqualTo("CCPIT-1");
        assertThat(card.pageUrl()).isEqualTo(BASE + "/verify/RCEP-1?code=7K3M9QXT2BF");
        assertThat(card.qrUrl()).isEqualTo(BASE + "/verify/RCEP-1/qr.png?code=7K3M9QXT2BF");
    }

    @Test
    void anEcoNotIssuedYetIsPendingInTheReadersLanguage() {
        VerificationCard card = cards.card("RCEP-1", view("VALID", "SKIPPED", "VALID", "UNDER_REVIEW"), new Locale("vi"), BASE);

        assertThat(card.state()).isEqualTo("PENDING");
        assertThat(card.lang()).isEqualTo("vi");
        assertThat(card.headline()).isEqualTo("Đã xác minh, C/O điện tử chưa được cấp");
        assertThat(card.facts().issuanceStatus()).isEqualTo("Đang xem xét");
        assertThat(card.labels()).containsEntry("shortCode", "Mã xác minh");
    }

    @Test
    void aWrongCodeShowsNoFactsNoQrAndLinksToTheForm() {
        VerificationReport refused = new VerificationReport(new VerificationReport.Summary("INVALID", "INVALID", "SKIPPED",
                "SKIPPED"), List.of(new Fragment("DOCUMENT_INTEGRITY", "OriginBridgeVerificationCode", "INVALID", "no match"),
                new Fragment("DOCUMENT_STATUS", "IssuanceStatus", "SKIPPED", "not checked"),
                new Fragment("ISSUER_IDENTITY", "AswIssuerIdentity", "SKIPPED", "not checked")),
                new VerificationReport.PublicDeclaration("RCEP-1", null, null, null, null));

        VerificationCard card = cards.card("RCEP-1", new PublicVerificationView(refused, null, null, null, null), Locale.ENGLISH, BASE);

        assertThat(card.state()).isEqualTo("NOT_VERIFIED");
        assertThat(card.checks().get(1).state()).isEqualTo("INVALID");
        assertThat(card.facts()).isEqualTo(new VerificationCard.Facts(null, null, null, null, null, null, null, null));
        assertThat(card.qrUrl()).isNull();
        assertThat(card.pageUrl()).isEqualTo(BASE + "/verify");
    }

    @Test
    void urlsEncodeWhatTheyCarry() {
        assertThat(VerificationCards.pageUrl(BASE, "R 1", "A&B")).isEqualTo(BASE + "/verify/R%201?code=A%26B");
    }

    private static PublicVerificationView view(String integrity, String issuance, String issuer, String issuanceStatus) {
        String all = List.of(integrity, issuance, issuer).stream().allMatch("VALID"::equals) ? "VALID" : "SKIPPED";
        VerificationReport report = new VerificationReport(new VerificationReport.Summary(all, integrity, issuance, issuer),
                List.of(new Fragment("DOCUMENT_INTEGRITY", "OriginBridgeVerificationCode", integrity, "matches"),
                        new Fragment("DOCUMENT_STATUS", "CcpitIssuanceStatus", issuance, "e-CO"),
                        new Fragment("ISSUER_IDENTITY", "AswIssuerIdentity", issuer, "ok")),
                new VerificationReport.PublicDeclaration("RCEP-1", "Ningbo Bright Lamps", "VN", issuanceStatus,
                        Instant.parse("2026-11-20T08:00:05Z")));
        return new PublicVerificationView(report, "7K3M9QXT2BF", "ISSUED".equals(issuanceStatus) ? "CCPIT-1" : null,
                "CCPIT Zhejiang", "The issued certificate matches the declaration; no actual voyage event is known yet.");
    }

    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("i18n/messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
