package org.originbridge.status.adapter.web;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.originbridge.status.domain.PublicRoute;
import org.originbridge.status.domain.StatusQueries;
import org.originbridge.status.domain.route.DeliveryRoute;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live update streams ({@code GET /api/v1/public/verifications/{ref}/events?code=}), one
 * {@link SseEmitter} per browser, bounded by {@code originbridge.web.live.max-streams}.
 * <p>
 * Several status-query instances each consume only some partitions of the topics, so the instance
 * that holds a browser's stream may never see the event that changed its declaration. Each instance
 * therefore re-reads the shared read model (MongoDB) every {@code poll-interval} for the
 * (reference, code, language) triples it streams, once per triple whatever the number of
 * browsers, and pushes a {@code card} event to them when the card changed, and a {@code route}
 * event ({@link RouteChange}: position and ETA) when the declaration's delivery route changed (a
 * new DCSA/EDIFACT port event changes the route but not the card). Whichever instance
 * applied the event, every stream sees the change within one poll interval; nothing here depends
 * on partition assignment. A {@code :} comment line keeps idle streams open through proxies.
 */
public final class LiveVerifications implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LiveVerifications.class);

    /** What a stream follows. */
    record Key(String reference, String code, Locale locale, String base) {
    }

    private static final class Stream {
        final SseEmitter emitter;
        volatile VerificationCard last;
        volatile Optional<PublicRoute> lastRoute;

        Stream(SseEmitter emitter, VerificationCard first, Optional<PublicRoute> firstRoute) {
            this.emitter = emitter;
            this.last = first;
            this.lastRoute = firstRoute;
        }
    }

    /**
     * The payload of a {@code route} event: where the cargo is now and its ETA (the full route is
     * at {@code /api/v1/public/routes/{ref}?code=}, which the route element re-reads on this event).
     */
    public record RouteChange(String referenceNumber, DeliveryRoute.Position position, DeliveryRoute.Eta eta) {
    }

    /** Refused because this instance already holds {@code max-streams} streams. */
    public static final class TooManyStreams extends RuntimeException {
        TooManyStreams() {
            super("too many live streams on this instance", null, false, false);
        }
    }

    private final StatusQueries queries;
    private final VerificationCards cards;
    private final WebProperties.Live settings;
    private final Map<Key, Set<Stream>> streams = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final ScheduledFuture<?> poller;
    private volatile long lastHeartbeat = System.nanoTime();

    /** Polls every {@code poll-interval} on Spring's {@link TaskScheduler} (the service's one scheduler). */
    public LiveVerifications(StatusQueries queries, VerificationCards cards, WebProperties.Live settings, MeterRegistry meters,
            TaskScheduler scheduler) {
        this.queries = queries;
        this.cards = cards;
        this.settings = settings;
        Gauge.builder("originbridge.status.web.live.streams", open, AtomicInteger::get)
                .description("open live verification streams on this instance").register(meters);
        this.poller = scheduler.scheduleWithFixedDelay(this::pollSafely,
                scheduler.getClock().instant().plus(settings.pollInterval()), settings.pollInterval());
    }

    /**
     * Opens a stream: the current card at once; then a new card whenever it changes. A code that
     * does not match gets its (NOT_VERIFIED) card and the stream ends: nothing to follow.
     */
    public SseEmitter open(String reference, String code, Locale locale, String base) {
        if (open.incrementAndGet() > settings.maxStreams()) {
            open.decrementAndGet();
            throw new TooManyStreams();
        }
        SseEmitter emitter = new SseEmitter(settings.timeout().toMillis());
        try {
            Key key = new Key(reference, code, locale, base);
            VerificationCard card = cards.card(reference, queries.verifyForDisplay(reference, code), locale, base);
            emitter.send(SseEmitter.event().name("card").data(card, MediaType.APPLICATION_JSON));
            if (card.qrUrl() != null) { // the code matched: follow it
                Stream stream = new Stream(emitter, card, queries.publicRoute(reference, code));
                streams.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(stream);
                Runnable remove = () -> remove(key, stream);
                emitter.onCompletion(remove);
                emitter.onTimeout(remove);
                emitter.onError(e -> remove.run());
                return emitter;
            }
            emitter.complete();
        } catch (IOException | RuntimeException e) {
            emitter.completeWithError(e);
        }
        open.decrementAndGet();
        return emitter;
    }

    int openStreams() {
        return open.get();
    }

    private void remove(Key key, Stream stream) {
        Set<Stream> set = streams.get(key);
        if (set != null && set.remove(stream)) {
            open.decrementAndGet();
            if (set.isEmpty()) {
                streams.remove(key, set);
            }
        }
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            // the next poll tries again; a failing read model must not end the live updates
            log.warn("live verification poll failed: {}", e.toString());
        }
    }

    /** One round: re-read every followed triple once, push changed cards, send heartbeats when due. */
    void poll() {
        boolean heartbeat = System.nanoTime() - lastHeartbeat >= settings.heartbeat().toNanos();
        if (heartbeat) {
            lastHeartbeat = System.nanoTime();
        }
        for (Map.Entry<Key, Set<Stream>> entry : streams.entrySet()) {
            Key key = entry.getKey();
            VerificationCard card = cards.card(key.reference(), queries.verifyForDisplay(key.reference(), key.code()),
                    key.locale(), key.base());
            Optional<PublicRoute> route = queries.publicRoute(key.reference(), key.code());
            for (Stream stream : entry.getValue()) {
                try {
                    boolean sent = false;
                    if (!card.equals(stream.last)) {
                        stream.last = card;
                        stream.emitter.send(SseEmitter.event().name("card").data(card, MediaType.APPLICATION_JSON));
                        sent = true;
                    }
                    if (!route.equals(stream.lastRoute)) {
                        stream.lastRoute = route;
                        PublicRoute r = route.orElse(null);
                        stream.emitter.send(SseEmitter.event().name("route").data(r == null
                                ? new RouteChange(key.reference(), null, null)
                                : new RouteChange(r.referenceNumber(), r.position(), r.eta()), MediaType.APPLICATION_JSON));
                        sent = true;
                    }
                    if (!sent && heartbeat) {
                        stream.emitter.send(SseEmitter.event().comment("keep-alive"));
                    }
                } catch (IOException | IllegalStateException e) {
                    // the browser went away: the emitter's callbacks remove the stream
                    stream.emitter.completeWithError(e);
                    remove(key, stream);
                }
            }
        }
    }

    @Override
    public void destroy() {
        poller.cancel(true);
        streams.values().forEach(set -> set.forEach(s -> s.emitter.complete()));
        streams.clear();
    }
}
