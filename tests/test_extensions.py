"""The autouse fixture in conftest.py leaves spaCy's extensions as each test found them."""

from spacy.tokens import Doc, Span

from argmine.extensions import ensure_extensions


def test_a_test_may_set_and_remove_extensions():
    Doc.set_extension("argmine_probe", default=1)
    ensure_extensions()
    Span.remove_extension("argmine_score")
    assert Doc.has_extension("argmine_probe") and not Span.has_extension("argmine_score")


def test_the_next_test_does_not_see_them():
    # Runs after the test above (file order): its extension is gone, and what it removed is back
    # exactly when it had been declared before that test.
    assert not Doc.has_extension("argmine_probe")
