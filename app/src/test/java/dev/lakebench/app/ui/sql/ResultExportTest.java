package dev.lakebench.app.ui.sql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lakebench.app.ui.UiFixtures;
import dev.lakebench.app.ui.UiThread;
import dev.lakebench.app.ui.common.ConnectionSpec;
import dev.lakebench.app.ui.common.SelectedRow;
import dev.lakebench.app.ui.common.Sessions;
import dev.lakebench.app.ui.common.WorkspaceRef;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.IngestOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export writes every row of the statement, not the rows the grid holds. */
class ResultExportTest {

    @TempDir
    Path dir;

    @Test
    void exportsAllRowsToCsvJsonAndParquet() throws Exception {
        int n = SqlEditorViewModel.MAX_ROWS + 2_345;
        List<Long> ids = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<float[]> vecs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add((long) i);
            names.add(i == 3 ? "has, comma \"and quotes\"" : "row " + i);
            vecs.add(new float[] {i, 0.5f});
        }
        try (Client c = Client.local(dir)) {
            c.ingest("big", Map.of("id", ids, "name", names, "v", vecs), IngestOptions.defaults());
        }
        UiFixtures.seedImages(dir);
        var errors = UiFixtures.errors();
        try (Sessions sessions = new Sessions(r -> null);
                UiThread ui = new UiThread(errors)) {
            var vm = ui.onUi(() -> new SqlEditorViewModel(
                    new WorkspaceRef(new ConnectionSpec.Local(dir), "default"),
                    sessions,
                    ui.tasks(),
                    new QueryHistory(dir.resolve("h"), Executors.newSingleThreadExecutor(), Runnable::run),
                    new SimpleObjectProperty<SelectedRow>()));
            ResultViewModel r = ui.onUi(() -> {
                vm.textProperty().set("SELECT id, name, v FROM big ORDER BY id");
                return vm.run().orElseThrow();
            });
            ui.await(r.task());
            assertThat(ui.onUi(() -> r.rows().size())).isEqualTo(SqlEditorViewModel.MAX_ROWS);
            assertThat(ui.onUi(r::truncated)).isTrue();

            Path csv = dir.resolve("out/big.csv");
            ui.run(() -> vm.export(r, ResultExport.Format.CSV, csv));
            List<String> lines = Files.readAllLines(csv);
            assertThat(lines).hasSize(n + 1);
            assertThat(lines.get(0)).isEqualTo("id,name,v");
            assertThat(lines.get(4)).isEqualTo("3,\"has, comma \"\"and quotes\"\"\",\"[3.0,0.5]\"");
            assertThat(Files.exists(dir.resolve("out/big.csv.part"))).isFalse();
            // the same text as the command line's CSV: one formatter, lines ending in \n
            try (var cursor = sessions.client(new WorkspaceRef(new ConnectionSpec.Local(dir), "default")).stream(
                    dev.lakebench.core.client.QueryRequest.of("SELECT id, name, v FROM big ORDER BY id LIMIT 5"))) {
                Path cli = dir.resolve("out/cli.csv");
                dev.lakebench.core.dataset.FileExport.write(
                        cursor,
                        cli,
                        dev.lakebench.core.dataset.ExportFormat.CSV,
                        null,
                        dev.lakebench.core.client.Cancellation.none());
                String mine = Files.readString(csv);
                assertThat(mine).doesNotContain("\r");
                assertThat(mine).startsWith(Files.readString(cli));
            }

            Path json = dir.resolve("out/big.json");
            ui.run(() -> vm.export(r, ResultExport.Format.JSON, json));
            JsonNode arr = new ObjectMapper().readTree(json.toFile());
            assertThat(arr.size()).isEqualTo(n);
            assertThat(arr.get(n - 1).get("id").asLong()).isEqualTo(n - 1);
            assertThat(arr.get(7).get("v").get(0).asDouble()).isEqualTo(7.0);

            Path parquet = dir.resolve("out/big.parquet");
            ui.run(() -> vm.export(r, ResultExport.Format.PARQUET, parquet));
            try (Client c = Client.local(dir.resolve("check"), "default", java.util.List.of(parquet.getParent()))) {
                var rows = c.query("SELECT count(*) AS n, max(id) AS m FROM read_parquet('" + parquet + "')");
                assertThat(rows.get(0).get("n")).isEqualTo((long) n);
                assertThat(rows.get(0).get("m")).isEqualTo((long) n - 1);
            }

            ResultViewModel img = ui.onUi(() -> {
                vm.textProperty().set("SELECT id, image FROM images ORDER BY id LIMIT 1");
                return vm.run().orElseThrow();
            });
            ui.await(img.task());
            Path imgJson = dir.resolve("out/img.json");
            ui.run(() -> vm.export(img, ResultExport.Format.JSON, imgJson));
            byte[] back = Base64.getDecoder()
                    .decode(new ObjectMapper()
                            .readTree(imgJson.toFile())
                            .get(0)
                            .get("image")
                            .asText());
            assertThat(back)
                    .isEqualTo(Files.readAllBytes(UiFixtures.sampleImages().get(0)));
            assertThat(errors).isEmpty();
        }
    }
}
