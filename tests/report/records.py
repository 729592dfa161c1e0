"""Synthetic analysed records (invented text) for the report, export and label tests."""

from argmine.schema import Document


def _span(text: str, part: str, after: int = 0) -> tuple[int, int]:
    start = text.index(part, after)
    return start, start + len(part)


def council_record(doc_id: str = "council-1", date: str | None = "2021-03-04") -> Document:
    """Two ministers and a country argue over a treaty, with a change of course and brackets."""
    text = ("Minister Alba said the treaty would bring peace [to the valley]. "
            "Ruritania rejected the treaty outright. "
            "The talks failed because the border was closed. "
            "Later, Minister Alba warned that the treaty was a trap. "
            "Minister Brun supported the treaty.")
    sents = ["Minister Alba said the treaty would bring peace [to the valley].",
             "Ruritania rejected the treaty outright.",
             "The talks failed because the border was closed.",
             "Later, Minister Alba warned that the treaty was a trap.",
             "Minister Brun supported the treaty."]
    units = []
    labels = [("claim", "value"), ("claim", "fact"), ("evidence", "event"), ("claim", "value"), ("none", None)]
    for i, (sent, (label, utype)) in enumerate(zip(sents, labels), start=1):
        start, end = _span(text, sent)
        units.append({"id": f"u{i}", "start": start, "end": end, "label": label, "type": utype,
                      "score": 0.5 + i / 20, "probs": {"claim": 0.6, "evidence": 0.3, "none": 0.1}})
    alba = [_span(text, "Minister Alba"), _span(text, "Minister Alba", 60)]
    actors = [
        {"id": "a1", "name": "Alba", "kind": "person", "affiliation": "a3",
         "mentions": [{"start": s, "end": e} for s, e in alba]},
        {"id": "a2", "name": "Brun", "kind": "person", "affiliation": "a3",
         "mentions": [dict(zip(("start", "end"), _span(text, "Minister Brun")))]},
        {"id": "a3", "name": "Ruritania", "kind": "country",
         "mentions": [dict(zip(("start", "end"), _span(text, "Ruritania")))]},
    ]
    stances = [
        {"actor": "a1", "target": "the treaty", "stance": "against", "score": 0.8, "evidence": ["u1", "u4"],
         "timeline": [{"unit": "u1", "stance": "favor"}, {"unit": "u4", "stance": "against"}]},
        {"actor": "a2", "target": "the treaty", "stance": "favor", "score": 0.9, "evidence": ["u5"]},
        {"actor": "a3", "target": "the treaty", "stance": "against", "score": 0.7, "evidence": ["u2"]},
        {"actor": "a3", "target": "the border", "stance": "none", "score": 0.5, "evidence": []},
    ]
    relations = [{"id": "r1", "source": "u3", "target": "u2", "label": "support"},
                 {"id": "r2", "source": "u1", "target": "u2", "label": "attack"}]
    meta = {"source": "synthetic"}
    if date:
        meta["date"] = date
    return Document.model_validate({"id": doc_id, "text": text, "meta": meta, "units": units,
                                    "relations": relations, "actors": actors, "stances": stances})
