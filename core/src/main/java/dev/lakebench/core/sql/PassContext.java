package dev.lakebench.core.sql;

import dev.lakebench.core.store.TableDef;
import java.util.Optional;
import java.util.function.Function;

/** What a {@link StatementPass} may look at: the workspace's Lakebench tables by name. */
public record PassContext(Function<String, Optional<TableDef>> tables) {}
