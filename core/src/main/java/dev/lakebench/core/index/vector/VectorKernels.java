package dev.lakebench.core.index.vector;

/**
 * Picks the vector kernel once: SIMD when the JVM runs with {@code --add-modules jdk.incubator.vector} (our
 * launchers pass it), the scalar loops otherwise. The SIMD class is only loaded after the module check, so a
 * JVM without the module never touches the incubator classes.
 */
public final class VectorKernels {

    private static final VectorKernel KERNEL = pick();

    private VectorKernels() {}

    public static VectorKernel get() {
        return KERNEL;
    }

    /** The plain-Java kernel, always available (tests compare the two). */
    public static VectorKernel scalar() {
        return new ScalarKernel();
    }

    /** True when the Vector API module is part of this JVM. */
    public static boolean simdAvailable() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    private static VectorKernel pick() {
        if (!simdAvailable() || Boolean.getBoolean("lakebench.vector.scalar")) {
            return new ScalarKernel();
        }
        try {
            return (VectorKernel) Class.forName("dev.lakebench.core.index.vector.PanamaKernel")
                    .getDeclaredConstructor()
                    .newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return new ScalarKernel();
        }
    }
}
