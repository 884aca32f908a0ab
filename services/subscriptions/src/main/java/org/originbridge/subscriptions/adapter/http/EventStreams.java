package org.originbridge.subscriptions.adapter.http;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.originbridge.subscriptions.config.SubscriptionsProperties;
import org.originbridge.subscriptions.domain.EventLog;
import org.originbridge.subscriptions.domain.EventType;
import org.originbridge.subscriptions.domain.StoredEvent;
import org.originbridge.subscriptions.domain.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The per-tenant event streams: each open stream remembers the last sequence it sent and its
 * viewer; every poll interval one thread reads, per stream, what the viewer sees after that
 * sequence from the shared log (MongoDB) and sends it ({@code id:} = sequence, {@code event:} =
 * type, {@code data:} = envelope). Reading the log rather than the topics means any instance
 * serves any stream and a reconnect with {@code Last-Event-ID} resumes exactly after it.
 */
public final class EventStreams implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EventStreams.class);
    private static final int PER_POLL = 200;

    /** Refused: this instance already holds its maximum of streams. */
    public static final class TooManyStreams extends RuntimeException {
        TooManyStreams() {
            super("too many streams on this instance", null, false, false);
        }
    }

    private static final class Stream {
        final SseEmitter emitter;
        final Viewer viewer;
        final Set<EventType> types;
        volatile long last;

        Stream(SseEmitter emitter, Viewer viewer, Set<EventType> types, long last) {
            this.emitter = emitter;
            this.viewer = viewer;
            this.types = types;
            this.last = last;
        }
    }

    private final EventLog events;
    private final SubscriptionsProperties.Stream settings;
    private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
    private final AtomicInteger open = new AtomicInteger();
    private final ScheduledFuture<?> poller;
    private volatile long lastHeartbeat = System.nanoTime();

    /** Polls every {@code stream.poll-interval} on Spring's {@link TaskScheduler} (the service's one scheduler). */
    public EventStreams(EventLog events, SubscriptionsProperties.Stream settings, TaskScheduler scheduler) {
        this.events = events;
        this.settings = settings;
        this.poller = scheduler.scheduleWithFixedDelay(this::pollSafely,
                scheduler.getClock().instant().plus(settings.pollInterval()), settings.pollInterval());
    }

    /** Opens a stream after {@code lastEventId} (null: from now on). */
    public SseEmitter open(Viewer viewer, Set<EventType> types, Long lastEventId) {
        if (open.incrementAndGet() > settings.maxStreams()) {
            open.decrementAndGet();
            throw new TooManyStreams();
        }
        SseEmitter emitter = new SseEmitter(settings.timeout().toMillis());
        Stream stream = new Stream(emitter, viewer, types, lastEventId == null ? events.lastSeq() : lastEventId);
        streams.add(stream);
        Runnable remove = () -> {
            if (streams.remove(stream)) {
                open.decrementAndGet();
            }
        };
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        try {
            emitter.send(SseEmitter.event().comment("stream open after " + stream.last).reconnectTime(2000));
        } catch (IOException e) {
            remove.run();
        }
        return emitter;
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            log.warn("event stream poll failed: {}", e.toString()); // the next poll tries again
        }
    }

    void poll() {
        boolean heartbeat = System.nanoTime() - lastHeartbeat >= settings.heartbeat().toNanos();
        if (heartbeat) {
            lastHeartbeat = System.nanoTime();
        }
        for (Stream s : streams) {
            try {
                List<StoredEvent> batch = events.after(s.viewer, s.last, null, s.types, PER_POLL);
                for (StoredEvent e : batch) {
                    s.emitter.send(SseEmitter.event().id(Long.toString(e.seq())).name(e.type().wireName())
                            .data(e.envelopeJson(), MediaType.APPLICATION_JSON));
                    s.last = e.seq();
                }
                if (batch.isEmpty() && heartbeat) {
                    s.emitter.send(SseEmitter.event().comment("keep-alive"));
                }
            } catch (IOException | IllegalStateException e) {
                s.emitter.completeWithError(e);
            }
        }
    }

    int openStreams() {
        return open.get();
    }

    @Override
    public void destroy() {
        poller.cancel(true);
        streams.forEach(s -> s.emitter.complete());
    }
}
