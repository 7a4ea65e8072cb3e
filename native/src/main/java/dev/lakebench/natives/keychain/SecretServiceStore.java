package dev.lakebench.natives.keychain;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.util.Optional;

/**
 * The freedesktop Secret Service (GNOME Keyring, KWallet) through libsecret. Items carry the attributes
 * {@code service} and {@code account}; supported only where libsecret loads and a session bus answers.
 */
public final class SecretServiceStore implements CredentialStore {

    /** The libsecret and GLib calls used (the simple password API; attributes are name/value varargs ending in NULL). */
    interface LibSecret extends Library {
        Pointer secret_schema_new(String name, int flags, Object... attributes);

        int secret_password_store_sync(
                Pointer schema,
                String collection,
                String label,
                String password,
                Pointer cancellable,
                PointerByReference error,
                Object... attributes);

        Pointer secret_password_lookup_sync(
                Pointer schema, Pointer cancellable, PointerByReference error, Object... attributes);

        int secret_password_clear_sync(
                Pointer schema, Pointer cancellable, PointerByReference error, Object... attributes);

        void secret_password_free(Pointer password);
    }

    interface GLib extends Library {
        void g_error_free(Pointer error);
    }

    private static final String SCHEMA = "dev.lakebench.Credential";
    private static final int ATTRIBUTE_STRING = 0;

    private volatile Boolean supported;
    private LibSecret lib;
    private GLib glib;
    private Pointer schema;

    @Override
    public String name() {
        return "Secret Service";
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public synchronized boolean isSupported() {
        if (supported == null) {
            supported = probe();
        }
        return supported;
    }

    private boolean probe() {
        if (!Platform.isLinux() && !Platform.isFreeBSD()) {
            return false;
        }
        if (!namesABus(System.getenv("DBUS_SESSION_BUS_ADDRESS"))) {
            return false;
        }
        try {
            lib = Native.load("secret-1", LibSecret.class);
            glib = Native.load("glib-2.0", GLib.class);
            schema = lib.secret_schema_new(SCHEMA, 0, "service", ATTRIBUTE_STRING, "account", ATTRIBUTE_STRING, null);
            PointerByReference error = new PointerByReference();
            Pointer p = lib.secret_password_lookup_sync(
                    schema, null, error, "service", "lakebench.probe", "account", "probe", null);
            if (p != null) {
                lib.secret_password_free(p);
            }
            if (error.getValue() != null) {
                glib.g_error_free(error.getValue());
                return false;
            }
            return true;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return false;
        }
    }

    /**
     * Whether a session bus address names a bus: not when unset, or {@code disabled:} (what the workbench's launcher
     * sets where no bus could be reached or started).
     */
    static boolean namesABus(String address) {
        return address != null && !address.isBlank() && !address.strip().startsWith("disabled:");
    }

    private void require() {
        if (!isSupported()) {
            throw new CredentialStoreException(
                    "The Secret Service is not available (libsecret missing or no D-Bus session with a keyring)");
        }
    }

    @Override
    public Optional<String> read(String service, String account) {
        require();
        PointerByReference error = new PointerByReference();
        Pointer p = lib.secret_password_lookup_sync(schema, null, error, "service", service, "account", account, null);
        check(error, "reading");
        if (p == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(p.getString(0, "UTF-8"));
        } finally {
            lib.secret_password_free(p);
        }
    }

    @Override
    public void write(String service, String account, String secret) {
        require();
        PointerByReference error = new PointerByReference();
        int ok = lib.secret_password_store_sync(
                schema,
                null,
                "Lakebench token for " + account,
                secret,
                null,
                error,
                "service",
                service,
                "account",
                account,
                null);
        check(error, "storing");
        if (ok == 0) {
            throw new CredentialStoreException("The Secret Service refused to store the credential for " + account);
        }
    }

    @Override
    public boolean delete(String service, String account) {
        require();
        PointerByReference error = new PointerByReference();
        int removed = lib.secret_password_clear_sync(schema, null, error, "service", service, "account", account, null);
        check(error, "deleting");
        return removed != 0;
    }

    private void check(PointerByReference error, String what) {
        Pointer e = error.getValue();
        if (e == null) {
            return;
        }
        // GError { GQuark domain; gint code; gchar *message; }
        String message =
                e.getPointer(8) == null ? "unknown error" : e.getPointer(8).getString(0, "UTF-8");
        glib.g_error_free(e);
        throw new CredentialStoreException(
                "The Secret Service failed " + what + " a credential: " + message + " (is the keyring unlocked?)");
    }
}
