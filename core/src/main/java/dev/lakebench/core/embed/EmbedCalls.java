package dev.lakebench.core.embed;

import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.QueryError;
import dev.lakebench.core.client.QueryRequest;
import dev.lakebench.core.schema.Column;
import dev.lakebench.core.schema.ColumnType;
import dev.lakebench.core.sql.SqlLexer;
import dev.lakebench.core.sql.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The SQL function {@code embed('model', 'text')} (also {@code embed('text')}: the model that made the vector
 * column it is compared with, else the built-in one). Before a statement runs, each call is replaced by a new
 * vector parameter holding the text's embedding, so it works wherever a vector parameter does: after {@code <#>},
 * inside {@code deeplake_hybrid_record(...)}, in a CTE. Arguments are string literals or {@code $n} parameters
 * holding text. A column compared with a model's vectors must hold vectors of that model's size and, when the
 * catalog knows which model made it, of that model. The text gets the query prompt that matches how the column's
 * texts were read (see {@link Prompts}).
 */
public final class EmbedCalls {

    private final EmbedHost backend;

    public EmbedCalls(EmbedHost backend) {
        this.backend = backend;
    }

    /** The request with every {@code embed(...)} replaced by a vector parameter; the request itself when it has none. */
    public QueryRequest rewrite(QueryRequest request) {
        String sql = request.sql();
        if (sql == null || !containsCall(sql)) {
            return request;
        }
        List<Token> t = SqlLexer.significant(sql);
        List<Object> params = new ArrayList<>(request.params());
        int nextParam = Math.max(params.size(), maxParameter(t)) + 1;
        Map<String, Integer> made = new HashMap<>();
        StringBuilder out = new StringBuilder();
        int copied = 0;
        boolean changed = false;
        for (int i = 0; i + 3 < t.size(); i++) {
            if (!t.get(i).isWord("embed")
                    || !t.get(i + 1).is("(")
                    || (i > 0 && t.get(i - 1).is("."))) {
                continue;
            }
            int close = i + 3;
            List<Token> args = new ArrayList<>();
            args.add(t.get(i + 2));
            if (t.get(close).is(",") && close + 2 < t.size()) {
                args.add(t.get(close + 1));
                close += 2;
            }
            if (!t.get(close).is(")")) {
                throw new QueryError(
                        ErrorCode.QUERY_INVALID,
                        "embed() takes a model name and a text: embed('minilm', 'red tulip')",
                        "Pass string literals or $n parameters holding text");
            }
            String text = text(args.get(args.size() - 1), request.params());
            String modelName = args.size() == 2 ? text(args.get(0), request.params()) : null;
            Optional<Compared> compared = comparedColumn(t, i);
            Embedder model = model(modelName, compared);
            String prompt = queryPrompt(compared, model);
            compared.ifPresent(c -> checkColumn(c, model));
            // the same call twice (a ranked search written in WHERE and ORDER BY) is one parameter: one embedding,
            // and the planner sees one search
            String key = model.name() + '\u0000' + prompt + '\u0000' + text;
            Integer param = made.get(key);
            if (param == null) {
                params.add(Models.of(backend.dataDirectory().root()).queries().embed(model, prompt, text));
                param = nextParam++;
                made.put(key, param);
            }
            out.append(sql, copied, t.get(i).start()).append('$').append(param);
            copied = t.get(close).end();
            changed = true;
            i = close;
        }
        if (!changed) {
            return request;
        }
        out.append(sql.substring(copied));
        QueryRequest r = QueryRequest.of(out.toString(), params)
                .timeout(request.timeout())
                .cancellation(request.cancellation());
        return request.progressListener() == null ? r : r.onProgress(request.progressListener());
    }

    private static boolean containsCall(String sql) {
        return sql.toLowerCase(Locale.ROOT).contains("embed");
    }

    private static int maxParameter(List<Token> tokens) {
        int max = 0;
        for (Token tok : tokens) {
            if (tok.kind() == Token.Kind.PARAMETER) {
                max = Math.max(max, tok.parameterIndex());
            }
        }
        return max;
    }

    /** The text a literal or parameter argument holds. */
    private static String text(Token arg, List<Object> params) {
        if (arg.kind() == Token.Kind.STRING && arg.text().startsWith("'")) {
            return arg.text().substring(1, arg.text().length() - 1).replace("''", "'");
        }
        if (arg.kind() == Token.Kind.PARAMETER) {
            int n = arg.parameterIndex();
            if (n >= 1 && n <= params.size() && params.get(n - 1) instanceof String s) {
                return s;
            }
            throw new QueryError(
                    ErrorCode.QUERY_PARAMETER,
                    "embed() needs text, and parameter " + arg.text() + " is "
                            + (n >= 1 && n <= params.size() && params.get(n - 1) != null
                                    ? params.get(n - 1).getClass().getSimpleName()
                                    : "not set"),
                    "Bind a string to " + arg.text());
        }
        throw new QueryError(
                ErrorCode.QUERY_INVALID,
                "embed() takes string literals or $n parameters, not " + arg.text(),
                "Write embed('minilm', 'red tulip')");
    }

    private Embedder model(String name, Optional<Compared> compared) {
        Models models = Models.of(backend.dataDirectory().root());
        String chosen = name;
        if (chosen == null) {
            chosen = compared.flatMap(this::madeBy)
                    .map(EmbeddingCatalog.Entry::model)
                    .orElse(BuiltinModels.MINILM);
        }
        try {
            return models.get(chosen);
        } catch (ModelError e) {
            throw new QueryError(ErrorCode.QUERY_INVALID, "embed(): " + e.problem(), e.hint(), e);
        }
    }

    /**
     * The prompt before the query text: the one recorded with the compared column when it was made (its
     * documents were read with the matching document prompt), else the model's own.
     */
    private String queryPrompt(Optional<Compared> compared, Embedder model) {
        return compared.flatMap(this::madeBy)
                .filter(e -> e.model().equalsIgnoreCase(model.name()))
                .map(EmbeddingCatalog.Entry::prompts)
                .map(Prompts::query)
                .orElse(model.prompts().query());
    }

    /** The column a call is compared with: {@code col <#> embed(..)}, or {@code (col, text)::deeplake_hybrid_record <#> deeplake_hybrid_record(embed(..), ..)}. */
    private Optional<Compared> comparedColumn(List<Token> t, int call) {
        String name = null;
        if (call >= 2 && t.get(call - 1).is("<#>")) {
            Token c = t.get(call - 2);
            if (c.kind() == Token.Kind.WORD || c.kind() == Token.Kind.QUOTED_IDENTIFIER) {
                name = c.identifier();
            }
        } else if (call >= 2 && t.get(call - 1).is("(") && t.get(call - 2).isWord("deeplake_hybrid_record")) {
            // (emb, text)::deeplake_hybrid_record <#> deeplake_hybrid_record(embed(..), ..)
            for (int j = call - 3; j >= 1; j--) {
                if (t.get(j).is("::") || (t.get(j).is(":") && t.get(j - 1).is(":"))) {
                    int open = j - 1;
                    while (open >= 0 && !t.get(open).is("(")) {
                        open--;
                    }
                    if (open >= 0 && open + 1 < t.size()) {
                        name = t.get(open + 1).identifier();
                    }
                    break;
                }
            }
        }
        if (name == null) {
            return Optional.empty();
        }
        for (String table : tables(t)) {
            try {
                Optional<Column> c = backend.describeTable(table).schema().column(name);
                if (c.isPresent() && c.get().type().isVector()) {
                    return Optional.of(new Compared(table, c.get()));
                }
            } catch (RuntimeException notATable) {
                // a CTE or subquery alias: nothing to check against
            }
        }
        return Optional.empty();
    }

    /** Names after FROM and JOIN. */
    private static List<String> tables(List<Token> t) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i + 1 < t.size(); i++) {
            if ((t.get(i).isWord("from") || t.get(i).isWord("join"))
                    && (t.get(i + 1).kind() == Token.Kind.WORD
                            || t.get(i + 1).kind() == Token.Kind.QUOTED_IDENTIFIER)) {
                out.add(t.get(i + 1).identifier());
            }
        }
        return out;
    }

    /** A vector column of a table in the statement. */
    private record Compared(String table, Column column) {}

    private Optional<EmbeddingCatalog.Entry> madeBy(Compared c) {
        return new EmbeddingCatalog(backend.workspace())
                .find(c.table(), c.column().name());
    }

    private void checkColumn(Compared compared, Embedder model) {
        Column c = compared.column();
        if (c.type() != ColumnType.EMBEDDING) {
            return;
        }
        if (c.dimension() != 0 && c.dimension() != model.dimension()) {
            throw new QueryError(
                    ErrorCode.QUERY_INVALID,
                    "Column \"" + c.name() + "\" of \"" + compared.table() + "\" holds " + c.dimension()
                            + "-float vectors and embed() with model \"" + model.name() + "\" makes "
                            + model.dimension(),
                    "Compare the column with vectors of its own model"
                            + madeBy(compared).map(e -> " (" + e.model() + ")").orElse(""));
        }
        madeBy(compared).ifPresent(e -> {
            if (!e.model().equalsIgnoreCase(model.name())) {
                throw new QueryError(
                        ErrorCode.QUERY_INVALID,
                        "Column \"" + c.name() + "\" of \"" + compared.table() + "\" was made by model \"" + e.model()
                                + "\", and embed() uses \"" + model.name() + "\"",
                        "Write embed('" + e.model() + "', ...) or embed('...')");
            }
        });
    }
}
