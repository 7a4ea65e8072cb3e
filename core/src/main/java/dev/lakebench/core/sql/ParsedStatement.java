package dev.lakebench.core.sql;

import java.util.List;

/**
 * A statement after the lexer and before any rewrite: its significant tokens, the partner of every bracket, and
 * the parsers over them. Nothing here changes once built.
 */
final class ParsedStatement {

    final SqlStatement statement;
    final List<Token> sig;
    final int[] match;
    final BlockParser blocks;
    final ExprParser exprs;

    ParsedStatement(SqlStatement statement) {
        this.statement = statement;
        this.sig = statement.significant();
        this.match = Brackets.match(sig);
        this.blocks = new BlockParser(sig, match);
        this.exprs = blocks.expressions();
    }
}
