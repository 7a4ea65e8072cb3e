package dev.lakebench.core.sql;

import dev.lakebench.core.schema.ColumnType;
import dev.lakebench.core.store.TableDef;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the dialect made of one statement: engine SQL to run, or a command the backend carries out itself. */
public sealed interface Translation {

    /**
     * SQL for the engine. {@code writes} is the Lakebench table the statement changes (null for reads): the
     * runner holds its write permit, tells listeners after the commit, and makes vectors appended through
     * {@link Slot.VectorLog} slots durable before the engine commits. {@code notes} explain the plan (EXPLAIN).
     */
    record Engine(BoundSql sql, TableDef writes, List<String> notes, IndexOnly indexOnly) implements Translation {

        public Engine(BoundSql sql, TableDef writes, List<String> notes) {
            this(sql, writes, notes, null);
        }
    }

    /**
     * A top-k search that may be answered from an index alone: the result is the hits of slot {@code hitsSlot}
     * with these output columns (table columns by name, or the score), limited and offset. The runner uses it when
     * an index keeps every named column; otherwise the engine SQL runs. {@code matchingOnly}: hits that score 0
     * (BM25 documents without a query term) are not rows.
     */
    record IndexOnly(
            int hitsSlot, TableDef table, List<Output> outputs, Operand limit, Operand offset, boolean matchingOnly) {}

    /** An output column: its name in the result and the table column it shows, or null for the score. */
    record Output(String name, String column) {}

    /** A column of {@code CREATE TABLE}. */
    record ColumnDef(
            String name,
            ColumnType type,
            int dimension,
            String engineType,
            boolean notNull,
            String defaultSql,
            boolean serial,
            boolean unique) {}

    /** {@code CREATE [OR REPLACE] TABLE [IF NOT EXISTS] t (columns) [USING deeplake]} as a Lakebench table. */
    record CreateTable(String name, List<ColumnDef> columns, boolean ifNotExists, boolean orReplace)
            implements Translation {}

    /**
     * {@code CREATE TABLE t AS query}: a Lakebench table whose vectors are copied into its own logs.
     * {@code jsonbColumns} names (lower case) the query's columns that are jsonb by its written form,
     * {@code characterColumns} those that copy a varchar(n) / char(n) column, with its declared type.
     */
    record CreateTableAs(
            String name,
            BoundSql query,
            boolean ifNotExists,
            boolean orReplace,
            Set<String> jsonbColumns,
            Map<String, String> characterColumns)
            implements Translation {

        public CreateTableAs {
            jsonbColumns = Set.copyOf(jsonbColumns);
            characterColumns = Map.copyOf(characterColumns);
        }

        public CreateTableAs(
                String name, BoundSql query, boolean ifNotExists, boolean orReplace, Set<String> jsonbColumns) {
            this(name, query, ifNotExists, orReplace, jsonbColumns, Map.of());
        }

        public CreateTableAs(String name, BoundSql query, boolean ifNotExists, boolean orReplace) {
            this(name, query, ifNotExists, orReplace, Set.of());
        }
    }

    /**
     * {@code CREATE INDEX [IF NOT EXISTS] [name] ON t USING deeplake_index (columns) [WITH (index_type = ..)]}.
     * {@code type} is null for the column type's default; {@code options} holds the other WITH options.
     */
    record CreateIndex(
            String name,
            TableDef table,
            List<String> columns,
            String type,
            boolean ifNotExists,
            boolean descending,
            Map<String, String> options)
            implements Translation {}

    /** {@code DROP INDEX [IF EXISTS] name [, ...]}. */
    record DropIndex(List<String> names, boolean ifExists, String passthroughSql) implements Translation {}

    /** {@code ALTER TABLE [IF EXISTS] t action, ...} on a Lakebench table. */
    record AlterTable(TableDef table, boolean ifExists, List<AlterAction> actions) implements Translation {}

    /** One action of {@code ALTER TABLE}. */
    sealed interface AlterAction {

        /** {@code ADD [COLUMN] [IF NOT EXISTS] c type [DEFAULT ..] [NOT NULL]}. */
        record AddColumn(ColumnDef column, boolean ifNotExists) implements AlterAction {}

        /** {@code DROP [COLUMN] [IF EXISTS] c}; indexes on the column are dropped with it. */
        record DropColumn(String column, boolean ifExists) implements AlterAction {}

        /** {@code RENAME [COLUMN] a TO b}. */
        record RenameColumn(String from, String to) implements AlterAction {}

        /** {@code RENAME TO t2}. */
        record RenameTable(String to) implements AlterAction {}

        /**
         * {@code ALTER [COLUMN] c SET DEFAULT expr | DROP DEFAULT | SET NOT NULL | DROP NOT NULL}; {@code change}
         * is the engine's clause ({@code SET DEFAULT 18}, {@code DROP NOT NULL}, ...).
         */
        record AlterColumn(String column, String change) implements AlterAction {}
    }

    /** {@code EXPLAIN [ANALYZE] statement}. */
    record Explain(Translation statement, boolean analyze) implements Translation {}
}
