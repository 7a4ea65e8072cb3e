package dev.lakebench.core.index.engine;

import dev.lakebench.core.sql.VectorLiteral;

/**
 * The engine's text forms of vectors, read by {@link VectorLiteral} (the one reader the dialect uses too).
 *
 * @deprecated use {@link VectorLiteral}
 */
@Deprecated
public final class VectorText {

    private VectorText() {}

    /** See {@link VectorLiteral#reference}. */
    public static long reference(String s) {
        return VectorLiteral.reference(s);
    }

    /** See {@link VectorLiteral#floats}. */
    public static float[] floats(String s) {
        return VectorLiteral.floats(s);
    }

    /** See {@link VectorLiteral#rows}. */
    public static float[][] rows(String s) {
        return VectorLiteral.rows(s);
    }
}
