package org.originbridge.status.adapter.portal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.originbridge.platform.signing.TokenSigner;
import org.originbridge.status.domain.EcoDocument;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The machine-readable signed copy of an e-CO: a JSON document
 * <pre>{"format": "originbridge-eco-copy/1", "eco": {...}, "jws": "&lt;compact JWS&gt;"}</pre>
 * where {@code eco} is the e-CO exactly as the importer API returns it and {@code jws} is a compact
 * JWS (ES256, header {@code kid} and {@code typ: originbridge-eco-copy}) signed with status-query's
 * OWN key, whose claims are {@code iss=originbridge}, {@code sub} = the declaration id, {@code iat},
 * {@code exp} (the copy's validity) and {@code eco} = the same object (absent fields are left out
 * of both, never written as null). The public key is published
 * on topic {@code signing-keys} like asw-verification's and ccpit-sync's, so it is served at
 * {@code /.well-known/jwks.json}: anyone verifies the JWS against that JWK Set and compares its
 * {@code eco} claim with the document (docs/verifying-codes.md). Status-query signs only when it
 * has a signing key directory (SIGNING_KEY_DIR); without one the copy is unavailable.
 */
public final class SignedEcoCopies {

    public static final String FORMAT = "originbridge-eco-copy/1";

    private final java.util.function.Supplier<TokenSigner> signer;
    private final JsonMapper json;
    private final PortalProperties properties;

    public SignedEcoCopies(java.util.function.Supplier<TokenSigner> signer, JsonMapper json, PortalProperties properties) {
        this.signer = signer;
        this.json = json;
        this.properties = properties;
    }

    /** Whether status-query has a signing key (else {@link #copy} refuses). */
    public boolean available() {
        return signer.get() != null;
    }

    /** The signed copy as JSON text. */
    public String copy(EcoDocument eco) {
        TokenSigner tokens = signer.get();
        if (tokens == null) {
            throw new IllegalStateException("status-query has no signing key (SIGNING_KEY_DIR)");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> content = (Map<String, Object>) withoutNulls(json.convertValue(eco,
                new TypeReference<Map<String, Object>>() {
                }));
        String jws = tokens.sign(properties.copyType(), eco.declarationId(), Map.of("eco", content),
                properties.copyValidity());
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("format", FORMAT);
        document.put("eco", content);
        document.put("jws", jws);
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(document);
    }

    /** Absent fields are left out (not null) so that the document and the signed claim read the same. */
    static Object withoutNulls(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                if (v != null) {
                    out.put(k.toString(), withoutNulls(v));
                }
            });
            return out;
        }
        if (value instanceof java.util.List<?> list) {
            return list.stream().filter(java.util.Objects::nonNull).map(SignedEcoCopies::withoutNulls).toList();
        }
        return value;
    }
}
