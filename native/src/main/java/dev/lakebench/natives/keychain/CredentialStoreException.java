package dev.lakebench.natives.keychain;

/** A credential store refused or failed an operation; the message names the store and the reason, never a secret. */
public class CredentialStoreException extends RuntimeException {

    public CredentialStoreException(String message) {
        super(message);
    }

    public CredentialStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
