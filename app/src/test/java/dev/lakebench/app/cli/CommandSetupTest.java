package dev.lakebench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A command sets up only its own options; help, a mistyped name and no command see every command. */
class CommandSetupTest {

    @Test
    void theCommandWordIsTheFirstWordAfterTheGlobalOptions() {
        assertThat(Cli.commandWord(new String[] {"tables"})).contains("tables");
        assertThat(Cli.commandWord(new String[] {"--data-dir", "/d", "--workspace", "w", "query", "-f", "x.sql"}))
                .contains("query");
        assertThat(Cli.commandWord(new String[] {"--data-dir=/d", "--allow-files", "tables", "schema", "t"}))
                .as("an option's value is not the command")
                .contains("schema");
        assertThat(Cli.commandWord(new String[] {"--data-dir", "/d"})).isEmpty();
        assertThat(Cli.commandWord(new String[] {"--bogus", "tables"})).isEmpty();
        assertThat(Cli.commandWord(new String[] {"--data-dir"})).isEmpty();
    }

    @Test
    void aNamedCommandIsSetUpAlone() {
        assertThat(commandsFor(Optional.of("tables"))).containsExactly("tables");
        assertThat(commandsFor(Optional.of("query"))).containsExactly("query");
    }

    @Test
    void helpAMistypedNameAndNoCommandSeeEveryCommand() {
        int all = Cli.COMMANDS.size();
        assertThat(commandsFor(Optional.of("help"))).hasSize(all);
        assertThat(commandsFor(Optional.of("tabels"))).hasSize(all);
        assertThat(commandsFor(Optional.empty())).hasSize(all).contains("tables", "query", "ingest", "sql");
    }

    private static java.util.Set<String> commandsFor(Optional<String> word) {
        PrintWriter w = new PrintWriter(new StringWriter());
        return Cli.commandLine(new LakebenchCommand(), w, w, word)
                .getSubcommands()
                .keySet();
    }
}
