package dev.lakebench.core.sql;

/**
 * One rewrite of a statement's text that runs before the dialect translates it (PostgreSQL compatibility rules,
 * SQL functions Lakebench computes itself). A pass returns the statement unchanged when it does not apply.
 */
public interface StatementPass {

    SqlStatement apply(SqlStatement st, PassContext ctx);
}
