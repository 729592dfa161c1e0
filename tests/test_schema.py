import pytest

from argmine.schema import Document, check_record


def _doc(**over):
    base = {"id": "d1", "text": "Seoul favors talks. Tokyo does not.",
            "units": [{"id": "u1", "start": 0, "end": 19, "label": "claim", "type": "fact"},
                      {"id": "u2", "start": 20, "end": 35, "label": "evidence", "type": "testimony"}],
            "relations": [{"id": "r1", "source": "u2", "target": "u1", "label": "attack"}],
            "actors": [{"id": "a1", "name": "South Korea", "kind": "country",
                        "mentions": [{"start": 0, "end": 5}]}],
            "stances": [{"actor": "a1", "target": "talks", "stance": "favor", "evidence": ["u1"]}]}
    base.update(over)
    return base


def test_valid_record_round_trips():
    doc = Document.model_validate(_doc())
    assert doc.to_dict()["schema"] == "argmine.doc/1"
    assert Document.model_validate(doc.to_dict()) == doc
    assert check_record(_doc()) == []


@pytest.mark.parametrize("change,expected", [
    ({"units": [{"id": "u1", "start": 5, "end": 99, "label": "claim"}]}, "beyond the end of the text"),
    ({"units": [{"id": "u1", "start": 5, "end": 5, "label": "claim"}]}, "not before end"),
    ({"units": [{"id": "u1", "start": 0, "end": 5, "label": "clam"}]}, "'clam' is not allowed"),
    ({"units": [{"id": "u1", "start": 0, "end": 5, "label": "none", "type": "fact"}]}, "given for label 'none'"),
    ({"units": [{"id": "u1", "start": 0, "end": 5, "label": "claim", "type": "event"}]}, "not a claim type"),
    ({"relations": [{"id": "r1", "source": "u9", "target": "u1", "label": "support"}]}, "source 'u9' is not a unit id"),
    ({"stances": [{"actor": "a7", "target": "t", "stance": "favor"}]}, "actor 'a7' is not an actor id"),
    ({"stances": [{"actor": "a1", "target": "t", "stance": "pro"}]}, "'pro' is not allowed"),
    ({"lable": 1}, "unknown field"),
])
def test_invalid_records_are_explained(change, expected):
    problems = check_record(_doc(**change))
    assert problems, "record should be invalid"
    assert any(expected in p for p in problems), problems


def test_duplicate_ids_are_reported():
    units = [{"id": "u1", "start": 0, "end": 5, "label": "none"}, {"id": "u1", "start": 6, "end": 9, "label": "none"}]
    assert any("used twice" in p for p in check_record(_doc(units=units, relations=[], stances=[])))


def test_relation_may_target_a_relation():
    rels = [{"id": "r1", "source": "u2", "target": "u1", "label": "support"},
            {"id": "r2", "source": "u2", "target": "r1", "label": "attack"}]
    assert check_record(_doc(relations=rels)) == []
