package dev.lakebench.app.ui.sql;

import dev.lakebench.app.ui.common.Threads;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.IntConsumer;
import org.fxmisc.richtext.CodeArea;

/**
 * Highlights a code area off the FX thread: after typing pauses briefly the text is scanned on a background
 * thread and the spans applied on the FX thread, but only if no newer edit has happened meanwhile (the newest
 * result wins; stale ones are dropped). Also reports the highest {@code $N}.
 */
final class Highlighting {

    private static final Duration PAUSE = Duration.ofMillis(80);

    private final Executor scan;
    private final Executor ui;
    private long generation;
    private Runnable afterApply = () -> {};

    Highlighting(CodeArea area, IntConsumer maxParameter, Threads threads) {
        this.scan = threads.serial();
        this.ui = threads.ui();
        area.multiPlainChanges().successionEnds(PAUSE).subscribe(ignore -> submit(area, maxParameter));
    }

    /** Runs after each pass's spans are applied (marks laid on top of the colouring). */
    void afterApply(Runnable r) {
        this.afterApply = r;
    }

    void submit(CodeArea area, IntConsumer maxParameter) {
        long gen = ++generation;
        String text = area.getText();
        try {
            scan(area, maxParameter, gen, text);
        } catch (RejectedExecutionException e) {
            // the workbench closed while typing paused: nothing left to colour
        }
    }

    private void scan(CodeArea area, IntConsumer maxParameter, long gen, String text) {
        scan.execute(() -> {
            SqlHighlighter.Highlight h = SqlHighlighter.compute(text);
            var spans = h.styleSpans();
            ui.execute(() -> {
                if (gen != generation || !area.getText().equals(h.text())) {
                    return;
                }
                if (!text.isEmpty()) {
                    area.setStyleSpans(0, spans);
                }
                afterApply.run();
                maxParameter.accept(h.maxParameter());
            });
        });
    }
}
