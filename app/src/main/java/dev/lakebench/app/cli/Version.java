package dev.lakebench.app.cli;

import picocli.CommandLine.IVersionProvider;

/** Version from the jar manifest. */
public final class Version implements IVersionProvider {

    public static String current() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"lakebench " + current()};
    }
}
