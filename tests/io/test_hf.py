from argmine.io.hf import from_hf_dataset, to_hf_dataset
from argmine.schema import Document


def _doc():
    return Document.model_validate({
        "id": "d1", "text": "Beijing urged talks. The talks failed in 2019. Good night.",
        "meta": {"topic": "nk", "tags": ["a"]},
        "units": [{"id": "u1", "start": 0, "end": 20, "label": "evidence", "type": "testimony"},
                  {"id": "u2", "start": 21, "end": 46, "label": "claim", "type": "fact",
                   "probs": {"claim": 0.8}}],
        "actors": [{"id": "a1", "name": "China", "kind": "country", "mentions": [{"start": 0, "end": 7}]}],
        "stances": [{"actor": "a1", "target": "talks", "stance": "favor", "evidence": ["u1"],
                     "timeline": [{"unit": "u1", "stance": "favor"}]}]})


def test_document_level_round_trip():
    docs = [_doc(), Document(id="empty", text="")]
    ds = to_hf_dataset(docs, level="document")
    assert ds.num_rows == 2
    assert list(from_hf_dataset(ds)) == docs


def test_unit_level_rows():
    ds = to_hf_dataset([_doc()], level="unit")
    assert ds["text"] == ["Beijing urged talks.", "The talks failed in 2019."]
    assert [ds.features["label"].int2str(x) for x in ds["label"]] == ["evidence", "claim"]
    assert ds["type"] == ["testimony", "fact"]


def test_sentence_level_projects_labels():
    ds = to_hf_dataset([_doc()], level="sentence")
    labels = [ds.features["label"].int2str(x) for x in ds["label"]]
    assert labels == ["evidence", "claim", "none"]


def test_document_features_cover_every_schema_field():
    # A field added to the record but not to the dataset features would fail every
    # document-level conversion (and annotate_dataset) at run time.
    from argmine import schema
    from argmine.io.hf import _document_features

    features = _document_features()
    for column, model in [("units", schema.Unit), ("relations", schema.Relation),
                          ("actors", schema.Actor), ("stances", schema.Stance),
                          ("quotes", schema.Quote)]:
        inner = features[column][0] if isinstance(features[column], list) else features[column].feature
        assert set(inner) == set(model.model_fields), column
    assert set(features) == {f.alias or n for n, f in schema.Document.model_fields.items()}
