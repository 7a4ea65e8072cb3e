package dev.lakebench.natives.engine;

import java.lang.reflect.Field;

/**
 * Keeps the engine driver from starting Java Flight Recorder on the first connection. The driver registers a
 * periodic JFR event for its memory monitor whenever a connection opens, which initialises the flight recorder:
 * about 0.5 s of CPU at every start (a third of a short command). The event reports only connections opened
 * with a monitor name ({@code jdbc_jfr_memory_monitor}), which Lakebench never sets, so nothing is lost.
 *
 * <p>The driver offers no switch for this; its monitor is marked as already set up instead. With a driver
 * version that has no such monitor nothing happens, and the engine starts as before.
 */
final class DriverMemoryMonitor {

    private static volatile boolean done;

    private DriverMemoryMonitor() {}

    static void skipFlightRecorder() {
        if (done) {
            return;
        }
        try {
            Class<?> monitor = Class.forName("org.duckdb.DuckDBMemoryMonitor");
            Field initialized = monitor.getDeclaredField("initialized");
            initialized.setAccessible(true);
            synchronized (monitor) { // the driver's init() is static synchronized
                initialized.setBoolean(null, true);
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // another driver version: it starts its monitor itself, only slower
        }
        done = true;
    }
}
