package dev.lakebench.app.ui.common;

import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;

/**
 * An action run once, the first time an observable value passes a test (at once when it already does): the
 * window's parts made for the first row or title shown, or set once a split pane has a size.
 */
public final class Once {

    private Once() {}

    public static <T> void when(ObservableValue<T> value, Predicate<? super T> test, Consumer<? super T> action) {
        if (test.test(value.getValue())) {
            action.accept(value.getValue());
            return;
        }
        value.addListener(new ChangeListener<T>() {
            @Override
            public void changed(ObservableValue<? extends T> o, T was, T now) {
                if (test.test(now)) {
                    value.removeListener(this);
                    action.accept(now);
                }
            }
        });
    }
}
