package org.originbridge.status.adapter.signing;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import org.originbridge.platform.signing.TokenVerifier;
import org.originbridge.status.domain.SigningKeyRecord;
import org.originbridge.status.domain.StatusReadStore;

/**
 * The public keys materialised from topic {@code signing-keys}: looked up by kid for verifying
 * tokens, and served together as the JWKS. Only public EC P-256 keys for ES256 are used: a record
 * whose JWK is unreadable, private or of another kind is ignored; a key past its notAfter is
 * neither served nor used.
 */
public class PublishedSigningKeys implements TokenVerifier.PublicKeys {

    private final StatusReadStore store;
    private final Clock clock;

    public PublishedSigningKeys(StatusReadStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Optional<TokenVerifier.PublicKey> find(String kid) {
        Instant now = clock.instant();
        return store.signingKey(kid).filter(k -> k.validAt(now))
                .flatMap(k -> publicJwk(k).map(jwk -> new TokenVerifier.PublicKey(jwk, k.service(), k.notAfter())));
    }

    /** The JWKS document: every valid published key, public parts only. */
    public String jwks() {
        Instant now = clock.instant();
        List<JWK> keys = new ArrayList<>();
        for (SigningKeyRecord record : store.signingKeys()) {
            if (record.validAt(now)) {
                publicJwk(record).ifPresent(keys::add);
            }
        }
        return new JWKSet(keys).toString(true);
    }

    private static Optional<ECKey> publicJwk(SigningKeyRecord record) {
        try {
            JWK jwk = JWK.parse(record.jwk());
            if (!(jwk instanceof ECKey ec) || ec.isPrivate() || !Curve.P_256.equals(ec.getCurve())
                    || !record.kid().equals(ec.getKeyID())
                    || (ec.getAlgorithm() != null && !JWSAlgorithm.ES256.equals(ec.getAlgorithm()))) {
                return Optional.empty();
            }
            return Optional.of(ec.toPublicJWK());
        } catch (ParseException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
