package dev.lakebench.natives.keychain;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The macOS login keychain through the Security framework's generic-password items (service, account). */
public final class MacKeychainStore implements CredentialStore {

    interface Security extends Library {
        int SecKeychainAddGenericPassword(
                Pointer keychain,
                int serviceLength,
                byte[] service,
                int accountLength,
                byte[] account,
                int passwordLength,
                byte[] password,
                PointerByReference item);

        int SecKeychainFindGenericPassword(
                Pointer keychains,
                int serviceLength,
                byte[] service,
                int accountLength,
                byte[] account,
                IntByReference passwordLength,
                PointerByReference password,
                PointerByReference item);

        int SecKeychainItemModifyAttributesAndData(Pointer item, Pointer attributes, int length, byte[] data);

        int SecKeychainItemDelete(Pointer item);

        int SecKeychainItemFreeContent(Pointer attributes, Pointer data);
    }

    interface CoreFoundation extends Library {
        void CFRelease(Pointer ref);
    }

    private static final int NOT_FOUND = -25300;

    private volatile Boolean supported;
    private Security security;
    private CoreFoundation cf;

    @Override
    public String name() {
        return "macOS Keychain";
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public synchronized boolean isSupported() {
        if (supported == null) {
            supported = false;
            if (Platform.isMac()) {
                try {
                    security = Native.load("Security", Security.class);
                    cf = Native.load("CoreFoundation", CoreFoundation.class);
                    supported = true;
                } catch (UnsatisfiedLinkError e) {
                    supported = false;
                }
            }
        }
        return supported;
    }

    private void require() {
        if (!isSupported()) {
            throw new CredentialStoreException("The macOS Keychain is not available on this system");
        }
    }

    @Override
    public Optional<String> read(String service, String account) {
        require();
        byte[] s = service.getBytes(StandardCharsets.UTF_8);
        byte[] a = account.getBytes(StandardCharsets.UTF_8);
        IntByReference length = new IntByReference();
        PointerByReference data = new PointerByReference();
        int status = security.SecKeychainFindGenericPassword(null, s.length, s, a.length, a, length, data, null);
        if (status == NOT_FOUND) {
            return Optional.empty();
        }
        check(status, "reading");
        try {
            return Optional.of(new String(data.getValue().getByteArray(0, length.getValue()), StandardCharsets.UTF_8));
        } finally {
            security.SecKeychainItemFreeContent(null, data.getValue());
        }
    }

    @Override
    public void write(String service, String account, String secret) {
        require();
        byte[] s = service.getBytes(StandardCharsets.UTF_8);
        byte[] a = account.getBytes(StandardCharsets.UTF_8);
        byte[] p = secret.getBytes(StandardCharsets.UTF_8);
        PointerByReference item = new PointerByReference();
        int status = security.SecKeychainFindGenericPassword(null, s.length, s, a.length, a, null, null, item);
        if (status == 0) {
            try {
                check(security.SecKeychainItemModifyAttributesAndData(item.getValue(), null, p.length, p), "updating");
            } finally {
                cf.CFRelease(item.getValue());
            }
            return;
        }
        check(security.SecKeychainAddGenericPassword(null, s.length, s, a.length, a, p.length, p, null), "storing");
    }

    @Override
    public boolean delete(String service, String account) {
        require();
        byte[] s = service.getBytes(StandardCharsets.UTF_8);
        byte[] a = account.getBytes(StandardCharsets.UTF_8);
        PointerByReference item = new PointerByReference();
        int status = security.SecKeychainFindGenericPassword(null, s.length, s, a.length, a, null, null, item);
        if (status == NOT_FOUND) {
            return false;
        }
        check(status, "finding");
        try {
            check(security.SecKeychainItemDelete(item.getValue()), "deleting");
            return true;
        } finally {
            cf.CFRelease(item.getValue());
        }
    }

    private static void check(int status, String what) {
        if (status != 0) {
            throw new CredentialStoreException(
                    "The macOS Keychain failed " + what + " a credential (OSStatus " + status + ")");
        }
    }
}
