package org.originbridge.subscriptions.adapter.scheduling;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.originbridge.subscriptions.config.SubscriptionsProperties;
import org.originbridge.subscriptions.domain.Dispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;

/**
 * Runs {@link Dispatcher#dispatch} every poll interval on Spring's {@link TaskScheduler}, with a bounded worker pool
 * (fixed size, queue as long as the pool: a full pool rejects, the claim's lease lapses). Stopping
 * interrupts the workers: their in-flight deliveries stay leased and are taken again after the lease.
 */
public final class DispatcherLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DispatcherLoop.class);

    private final Dispatcher dispatcher;
    private final SubscriptionsProperties properties;
    private final TaskScheduler scheduler;
    private volatile ScheduledFuture<?> loop;
    private volatile ThreadPoolExecutor workers;

    public DispatcherLoop(Dispatcher dispatcher, SubscriptionsProperties properties, TaskScheduler scheduler) {
        this.dispatcher = dispatcher;
        this.properties = properties;
        this.scheduler = scheduler;
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
        loop = scheduler.scheduleWithFixedDelay(this::round,
                scheduler.getClock().instant().plus(properties.pollInterval()), properties.pollInterval());
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
            loop.cancel(true);
            workers.shutdownNow();
            loop = null;
        }
    }

    @Override
    public boolean isRunning() {
        return loop != null;
    }
}
