package org.originbridge.ccpit.adapter.http;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.originbridge.ccpit.domain.EcoApplication;
import org.originbridge.ccpit.domain.QrTokens;
import org.originbridge.platform.signing.TokenSigner;

/**
 * QR tokens: compact JWS of type {@code ccpit-qr} (subject and claim {@code declarationId}, claims
 * {@code certificateNumber} and {@code status}), valid for a short TTL and re-signed on every
 * request. The QR code encodes {@code <status-query public base>/api/v1/public/qr/<token>}.
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
                "certificateNumber", application.certificateNumber(),
                "status", application.status().name()), ttl);
        return new QrToken(token, now.plus(ttl), publicBaseUrl + "/api/v1/public/qr/" + token);
    }
}
