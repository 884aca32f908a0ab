package org.originbridge.asw.domain;

import java.util.List;

/** Port: the certificates a destination channel reports revoked, in order, after a cursor. */
public interface RevocationFeed {

    record Revoked(long sequence, String certificateNumber, String reason) {}

    /** The revocations after {@code after}, and the cursor to ask from next time. */
    record Page(List<Revoked> revoked, long next) {}

    /** The channels to poll. */
    List<String> channels();

    Page revokedAfter(String channel, long after);
}
