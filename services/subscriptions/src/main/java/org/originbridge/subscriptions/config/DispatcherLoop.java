package org.originbridge.subscriptions.config;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.originbridge.subscriptions.domain.Dispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs {@link Dispatcher#dispatch} every poll interval on one thread, with a bounded worker pool
 * (fixed size, queue as long as the pool: a full pool rejects, the claim's lease lapses). Stopping
 * interrupts the workers: their in-flight deliveries stay leased and are taken again after the lease.
 */
public final class DispatcherLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DispatcherLoop.class);

    private final Dispatcher dispatcher;
    private final SubscriptionsProperties properties;
    private volatile ScheduledExecutorService loop;
    private volatile ThreadPoolExecutor workers;

    public DispatcherLoop(Dispatcher dispatcher, SubscriptionsProperties properties) {
        this.dispatcher = dispatcher;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        AtomicInteger n = new AtomicInteger();
        workers = new ThreadPoolExecutor(properties.workers(), properties.workers(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(properties.workers()), r -> {
                    Thread t = new Thread(r, "webhook-worker-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        loop = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "webhook-dispatcher");
            t.setDaemon(true);
            return t;
        });
        long every = properties.pollInterval().toMillis();
        loop.scheduleWithFixedDelay(this::round, every, every, TimeUnit.MILLISECONDS);
    }

    private void round() {
        try {
            dispatcher.dispatch(workers);
        } catch (RuntimeException e) {
            // MongoDB unavailable for a moment: the next round tries again; nothing is lost (state is in MongoDB)
            log.warn("webhook dispatch round failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (loop != null) {
            loop.shutdownNow();
            workers.shutdownNow();
            loop = null;
        }
    }

    @Override
    public boolean isRunning() {
        return loop != null;
    }
}
