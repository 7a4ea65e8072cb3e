package dev.lakebench.app.ui;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.scene.Node;
import org.hamcrest.Matcher;
import org.testfx.service.query.NodeQuery;

/** A TestFX node query whose every step (lookup, filter, query) runs on the FX thread. */
final class FxThreadQuery implements NodeQuery {

    /** The query so far (TestFX's steps return the query they changed, so far always the same one). */
    private NodeQuery query;

    private FxThreadQuery(NodeQuery query) {
        this.query = query;
    }

    /** The query that {@code make} builds (walking the scene graph) on the FX thread. */
    static NodeQuery of(Callable<NodeQuery> make) {
        return new FxThreadQuery(fx(make));
    }

    private static <T> T fx(Callable<T> step) {
        try {
            return FxFixture.onFx(step);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private NodeQuery step(Callable<NodeQuery> step) {
        query = fx(step);
        return this;
    }

    @Override
    public NodeQuery from(Node... parentNodes) {
        return step(() -> query.from(parentNodes));
    }

    @Override
    public NodeQuery from(Collection<Node> parentNodes) {
        return step(() -> query.from(parentNodes));
    }

    @Override
    public NodeQuery lookup(String q) {
        return step(() -> query.lookup(q));
    }

    @Override
    public <T> NodeQuery lookup(Matcher<T> matcher) {
        return step(() -> query.lookup(matcher));
    }

    @Override
    public <T extends Node> NodeQuery lookup(Predicate<T> predicate) {
        return step(() -> query.lookup(predicate));
    }

    @Override
    public NodeQuery lookup(Function<Node, Set<Node>> function) {
        return step(() -> query.lookup(function));
    }

    @Override
    public <T> NodeQuery match(Matcher<T> matcher) {
        return step(() -> query.match(matcher));
    }

    @Override
    public <T extends Node> NodeQuery match(Predicate<T> predicate) {
        return step(() -> query.match(predicate));
    }

    @Override
    public NodeQuery nth(int index) {
        return step(() -> query.nth(index));
    }

    @Override
    public <T extends Node> T query() {
        return fx(query::query);
    }

    @Override
    public <T extends Node> T queryAs(Class<T> clazz) {
        return fx(() -> query.queryAs(clazz));
    }

    @Override
    public <T extends Node> Optional<T> tryQuery() {
        return fx(query::tryQuery);
    }

    @Override
    public <T extends Node> Optional<T> tryQueryAs(Class<T> clazz) {
        return fx(() -> query.tryQueryAs(clazz));
    }

    @Override
    public <T extends Node> Set<T> queryAll() {
        return fx(query::queryAll);
    }

    @Override
    public <T extends Node> Set<T> queryAllAs(Class<T> clazz) {
        return fx(() -> query.queryAllAs(clazz));
    }

    @Override
    public String toString() {
        return query.toString();
    }
}
