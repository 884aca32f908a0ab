package org.originbridge.ccpit.adapter.scheduling;

import java.util.concurrent.Executor;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The bounded pool that runs one polling round's status checks concurrently ({@code originbridge.ccpit.poll-concurrency}
 * threads): calls to the issuing authorities are mostly waiting, so many may be in flight per instance. Kept out of
 * the context as an {@code Executor} bean so Boot's own task executor is not replaced; shut down with the context.
 */
public class IssuanceCheckPool implements DisposableBean {

    private final ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();

    public IssuanceCheckPool(int threads) {
        pool.setCorePoolSize(threads);
        pool.setMaxPoolSize(threads);
        pool.setThreadNamePrefix("issuance-check-");
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
