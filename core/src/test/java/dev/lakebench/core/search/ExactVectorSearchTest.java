package dev.lakebench.core.search;

import dev.lakebench.core.client.Client;

/** Vector search without an index: exact scans. */
class ExactVectorSearchTest extends VectorSearchContract {

    @Override
    void indexes(Client client) {
        // none
    }
}
