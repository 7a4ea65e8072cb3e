package dev.lakebench.app.ui.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.core.client.IngestOptions;
import dev.lakebench.core.embed.ModelInfo;
import dev.lakebench.core.ingest.files.FileColumns;
import dev.lakebench.core.ingest.files.FileKind;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which vectors the wizard proposes for which files, and what it asks the ingest for. */
class EmbeddingChoiceTest {

    private static final ModelInfo MINILM = new ModelInfo("minilm", "built in", "text", null, 0);
    private static final ModelInfo CLIP =
            new ModelInfo("xenova/clip-vit-base-patch32", "pulled", "text+image", null, 1);

    @Test
    void textIsOnForTextAndPdfsAndAnInstalledImageModelIsOfferedForPictures() {
        EmbeddingChoice c = new EmbeddingChoice();
        c.models(List.of(MINILM, CLIP));
        Set<FileKind> kinds = EnumSet.of(FileKind.TEXT, FileKind.IMAGE, FileKind.VIDEO);
        c.target(FileColumns.schema(kinds), kinds);
        assertThat(c.textProperty().get()).isTrue();
        assertThat(c.imageProperty().get()).isTrue();
        assertThat(c.imageModelProperty().get()).isEqualTo(CLIP.name());
        assertThat(c.textModels()).containsExactly("minilm");
        IngestOptions o = IngestOptions.defaults();
        c.apply(o);
        assertThat(o.embeds())
                .containsExactly(
                        new IngestOptions.Embed("text", "minilm", null),
                        new IngestOptions.Embed("image", CLIP.name(), null));
        assertThat(c.outputs()).containsExactly("text_embedding", "image_embedding");
    }

    @Test
    void videosAloneEmbedTheirThumbnailsAndNothingIsOnWithoutAModel() {
        EmbeddingChoice c = new EmbeddingChoice();
        c.models(List.of(MINILM, CLIP));
        Set<FileKind> videos = EnumSet.of(FileKind.VIDEO);
        c.target(FileColumns.schema(videos), videos);
        assertThat(c.textProperty().get())
                .as("a video's text is a short description: off by default")
                .isFalse();
        assertThat(c.textAppliesProperty().get()).isTrue();
        IngestOptions o = IngestOptions.defaults();
        c.apply(o);
        assertThat(o.embeds()).containsExactly(new IngestOptions.Embed("thumbnail", CLIP.name(), null));

        EmbeddingChoice none = new EmbeddingChoice();
        none.models(List.of(MINILM));
        Set<FileKind> images = EnumSet.of(FileKind.IMAGE);
        none.target(FileColumns.schema(images), images);
        none.imageProperty().set(true);
        IngestOptions nothing = IngestOptions.defaults();
        none.apply(nothing);
        assertThat(none.imageModels()).isEmpty();
        assertThat(nothing.embeds()).isEmpty();
        assertThat(none.outputs()).isEmpty();
    }
}
