package org.originbridge.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs one call on several threads released at the same instant and returns every result, in thread order: how a
 * test shows that a guard (an insert-if-absent, a compare-and-set, a lease) lets exactly one of concurrent writers win.
 */
public final class Races {

    /** One contender's call; {@code i} is its number, 0 to threads - 1. */
    @FunctionalInterface
    public interface Contender<T> {
        T call(int i) throws Exception;
    }

    private Races() {
    }

    /** Every contender's result (a call that throws fails the race with its exception). Waits 60 s at most for each. */
    public static <T> List<T> run(int threads, Contender<T> contender) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return contender.call(n);
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** How many contenders' calls returned {@code true}. */
    public static int winners(int threads, Contender<Boolean> contender) throws Exception {
        return (int) run(threads, contender).stream().filter(Boolean::booleanValue).count();
    }
}
