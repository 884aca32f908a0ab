package org.originbridge.status.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.IntStream;

import org.originbridge.origin.consistency.ConsistencyReport;

/**
 * Publishes each accepted declaration's consistency report as a fact when it changes. status-query publishes it
 * because it is where the three inputs already meet: the declaration's accepted content, its issuance (with the
 * issued certificate's content) and its voyage (logistics events joined by the consignment's references, as the
 * status view shows them). The report is origin-core's {@code ConsistencyCheck} through {@link Consistency}, the
 * same call the status view and the public check make.
 *
 * <p>After every fact about a declaration (and every logistics event, for each declaration it names) the report
 * is recomputed from the read model; it is published only when its hash differs from the last published one, so
 * a redelivery or a replay (the same inputs, the same report) publishes nothing. A report that was never
 * published and has nothing compared yet ({@code NOT_COMPARED}) is not published either. Checks of one
 * declaration run one at a time in this instance (a striped lock), so an older report is never published after
 * a newer one from here. If the process stops between the send and the record of its hash, the next fact about
 * the declaration (the redelivered one included) sends the same report again (same {@code reportHash}).
 */
public final class ConsistencyFacts {

    private final StatusReadStore store;
    private final DeclarationsByReference references;
    private final PublishedConsistency published;
    private final ConsistencyPublisher publisher;
    private final Clock clock;
    private final Consistency consistency;
    private final ReentrantLock[] locks = IntStream.range(0, 64).mapToObj(i -> new ReentrantLock())
            .toArray(ReentrantLock[]::new);

    public ConsistencyFacts(StatusReadStore store, DeclarationsByReference references, PublishedConsistency published,
            ConsistencyPublisher publisher, Consistency consistency, Clock clock) {
        this.store = Objects.requireNonNull(store);
        this.references = Objects.requireNonNull(references);
        this.published = Objects.requireNonNull(published);
        this.publisher = Objects.requireNonNull(publisher);
        this.consistency = Objects.requireNonNull(consistency);
        this.clock = Objects.requireNonNull(clock);
    }

    /** A logistics event was recorded: checks every declaration whose consignment it names. */
    public void eventRecorded(LogisticsEvent event) {
        references.declarationIdsReferencedBy(event).forEach(this::check);
    }

    /**
     * Recomputes the declaration's report and publishes it if it changed.
     *
     * @return the fact published, empty when nothing was (unchanged, not accepted, or nothing compared yet)
     */
    public Optional<ConsistencyFact> check(String declarationId) {
        ReentrantLock lock = locks[Math.floorMod(declarationId.hashCode(), locks.length)];
        lock.lock();
        try {
            Optional<DeclarationProjection> found = store.findDeclaration(declarationId)
                    .filter(p -> p.declaration() != null && p.intake() != null
                            && IntakeRecord.ACCEPTED.equals(p.intake().outcome()));
            if (found.isEmpty()) {
                return Optional.empty();
            }
            DeclarationProjection p = found.get();
            List<LogisticsEvent> events = Milestones.visible(StatusQueries.consignmentEvents(store, p));
            ConsistencyReport report = consistency.report(p, events);
            String hash = sha256(report.toString());
            Optional<String> last = published.reportHash(declarationId);
            if (last.map(hash::equals).orElse(report.status() == ConsistencyReport.Status.NOT_COMPARED)) {
                return Optional.empty();
            }
            IssuanceRecord i = p.issuance();
            ConsistencyFact fact = new ConsistencyFact(declarationId, p.supplierId(), p.referenceNumber(), report,
                    sha256(p.declaration().toString()),
                    i != null && i.issuedContent() != null ? i.sequence() : null,
                    events.stream().map(LogisticsEvent::eventId).sorted().toList(), hash, clock.instant());
            publisher.publish(fact);
            published.published(declarationId, hash);
            return Optional.of(fact);
        } finally {
            lock.unlock();
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
