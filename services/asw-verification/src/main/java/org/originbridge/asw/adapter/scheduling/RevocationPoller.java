package org.originbridge.asw.adapter.scheduling;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.originbridge.asw.domain.RevocationFeed;
import org.originbridge.asw.domain.VerifyDeclaration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Asks every configured channel, every {@code originbridge.asw.revocation-poll-interval} (10 s by
 * default), for the certificates it revoked since the last answer, and hands each to the use case
 * (which publishes NOT_VERIFIED "revoked by &lt;channel&gt;" as the next version of every declaration
 * it had verified with that certificate). The cursor per channel is kept in memory and moves only
 * after a page was handled: a failure (channel down, publishing failed) asks again next time; a
 * restart asks from the beginning, which publishes nothing new (a revocation is recorded once).
 */
@Component
public class RevocationPoller {

    private static final Logger log = LoggerFactory.getLogger(RevocationPoller.class);

    private final RevocationFeed feed;
    private final VerifyDeclaration verify;
    private final Map<String, Long> cursors = new ConcurrentHashMap<>();

    public RevocationPoller(RevocationFeed feed, VerifyDeclaration verify) {
        this.feed = feed;
        this.verify = verify;
    }

    @Scheduled(fixedDelayString = "${originbridge.asw.revocation-poll-interval:10s}",
            initialDelayString = "${originbridge.asw.revocation-poll-interval:10s}")
    public void poll() {
        for (String channel : feed.channels()) {
            try {
                pollOnce(channel);
            } catch (RuntimeException e) {
                log.warn("Revocations of {} not read this time: {}", channel, e.toString());
            }
        }
    }

    /** One page of one channel; returns the number of revocations handled. */
    public int pollOnce(String channel) {
        long after = cursors.getOrDefault(channel, 0L);
        RevocationFeed.Page page = feed.revokedAfter(channel, after);
        for (RevocationFeed.Revoked revoked : page.revoked()) {
            verify.revokedCertificate(revoked.certificateNumber(), channel, revoked.reason());
        }
        cursors.put(channel, page.next());
        return page.revoked().size();
    }
}
