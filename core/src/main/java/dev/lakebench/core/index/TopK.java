package dev.lakebench.core.index;

/**
 * Keeps the {@code k} best (key, score) pairs seen, in a binary min-heap of primitives: a scan over millions of
 * rows allocates nothing per row. Ties keep the pair seen first.
 */
public final class TopK {

    private final int k;
    private final long[] keys;
    private final double[] scores;
    private int size;

    public TopK(int k) {
        this.k = Math.max(0, k);
        this.keys = new long[this.k];
        this.scores = new double[this.k];
    }

    /** The score a candidate must beat to enter (−∞ while not full). */
    public double threshold() {
        return size < k ? Double.NEGATIVE_INFINITY : scores[0];
    }

    public void offer(long key, double score) {
        if (k == 0 || Double.isNaN(score)) {
            return;
        }
        if (size < k) {
            keys[size] = key;
            scores[size] = score;
            up(size++);
        } else if (score > scores[0]) {
            keys[0] = key;
            scores[0] = score;
            down(0);
        }
    }

    /** Merges another collector's pairs (parallel scans). */
    public void addAll(TopK other) {
        for (int i = 0; i < other.size; i++) {
            offer(other.keys[i], other.scores[i]);
        }
    }

    public int size() {
        return size;
    }

    /** The pairs, best first. */
    public Hits hits() {
        int n = size;
        long[] ks = new long[n];
        double[] ss = new double[n];
        long[] hk = keys.clone();
        double[] hs = scores.clone();
        int hsize = size;
        for (int i = n - 1; i >= 0; i--) {
            ks[i] = hk[0];
            ss[i] = hs[0];
            hsize--;
            hk[0] = hk[hsize];
            hs[0] = hs[hsize];
            siftDown(hk, hs, hsize, 0);
        }
        return new Hits(ks, ss);
    }

    private void up(int i) {
        while (i > 0) {
            int p = (i - 1) >>> 1;
            if (scores[i] >= scores[p]) {
                return;
            }
            swap(keys, scores, i, p);
            i = p;
        }
    }

    private void down(int i) {
        siftDown(keys, scores, size, i);
    }

    private static void siftDown(long[] keys, double[] scores, int size, int i) {
        while (true) {
            int l = 2 * i + 1;
            if (l >= size) {
                return;
            }
            int c = l + 1 < size && scores[l + 1] < scores[l] ? l + 1 : l;
            if (scores[i] <= scores[c]) {
                return;
            }
            swap(keys, scores, i, c);
            i = c;
        }
    }

    private static void swap(long[] keys, double[] scores, int a, int b) {
        long k = keys[a];
        keys[a] = keys[b];
        keys[b] = k;
        double s = scores[a];
        scores[a] = scores[b];
        scores[b] = s;
    }
}
