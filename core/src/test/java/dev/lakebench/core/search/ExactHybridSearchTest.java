package dev.lakebench.core.search;

import dev.lakebench.core.client.Client;

/** Hybrid search without indexes. */
class ExactHybridSearchTest extends HybridSearchContract {

    @Override
    void indexes(Client client) {
        // none
    }
}
