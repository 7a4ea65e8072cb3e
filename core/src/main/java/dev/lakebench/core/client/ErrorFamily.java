package dev.lakebench.core.client;

/**
 * The kind of failure an {@link ErrorCode} belongs to, and the error class that reports it. An error may be
 * raised with a code of its own family or of a more general one (a {@link QueryError} with
 * {@link ErrorCode#COLUMN_NOT_FOUND}), never of an unrelated one: {@code new TableError(QUERY_INVALID, ...)} is
 * refused. {@link #create} makes the matching class for any code.
 */
public enum ErrorFamily {
    AUTH(AuthError.class),
    TOKEN(TokenError.class),
    CREDENTIALS(CredentialsError.class),
    INGEST(IngestError.class),
    TABLE(TableError.class),
    QUERY(QueryError.class),
    WORKSPACE(WorkspaceError.class),
    SERVICE(ManagedServiceError.class);

    private final Class<? extends ManagedServiceError> errorClass;

    ErrorFamily(Class<? extends ManagedServiceError> errorClass) {
        this.errorClass = errorClass;
    }

    /** The class that reports errors of this family. */
    public Class<? extends ManagedServiceError> errorClass() {
        return errorClass;
    }

    /** Whether an error of class {@code type} may carry a code of this family (its own, or a more general one). */
    public boolean fits(Class<? extends ManagedServiceError> type) {
        return errorClass.isAssignableFrom(type);
    }

    /** The error of the class matching {@code code}'s family. */
    public static ManagedServiceError create(ErrorCode code, String problem, String hint, Throwable cause) {
        return switch (code.family()) {
            case AUTH -> new AuthError(code, problem, hint, cause);
            case TOKEN -> new TokenError(code, problem, hint, cause);
            case CREDENTIALS -> new CredentialsError(code, problem, hint, cause);
            case INGEST -> new IngestError(code, problem, hint, cause);
            case TABLE -> new TableError(code, problem, hint, cause);
            case QUERY -> new QueryError(code, problem, hint, cause);
            case WORKSPACE -> new WorkspaceError(code, problem, hint, cause);
            case SERVICE -> new ManagedServiceError(code, problem, hint, cause);
        };
    }

    /** The error of the class matching {@code code}'s family, without a cause. */
    public static ManagedServiceError create(ErrorCode code, String problem, String hint) {
        return create(code, problem, hint, null);
    }
}
