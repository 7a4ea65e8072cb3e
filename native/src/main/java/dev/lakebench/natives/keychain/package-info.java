/**
 * OS credential stores (macOS Keychain, Secret Service, Windows Credential Manager). Layer: native.
 * May use: JNA, the JDK.
 */
package dev.lakebench.natives.keychain;
