package dev.herald.catalog.ingest;

/**
 * What one bulk write did.
 *
 * @param stored revisions written (inserted or replacing an older one)
 * @param skipped messages not written because the same or a newer revision was stored
 */
record StoreResult(int stored, int skipped) {
}
