package dev.lakebench.core.testing;

import java.util.AbstractList;
import java.util.function.IntFunction;

/** A list whose elements are computed on access: column data of any length without holding it in memory. */
public final class LazyList<T> extends AbstractList<T> {

    private final int size;
    private final IntFunction<T> element;

    public LazyList(int size, IntFunction<T> element) {
        this.size = size;
        this.element = element;
    }

    @Override
    public T get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return element.apply(index);
    }

    @Override
    public int size() {
        return size;
    }
}
