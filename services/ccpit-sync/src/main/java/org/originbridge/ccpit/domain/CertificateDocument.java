package org.originbridge.ccpit.domain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The issued certificate's document as retrieved from the issuing authority.
 *
 * @param contentType its media type (application/pdf, application/xml)
 * @param content     the bytes, unchanged
 */
public record CertificateDocument(String contentType, byte[] content) {

    /** Larger documents are refused (an authority's certificate is a few kilobytes). */
    public static final int MAX_BYTES = 2 * 1024 * 1024;

    public CertificateDocument {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(content, "content");
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    /** Hex SHA-256 of the bytes: published on the ISSUED event as {@code documentSha256}. */
    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CertificateDocument d && d.contentType.equals(contentType)
                && java.util.Arrays.equals(d.content, content);
    }

    @Override
    public int hashCode() {
        return 31 * contentType.hashCode() + java.util.Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "CertificateDocument[" + contentType + ", " + content.length + " bytes]";
    }
}
