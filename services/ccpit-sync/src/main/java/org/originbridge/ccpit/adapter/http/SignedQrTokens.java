package org.originbridge.ccpit.adapter.http;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.originbridge.ccpit.domain.EcoApplication;
import org.originbridge.ccpit.domain.QrTokens;
import org.originbridge.platform.signing.TokenSigner;

/**
 * QR tokens: compact JWS of type {@code ccpit-qr}, ES256 with ccpit-sync's own key (platform
 * {@link TokenSigner}; public key on topic signing-keys), subject and claim {@code declarationId},
 * claim {@code certificateNumber}, valid for {@code ttl} (the certificate's validity, a year by
 * default). Signed once per issued certificate ({@link org.originbridge.ccpit.adapter.mongo.StoredQrTokens}
 * keeps it); whether the certificate is still ISSUED (not revoked) is answered online by the page
 * the QR code encodes: {@code <status-query public base>/api/v1/public/qr/<token>}.
 */
public class SignedQrTokens implements QrTokens {

    public static final String TYPE = "ccpit-qr";

    private final TokenSigner signer;
    private final Duration ttl;
    private final String publicBaseUrl;
    private final Clock clock;

    public SignedQrTokens(TokenSigner signer, Duration ttl, String publicBaseUrl, Clock clock) {
        this.signer = signer;
        this.ttl = ttl;
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
                : publicBaseUrl;
        this.clock = clock;
    }

    @Override
    public QrToken issue(EcoApplication application) {
        var now = clock.instant();
        String token = signer.sign(TYPE, application.declarationId(), Map.of(
                "declarationId", application.declarationId(),
                "certificateNumber", application.certificateNumber()), ttl);
        return new QrToken(token, now.plus(ttl), publicBaseUrl + "/api/v1/public/qr/" + token);
    }
}
