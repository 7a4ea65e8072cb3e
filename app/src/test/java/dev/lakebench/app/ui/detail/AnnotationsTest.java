package dev.lakebench.app.ui.detail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.core.client.Row;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnnotationsTest {

    @Test
    void detectionRowsGiveNamedBoxesAndCaptions() {
        Row row = new Row(List.of("image", "captions", "annotations", "categories"), new Object[] {
            new byte[0],
            "[\"A cat.\", \" \"]",
            "[{\"id\":5,\"bbox\":[1.5,2,30,40],\"category_id\":17,\"iscrowd\":0},"
                    + "{\"id\":6,\"bbox\":[0,0,9,9],\"category_id\":3,\"iscrowd\":1}]",
            "[{\"id\":17,\"name\":\"cat\",\"supercategory\":\"animal\"}]"
        });
        Annotations a = Annotations.of(row);
        assertThat(a.boxes())
                .containsExactly(
                        new PictureView.Box(1.5, 2, 30, 40, 17, "cat"),
                        new PictureView.Box(0, 0, 9, 9, 3, "#3 (crowd)"));
        assertThat(a.captions()).containsExactly("A cat.");
    }

    @Test
    void panopticSegmentsMapToTheirCategoriesAndBadJsonIsSkipped() {
        Row pan = new Row(
                List.of("segments_info", "categories", "mask"),
                new Object[] {"[{\"id\":3226956,\"category_id\":1,\"bbox\":[10,20,5,6]}]", "not json", new byte[] {1}});
        Annotations a = Annotations.of(pan);
        assertThat(a.segmentCategories()).containsEntry(3226956, 1);
        assertThat(a.boxes()).extracting(PictureView.Box::label).containsExactly("#1");
        assertThat(a.mask()).isNotNull();
        assertThat(Annotations.of(new Row(List.of("id", "text"), new Object[] {"a", "b"})))
                .isSameAs(Annotations.NONE);
    }
}
