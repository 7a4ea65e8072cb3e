package dev.lakebench.core.backend.managed;

import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;

/** The process-wide HTTP client whose connection pool every managed backend shares. */
final class HttpClients {

    private static final OkHttpClient SHARED = new OkHttpClient.Builder()
            // deadlines are per call (the query's timeout); socket reads may legitimately wait that long
            .readTimeout(0, TimeUnit.MILLISECONDS)
            .writeTimeout(0, TimeUnit.MILLISECONDS)
            // retries are decided by RetryPolicy, which knows which requests are safe to send twice
            .retryOnConnectionFailure(false)
            .followRedirects(false)
            .build();

    private HttpClients() {
    }

    static OkHttpClient forSettings(ManagedSettings s) {
        return SHARED.newBuilder().connectTimeout(s.connectTimeout().toMillis(), TimeUnit.MILLISECONDS).build();
    }
}
