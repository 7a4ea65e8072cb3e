package dev.lakebench.bench;

/** The benchmark harness entry point. */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) {
    }
}
