package dev.lakebench.core.search;

import dev.lakebench.core.client.Client;

/** BM25 without an index: computed on the fly over the column. */
class ExactTextSearchTest extends TextSearchContract {

    @Override
    void indexes(Client client) {
        // none
    }
}
