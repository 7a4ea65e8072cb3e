package dev.lakebench.app.ui;

import java.util.Collection;
import java.util.function.Predicate;
import javafx.scene.Node;
import org.hamcrest.Matcher;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.service.query.NodeQuery;

/**
 * TestFX's JUnit extension, whose robot walks the scene graph on the FX thread. TestFX looks nodes up on the
 * test's thread, for {@code robot.lookup(...)} and for every action given a query ({@code clickOn("#id")},
 * {@code moveTo("text")}); a walk racing the FX thread while it adds or removes children (a grid laying out cells,
 * a table filling with results) fails at random ("Index 2 out of bounds for length 1"). Here each lookup, filter
 * and query of a {@link NodeQuery} runs on the FX thread; what the test then does with the nodes it got is its own
 * business ({@link FxFixture#onFx}, {@link FxFixture#await}).
 */
public class FxRobotExtension extends ApplicationExtension {

    @Override
    public NodeQuery lookup(String query) {
        return FxThreadQuery.of(() -> super.lookup(query));
    }

    @Override
    public <T extends Node> NodeQuery lookup(Matcher<T> matcher) {
        return FxThreadQuery.of(() -> super.lookup(matcher));
    }

    @Override
    public <T extends Node> NodeQuery lookup(Predicate<T> predicate) {
        return FxThreadQuery.of(() -> super.lookup(predicate));
    }

    @Override
    public NodeQuery fromAll() {
        return FxThreadQuery.of(super::fromAll);
    }

    @Override
    public NodeQuery from(Node... parentNodes) {
        return FxThreadQuery.of(() -> super.from(parentNodes));
    }

    @Override
    public NodeQuery from(Collection<Node> parentNodes) {
        return FxThreadQuery.of(() -> super.from(parentNodes));
    }

    @Override
    public NodeQuery from(NodeQuery nodeQuery) {
        return FxThreadQuery.of(() -> super.from(nodeQuery));
    }
}
