package dev.lakebench.core.concurrent;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Every thread Lakebench starts has a name that says whose it is (visible in thread dumps and profilers). */
public final class NamedThreads {

    private NamedThreads() {}

    public static ThreadFactory factory(String prefix, boolean daemon) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(daemon);
            return t;
        };
    }

    public static ExecutorService fixed(String prefix, int threads) {
        return Executors.newFixedThreadPool(threads, factory(prefix, true));
    }

    public static ScheduledExecutorService scheduled(String prefix) {
        return Executors.newSingleThreadScheduledExecutor(factory(prefix, true));
    }
}
