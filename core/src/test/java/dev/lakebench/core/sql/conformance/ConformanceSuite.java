package dev.lakebench.core.sql.conformance;

import java.util.List;

/** The files of the conformance suite, by area. */
final class ConformanceSuite {

    static final List<String> FILES = List.of(
            "01-column-names.sql",
            "02-arrays.sql",
            "03-json.sql",
            "04-alter-table.sql",
            "05-schemas.sql",
            "06-types-functions.sql",
            "07-ctes.sql",
            "08-search-rules.sql",
            "09-explain.sql",
            "10-unsupported.sql",
            "11-character-types.sql",
            "12-array-literals.sql",
            "13-functions.sql",
            "14-porting-gaps.sql");

    private ConformanceSuite() {}
}
