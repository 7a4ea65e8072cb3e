package dev.lakebench.core.backend.managed;

import dev.lakebench.core.client.ManagedSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
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
            // small JSON requests must not wait for delayed ACKs (Nagle): ~40 ms per call on Linux otherwise
            .socketFactory(new NoDelaySocketFactory())
            .build();

    private HttpClients() {}

    /** Plain sockets with TCP_NODELAY. */
    static final class NoDelaySocketFactory extends SocketFactory {
        private final SocketFactory plain = SocketFactory.getDefault();

        @Override
        public Socket createSocket() throws IOException {
            Socket s = plain.createSocket();
            s.setTcpNoDelay(true);
            return s;
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return noDelay(plain.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
            return noDelay(plain.createSocket(host, port, local, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return noDelay(plain.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress local, int localPort) throws IOException {
            return noDelay(plain.createSocket(address, port, local, localPort));
        }

        private static Socket noDelay(Socket s) throws IOException {
            s.setTcpNoDelay(true);
            return s;
        }
    }

    static OkHttpClient forSettings(ManagedSettings s) {
        return SHARED.newBuilder()
                .connectTimeout(s.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .build();
    }
}
