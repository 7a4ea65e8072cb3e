package dev.lakebench.natives.keychain;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.WString;
import com.sun.jna.ptr.PointerByReference;
import com.sun.jna.win32.StdCallLibrary;
import com.sun.jna.win32.W32APIOptions;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The Windows Credential Manager (generic credentials named {@code <service>:<account>}) through advapi32. */
public final class WindowsCredentialStore implements CredentialStore {

    /** CREDENTIALW. */
    @Structure.FieldOrder({
        "Flags",
        "Type",
        "TargetName",
        "Comment",
        "LastWrittenLow",
        "LastWrittenHigh",
        "CredentialBlobSize",
        "CredentialBlob",
        "Persist",
        "AttributeCount",
        "Attributes",
        "TargetAlias",
        "UserName"
    })
    public static class Credential extends Structure {
        public int Flags;
        public int Type;
        public WString TargetName;
        public WString Comment;
        public int LastWrittenLow;
        public int LastWrittenHigh;
        public int CredentialBlobSize;
        public Pointer CredentialBlob;
        public int Persist;
        public int AttributeCount;
        public Pointer Attributes;
        public WString TargetAlias;
        public WString UserName;

        public Credential() {}

        public Credential(Pointer p) {
            super(p);
            read();
        }
    }

    interface Advapi32 extends StdCallLibrary {
        boolean CredWriteW(Credential credential, int flags);

        boolean CredReadW(WString target, int type, int flags, PointerByReference credential);

        boolean CredDeleteW(WString target, int type, int flags);

        void CredFree(Pointer buffer);
    }

    private static final int CRED_TYPE_GENERIC = 1;
    private static final int CRED_PERSIST_LOCAL_MACHINE = 2;
    private static final int ERROR_NOT_FOUND = 1168;

    private volatile Boolean supported;
    private Advapi32 api;

    @Override
    public String name() {
        return "Windows Credential Manager";
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public synchronized boolean isSupported() {
        if (supported == null) {
            supported = false;
            if (Platform.isWindows()) {
                try {
                    api = Native.load("Advapi32", Advapi32.class, W32APIOptions.UNICODE_OPTIONS);
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
            throw new CredentialStoreException("The Windows Credential Manager is not available on this system");
        }
    }

    private static WString target(String service, String account) {
        return new WString(service + ":" + account);
    }

    @Override
    public Optional<String> read(String service, String account) {
        require();
        PointerByReference out = new PointerByReference();
        if (!api.CredReadW(target(service, account), CRED_TYPE_GENERIC, 0, out)) {
            int err = Native.getLastError();
            if (err == ERROR_NOT_FOUND) {
                return Optional.empty();
            }
            throw new CredentialStoreException(
                    "The Windows Credential Manager failed reading a credential (error " + err + ")");
        }
        try {
            Credential c = new Credential(out.getValue());
            return Optional.of(
                    new String(c.CredentialBlob.getByteArray(0, c.CredentialBlobSize), StandardCharsets.UTF_8));
        } finally {
            api.CredFree(out.getValue());
        }
    }

    @Override
    public void write(String service, String account, String secret) {
        require();
        byte[] blob = secret.getBytes(StandardCharsets.UTF_8);
        Memory mem = new Memory(Math.max(1, blob.length));
        mem.write(0, blob, 0, blob.length);
        Credential c = new Credential();
        c.Type = CRED_TYPE_GENERIC;
        c.TargetName = target(service, account);
        c.UserName = new WString(account);
        c.CredentialBlobSize = blob.length;
        c.CredentialBlob = mem;
        c.Persist = CRED_PERSIST_LOCAL_MACHINE;
        try {
            if (!api.CredWriteW(c, 0)) {
                throw new CredentialStoreException("The Windows Credential Manager failed storing a credential (error "
                        + Native.getLastError() + ")");
            }
        } finally {
            mem.clear();
        }
    }

    @Override
    public boolean delete(String service, String account) {
        require();
        if (api.CredDeleteW(target(service, account), CRED_TYPE_GENERIC, 0)) {
            return true;
        }
        int err = Native.getLastError();
        if (err == ERROR_NOT_FOUND) {
            return false;
        }
        throw new CredentialStoreException(
                "The Windows Credential Manager failed deleting a credential (error " + err + ")");
    }
}
