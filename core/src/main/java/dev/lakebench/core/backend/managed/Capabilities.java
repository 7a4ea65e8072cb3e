package dev.lakebench.core.backend.managed;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lakebench.core.client.AuthError;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.ManagedServiceError;
import dev.lakebench.core.client.TableError;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * What the service is found to support, probed once per connection and kept: whether bound {@code params} are
 * honoured (else values are inlined as escaped literals), and which ingest ledger can be kept (a plain table with
 * {@code ON CONFLICT}, else a deeplake table checked with {@code NOT EXISTS}). The body-size limit is learnt by
 * the ingest sink from 413 answers. An auth failure or an unreachable service is never taken for a missing
 * capability.
 */
final class Capabilities {

    static final String PROBE_VALUE = "lakebench-probe";

    private final BiFunction<String, List<Object>, JsonNode> query;
    private final Consumer<String> ddl;
    private volatile Boolean params;
    private volatile InsertBatch.Ledger ledger;

    /** {@code query} runs SQL with bound values as given; {@code ddl} runs a statement without values. */
    Capabilities(BiFunction<String, List<Object>, JsonNode> query, Consumer<String> ddl) {
        this.query = query;
        this.ddl = ddl;
    }

    /** True when the service binds {@code params}: {@code SELECT $1::TEXT} must answer the value sent. */
    boolean params() {
        Boolean p = params;
        if (p == null) {
            synchronized (this) {
                if (params == null) {
                    params = probeParams();
                }
                p = params;
            }
        }
        return p;
    }

    private boolean probeParams() {
        try {
            JsonNode r = query.apply("SELECT $1::TEXT AS " + "lakebench_probe", List.of(PROBE_VALUE));
            JsonNode first = r.path("rows").path(0);
            JsonNode v = first.isArray() ? first.path(0) : first.path("lakebench_probe");
            return PROBE_VALUE.equals(v.asText(null));
        } catch (ManagedServiceError e) {
            if (!refusal(e)) {
                throw e; // nothing learnt: not kept, the next statement with values probes again
            }
            return false;
        }
    }

    /**
     * True when an answer refuses the statement itself, which is what a probe learns from: the database refused it
     * (a QueryError or TableError), or the service broke on it (a bare 500, 502 or 504). An auth failure, a used-up
     * balance, a busy service (429, 503), a missing workspace, a timeout, an unreachable server or a lost connection say nothing about
     * the capability, and a fallback chosen on them would stay for the whole connection.
     */
    static boolean refusal(ManagedServiceError e) {
        if (e instanceof AuthError || ApiErrors.isConnectionFailure(e) || ApiErrors.isRedirect(e)) {
            return false;
        }
        if (e.code() == ErrorCode.QUERY_TIMEOUT || e.code() == ErrorCode.QUERY_CANCELLED) {
            return false;
        }
        if (e instanceof TableError) {
            return true;
        }
        String status = e.details().getOrDefault("http_status", "");
        return status.equals("500") || status.equals("502") || status.equals("504");
    }

    /** The ledger in use, created on first call. */
    InsertBatch.Ledger ledger() {
        InsertBatch.Ledger l = ledger;
        if (l == null) {
            synchronized (this) {
                if (ledger == null) {
                    ledger = createLedger();
                }
                l = ledger;
            }
        }
        return l;
    }

    private InsertBatch.Ledger createLedger() {
        try {
            ddl.accept(InsertBatch.LEDGER_DDL);
            return InsertBatch.Ledger.HEAP;
        } catch (ManagedServiceError e) {
            if (!refusal(e)) {
                throw e;
            }
            if (IdempotentDdl.alreadyExists(e)) {
                // another connection created the ledger at the same moment
                return InsertBatch.Ledger.HEAP;
            }
            // plain tables refused beside deeplake ones: keep the ledger as a deeplake table
            ddl.accept(InsertBatch.DEEPLAKE_LEDGER_DDL);
            return InsertBatch.Ledger.DEEPLAKE;
        }
    }
}
