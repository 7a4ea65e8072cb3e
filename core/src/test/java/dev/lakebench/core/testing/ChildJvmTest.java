package dev.lakebench.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A child that never prints the awaited line fails the test with its output instead of hanging the build. */
class ChildJvmTest {

    /** Child: says hello (maybe after the deadline on a loaded machine), then hangs. */
    public static final class Silent {
        public static void main(String[] args) throws InterruptedException {
            System.out.println("hello");
            System.out.flush();
            Thread.sleep(600_000);
        }
    }

    @Test
    void aChildThatNeverPrintsTheLineIsKilledAtTheDeadline() throws Exception {
        Process p = ChildJvm.start(Silent.class, List.of("-Xmx64m"));
        assertThatThrownBy(() -> ChildJvm.killAfterLine(p, "READY", 5))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("printed no line starting with READY within 5 s");
        assertThat(p.isAlive()).isFalse();
    }
}
