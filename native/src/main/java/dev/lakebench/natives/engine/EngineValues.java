package dev.lakebench.natives.engine;

import java.sql.SQLException;
import java.util.Map;
import org.duckdb.DuckDBStruct;

/** Reads the engine's own value classes into plain Java values. */
public final class EngineValues {

    private EngineValues() {}

    /** The fields of an engine STRUCT value by name, or null when {@code o} is not one. */
    public static Map<String, Object> structFields(Object o) throws SQLException {
        return o instanceof DuckDBStruct s ? s.getMap() : null;
    }
}
