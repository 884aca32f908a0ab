package org.originbridge.ccpit.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.originbridge.ccpit.domain.EcoApplication;
import org.originbridge.ccpit.domain.CoApplication;
import org.originbridge.ccpit.domain.EcoRequest;
import org.originbridge.ccpit.domain.IssuanceStatus;
import org.originbridge.ccpit.domain.QrTokens;
import org.originbridge.testsupport.EmbeddedMongo;

class StoredQrTokensTest {

    static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");

    final AtomicInteger signed = new AtomicInteger();
    final QrTokens signer = a -> {
        String token = "token-" + signed.incrementAndGet() + "-" + a.certificateNumber();
        return new QrTokens.QrToken(token, T0.plus(Duration.ofDays(365)), "https://verify/qr/" + token);
    };

    static EcoApplication issued(String declarationId, String certificate, IssuanceStatus status) {
        EcoRequest request = new EcoRequest(declarationId, "SUP-A", "CERTIFICATE_OF_ORIGIN", "CN", null,
                new CoApplication("RCEP-1", new CoApplication.Trader("Exporter", null, "CN"), null, null, "JP", null,
                        List.of(), null, null));
        return new EcoApplication(request, "CN-CCPIT", "APP-1", status, IssuanceStatus.UNDER_REVIEW, 4, certificate, "S-1",
                "q", null, null, null, T0, null, 0);
    }

    @Test
    void aCertificateGetsOneTokenForEverAfterItsFirstIssue() {
        MongoDatabase database = EmbeddedMongo.freshDatabase("qr");
        StoredQrTokens tokens = new StoredQrTokens(signer, database);

        QrTokens.QrToken first = tokens.issue(issued("D1", "CERT-1", IssuanceStatus.ISSUED));
        QrTokens.QrToken again = tokens.issue(issued("D1", "CERT-1", IssuanceStatus.ISSUED));
        QrTokens.QrToken afterRestart = new StoredQrTokens(signer, database).issue(issued("D1", "CERT-1", IssuanceStatus.REVOKED));

        assertThat(again).isEqualTo(first);
        assertThat(afterRestart).isEqualTo(first);
        assertThat(signed).hasValue(1);
    }

    @Test
    void anotherCertificateGetsItsOwnToken() {
        StoredQrTokens tokens = new StoredQrTokens(signer, EmbeddedMongo.freshDatabase("qr"));

        QrTokens.QrToken one = tokens.issue(issued("D1", "CERT-1", IssuanceStatus.ISSUED));
        QrTokens.QrToken two = tokens.issue(issued("D2", "CERT-2", IssuanceStatus.ISSUED));

        assertThat(two.token()).isNotEqualTo(one.token());
        assertThat(signed).hasValue(2);
    }
}
