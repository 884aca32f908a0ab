package org.originbridge.status.adapter.http;

import java.time.Duration;

import org.originbridge.status.adapter.signing.PublishedSigningKeys;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /.well-known/jwks.json}: the public keys (JWK Set, RFC 7517) that verification codes
 * and QR tokens are signed with, published by asw-verification and ccpit-sync on topic
 * {@code signing-keys}. Public, no key needed, cacheable for 5 minutes: a verifier who meets an
 * unknown kid fetches it again. See docs/verifying-codes.md.
 */
@RestController
public class JwksController {

    static final MediaType JWK_SET = MediaType.parseMediaType("application/jwk-set+json");

    private final PublishedSigningKeys keys;

    public JwksController(PublishedSigningKeys keys) {
        this.keys = keys;
    }

    @GetMapping(path = "/.well-known/jwks.json")
    public ResponseEntity<String> jwks() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .contentType(JWK_SET).body(keys.jwks());
    }
}
