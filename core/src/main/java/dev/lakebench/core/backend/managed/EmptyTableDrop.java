package dev.lakebench.core.backend.managed;

import dev.lakebench.core.client.ManagedServiceError;
import dev.lakebench.core.store.Identifiers;

/**
 * Drops a table only while it holds no row, in one statement: a {@code DO} block that locks the table (a writer's
 * transaction under way finishes first, no new one starts), looks for a row and drops the table. The
 * {@code DELETE} endpoint cannot be made conditional, and a row check followed by a drop would leave a moment in
 * which rows another writer committed are dropped with the table. A table holding rows is answered with an
 * exception carrying {@link #KEPT}, so the answer says which of the two happened.
 */
final class EmptyTableDrop {

    /** The text of the exception the statement raises when the table holds rows. */
    static final String KEPT = "lakebench: the table holds rows and was not dropped";

    private EmptyTableDrop() {}

    /** {@code DO $lb$ BEGIN LOCK TABLE "t" ..; IF EXISTS (SELECT 1 FROM "t") THEN RAISE ..; END IF; DROP TABLE "t"; END $lb$}. */
    static String sql(String table) {
        String t = Identifiers.quote(Identifiers.checkTableName(table));
        return "DO $lb$ BEGIN LOCK TABLE " + t + " IN ACCESS EXCLUSIVE MODE; IF EXISTS (SELECT 1 FROM " + t
                + ") THEN RAISE EXCEPTION '" + KEPT + "'; END IF; DROP TABLE " + t + "; END $lb$";
    }

    /** True when the refusal is the statement's own answer for a table that holds rows. */
    static boolean kept(ManagedServiceError e) {
        return e.problem().contains(KEPT);
    }
}
