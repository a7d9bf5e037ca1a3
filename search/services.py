"""Writes to the search index: refresh one object, remove one, rebuild everything."""

import search
from search.documents import get_provider, providers


def refresh_document(doc_type, object_id):
    """Index the current state of one object, or drop it when it no longer belongs in the index.

    Returns True when the object is indexed afterwards.
    """
    document = get_provider(doc_type).document_for(object_id)
    engine = search.engine()
    if document is None:
        engine.remove_document(doc_type, object_id)
        return False
    engine.index_document(document)
    return True


def remove_document(doc_type, object_id):
    search.engine().remove_document(doc_type, str(object_id))


def rebuild_index(types=None, batch_size=500, progress=None):
    """Re-create the documents of `types` (all registered types when empty) from the database.

    `progress(doc_type, done, total)` is called after every batch and at the end of each type.
    Returns the number of documents indexed per type.
    """
    selected = [get_provider(doc_type) for doc_type in types] if types else providers()
    counts = {provider.type: 0 for provider in selected}

    def documents():
        for provider in selected:
            total = provider.count()
            if progress:
                progress(provider.type, 0, total)
            for document in provider.documents(batch_size=batch_size):
                counts[provider.type] += 1
                yield document
                if progress and counts[provider.type] % batch_size == 0:
                    progress(provider.type, counts[provider.type], total)
            if progress and counts[provider.type] % batch_size:
                progress(provider.type, counts[provider.type], total)

    search.engine().rebuild(documents(), types=[p.type for p in selected] if types else None)
    return counts
