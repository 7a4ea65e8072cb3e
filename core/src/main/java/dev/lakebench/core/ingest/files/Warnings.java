package dev.lakebench.core.ingest.files;

import java.util.ArrayList;
import java.util.List;

/** Warnings of an ingest, collected from any thread; beyond a limit only counted, so a huge rerun stays readable. */
final class Warnings {

    private final int limit;
    private final List<String> list = new ArrayList<>();
    private int more;

    Warnings(int limit) {
        this.limit = limit;
    }

    synchronized void add(String w) {
        if (list.size() < limit) {
            list.add(w);
        } else {
            more++;
        }
    }

    synchronized List<String> list() {
        List<String> out = new ArrayList<>(list);
        if (more > 0) {
            out.add("... and " + more + " more warnings");
        }
        return out;
    }
}
