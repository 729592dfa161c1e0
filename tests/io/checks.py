"""Checks every reader's output must pass."""

from argmine.schema import Document


def assert_records_valid(docs):
    """Each record round-trips through the schema and every unit covers non-empty, trimmed text."""
    for doc in docs:
        assert Document.model_validate(doc.to_dict()) == doc
        for u in doc.units:
            span = doc.text[u.start:u.end]
            assert span and span == span.strip(), (doc.id, u.id)
