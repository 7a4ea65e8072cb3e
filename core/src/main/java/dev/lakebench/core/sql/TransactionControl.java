package dev.lakebench.core.sql;

/** What a statement of kind {@link SqlStatement.Kind#TRANSACTION} does to the session's transaction. */
public enum TransactionControl {
    /** {@code BEGIN}, {@code START TRANSACTION}. */
    BEGIN,
    /** {@code COMMIT}, {@code END}. */
    COMMIT,
    /** {@code ROLLBACK}, {@code ABORT}. */
    ROLLBACK;

    /** Reads a transaction statement. */
    public static TransactionControl of(SqlStatement st) {
        String first = st.significant().get(0).upper();
        return switch (first) {
            case "BEGIN", "START" -> BEGIN;
            case "COMMIT", "END" -> COMMIT;
            default -> ROLLBACK;
        };
    }
}
