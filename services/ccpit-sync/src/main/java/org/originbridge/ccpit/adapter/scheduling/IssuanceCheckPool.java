package org.originbridge.ccpit.adapter.scheduling;

import java.util.concurrent.Executor;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * A bounded pool for calls to the issuing authorities, which are mostly waiting, so many may be in flight per
 * instance: one runs a polling round's status checks ({@code originbridge.ccpit.poll-concurrency} threads), another
 * the e-CO requests of a batch of accepted declarations ({@code originbridge.ccpit.listener.concurrency}). Kept out of
 * the context as an {@code Executor} bean so Boot's own task executor is not replaced; shut down with the context.
 */
public class IssuanceCheckPool implements DisposableBean {

    private final ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();

    public IssuanceCheckPool(int threads) {
        this(threads, "issuance-check-");
    }

    public IssuanceCheckPool(int threads, String threadNamePrefix) {
        pool.setCorePoolSize(threads);
        pool.setMaxPoolSize(threads);
        pool.setThreadNamePrefix(threadNamePrefix);
        pool.setWaitForTasksToCompleteOnShutdown(true);
        pool.setAwaitTerminationSeconds(10);
        pool.initialize();
    }

    public Executor executor() {
        return pool;
    }

    @Override
    public void destroy() {
        pool.shutdown();
    }
}
