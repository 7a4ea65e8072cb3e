package dev.lakebench.natives.engine;

import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The database file is held by another process; carries the file and, when the engine says so, the holder's PID. */
public final class WorkspaceLockedException extends EngineException {

    private static final Pattern PID = Pattern.compile("\\(PID (\\d+)\\)");

    private final Path file;
    private final OptionalLong holderPid;

    WorkspaceLockedException(Path file, EngineException cause) {
        super(Kind.LOCKED, cause.engineMessage(), cause);
        this.file = file;
        Matcher m = PID.matcher(cause.engineMessage());
        this.holderPid = m.find() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }

    public Path file() {
        return file;
    }

    public OptionalLong holderPid() {
        return holderPid;
    }
}
