package nl.fotadesk.cli;

import picocli.CommandLine;

/** The version from the jar's manifest (set from the pom), or "development" when run from classes. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[]{"FOTA Desk " + (version == null ? "development" : version)};
    }
}
