"""Every reader reports malformed input the same way: a ``SchemaError`` with the file, the
1-based line (where the format has lines), a code, and what was wrong."""

from __future__ import annotations

import json

import pytest

from argmine.errors import OffsetError, SchemaError
from argmine.io import read_corpus

CMV_TEXT = "CMV: Tea beats coffee.\nIt is cheaper.\n"
ELECDEB_TEXT = "SMITH: Roads need repair.\n"
PRODIGY_BASE = {"text": "Tax it. Now.", "answer": "accept",
                "spans": [{"start": 0, "end": 4, "label": "CLAIM"}, {"start": 5, "end": 9, "label": "PREMISE"}]}


def _jsonl(*records) -> str:
    return "".join(json.dumps(r) + "\n" for r in records)


def _ibm_with(data_dir, old: str, new: str) -> str:
    return (data_dir / "ibm" / "claim_stance_train.csv").read_text(encoding="utf-8").replace(old, new)


# (id, format, files written (name -> text, or a function of the fixture folder), file read,
#  file named in the error, line, code, what the message says)
CASES = [
    ("aaec-columns", "aaec", {"train.dat": "1\tHello\t_\t_\tO\n2\tworld\tO\n"}, "train.dat",
     "train.dat", 2, "E101", "expected 5 tab-separated"),
    ("aaec-label", "aaec", {"dev.dat": "1\tHello\t_\t_\tB-Conclusion\n"}, "dev.dat",
     "dev.dat", 1, "E102", "Unknown token label 'B-Conclusion'"),
    ("aaec-link", "aaec", {"dev.dat": "1\tHello\t_\t_\tB-Premise:-1:Support\n"}, "dev.dat",
     "dev.dat", 1, "E103", "Relation target '-1'"),
    ("cmv-relation", "cmv", {"positive/7.txt": CMV_TEXT, "positive/7.ann":
                             "T1\tmain_claim 0 22\tCMV: Tea beats coffee.\nT2\tpremise 23 38\tIt is cheaper.\n"
                             "R1\tcauses Arg1:T2 Arg2:T1\n"}, "positive",
     "7.ann", 3, "E102", "Unknown relation label 'causes'"),
    ("cmv-argument", "cmv", {"positive/7.txt": CMV_TEXT, "positive/7.ann":
                             "T1\tmain_claim 0 22\tCMV: Tea beats coffee.\nR1\tsupport Arg1:T5 Arg2:T1\n"},
     "positive", "7.ann", 2, "E103", "Argument of relation R1 'T5' is not defined"),
    ("cmv-offsets", "cmv", {"positive/7.txt": CMV_TEXT, "positive/7.ann": "T1\tclaim 5 22\tTea beats tea.\n"},
     "positive", "7.ann", 1, "E010", "Span 5:22"),
    ("elecdeb-offsets", "elecdeb", {"1_2000.txt": ELECDEB_TEXT, "1_2000.ann": "T1\tClaim 7 12\tRoads need\n"},
     ".", "1_2000.ann", 1, "E010", "Span 7:12 ('Claim') does not match the text"),
    ("elecdeb-label", "elecdeb", {"1_2000.txt": ELECDEB_TEXT,
                                  "1_2000.ann": "T1\tClaim 7 12\tRoads\nT2\tConclusion 13 17\tneed\n"},
     ".", "1_2000.ann", 2, "E102", "Unknown component label 'Conclusion'"),
    ("elecdeb-line", "elecdeb", {"1_2000.txt": ELECDEB_TEXT, "1_2000.ann": "T1\tClaim 7 x\tRoads\n"},
     ".", "1_2000.ann", 1, "E101", "span offsets '7 x'"),
    ("microtexts-target", "microtexts", {"micro_z001.xml":
                                         '<arggraph id="micro_z001"><edu id="e1">A claim.</edu>'
                                         '<adu id="a1" type="pro"/><edge id="c1" src="e1" trg="a1" type="seg"/>'
                                         '<edge id="c2" src="a1" trg="c9" type="und"/></arggraph>'},
     "micro_z001.xml", "micro_z001.xml", None, "E103", "Target ADU or edge of und edge c2 'c9' is not defined"),
    ("microtexts-xml", "microtexts", {"micro_z002.xml":
                                      '<arggraph id="micro_z002">\n<edu id="e1">A claim.</arggraph>'},
     "micro_z002.xml", "micro_z002.xml", 2, "E101", "not well-formed XML"),
    ("checkthat-label", "checkthat", {"CT19-T1-Training.csv":
                                      "line_number,speaker,text,label,file_name\n1,A,Hi.,yes,x.tsv\n"},
     "CT19-T1-Training.csv", "CT19-T1-Training.csv", 2, "E101", "label 'yes' is neither 1"),
    ("checkthat-header", "checkthat", {"CT19-T1-Training.csv": "line_number,text,label\n1,Hi.,0\n"},
     "CT19-T1-Training.csv", "CT19-T1-Training.csv", 1, "E101", "the header lacks speaker, file_name"),
    ("claimbuster-label", "claimbuster", {"kfold.json": '[\n  {"sentence_id": 1, "label": 1, "text": "A."},\n'
                                          '  {"sentence_id": 2, "label": 2, "text": "B."}\n]\n'},
     "kfold.json", "kfold.json", 3, "E101", "label 2 is neither 0 (NCS) nor 1"),
    ("claimbuster-json", "claimbuster", {"kfold.json": '[\n  {"sentence_id": 1, "label": 1, "text": "A."},\n'
                                         '  {"sentence_id": 2, "label": 1 "text": "B."}\n]\n'},
     "kfold.json", "kfold.json", 3, "E101", "invalid JSON"),
    ("iam-label", "iam", {"dev.txt": "C\tTopic\tA claim.\t1_1\t1\nX\tTopic\tOther.\t1_1\t0\n"},
     "dev.txt", "dev.txt", 2, "E101", "label 'X' is neither C nor O"),
    ("iam-columns", "iam", {"dev.txt": "C\tTopic\tA claim.\t1_1\n"},
     "dev.txt", "dev.txt", 1, "E101", "4 tab-separated columns instead of 5"),
    ("ibm-stance", "ibm", {"claim_stance_train.csv": lambda d: _ibm_with(d, ",PRO,", ",MAYBE,")},
     "claim_stance_train.csv", "claim_stance_train.csv", 2, "E101", "claims.stance 'MAYBE'"),
    ("ibm-layout", "ibm", {"claims.csv": "id,text\n1,hello\n"},
     "claims.csv", "claims.csv", 1, "E101", "expected the header 'topicId,split"),
    ("newsmtsc-polarity", "newsmtsc", {"train.jsonl": _jsonl(
        {"primary_gid": "x_1", "sentence_normalized": "Bo Li spoke.",
         "targets": [{"from": 0, "to": 5, "mention": "Bo Li", "polarity": 5.0}]})},
     "train.jsonl", "train.jsonl", 1, "E101", "target 1 has polarity 5.0"),
    ("newsmtsc-mention", "newsmtsc", {"train.jsonl": _jsonl(
        {"primary_gid": "x_1", "sentence_normalized": "Bo Li spoke.",
         "targets": [{"from": 0, "to": 5, "mention": "Al Ma", "polarity": 4.0}]})},
     "train.jsonl", "train.jsonl", 1, "E010", "expected 'Al Ma'"),
    ("prodigy-span-label", "prodigy", {"tasks.jsonl": _jsonl(
        {"text": "Cut taxes now.", "answer": "accept", "spans": [{"start": 0, "end": 14, "label": "CLAIM"}]},
        {"text": "Cut taxes now.", "answer": "accept", "spans": [{"start": 0, "end": 14, "label": "ORG"}]})},
     "tasks.jsonl", "tasks.jsonl", 2, "E102", "Unknown span label 'ORG'"),
    ("prodigy-relation-label", "prodigy", {"tasks.jsonl": _jsonl({**PRODIGY_BASE, "relations": [
        {"head_span": PRODIGY_BASE["spans"][1], "child_span": PRODIGY_BASE["spans"][0], "label": "CAUSES"}]})},
     "tasks.jsonl", "tasks.jsonl", 1, "E102", "Unknown relation label 'CAUSES'"),
    ("prodigy-dangling", "prodigy", {"tasks.jsonl": _jsonl({**PRODIGY_BASE, "relations": [
        {"head_span": {"start": 1, "end": 3}, "child_span": PRODIGY_BASE["spans"][0], "label": "ATTACK"}]})},
     "tasks.jsonl", "tasks.jsonl", 1, "E103", "End of relation 1 (ATTACK) '1:3' is not defined"),
    ("prodigy-text", "prodigy", {"tasks.jsonl": _jsonl({"text": "Tax it.", "answer": "accept", "spans": [
        {"start": 0, "end": 3, "label": "CLAIM", "text": "Ban"}]})},
     "tasks.jsonl", "tasks.jsonl", 1, "E010", "expected 'Ban', found 'Tax'"),
    ("jsonl-json", "jsonl", {"docs.jsonl": '{"id": "a", "text": "A."}\n{"id": "b", "text": \n'},
     "docs.jsonl", "docs.jsonl", 2, "E003", "Line is not valid JSON"),
    ("jsonl-text", "jsonl", {"docs.jsonl": '{"id": "a", "text": "A."}\n{"id": "b"}\n'},
     "docs.jsonl", "docs.jsonl", 2, "E005", "no 'text' field"),
]


@pytest.mark.parametrize("fmt, files, read, named, lineno, code, says", [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_malformed_input_names_file_line_and_code(tmp_path, data_dir, fmt, files, read, named, lineno,
                                                  code, says):
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text(data_dir) if callable(text) else text, encoding="utf-8")
    with pytest.raises(SchemaError) as info:
        list(read_corpus(tmp_path / read, format=fmt))
    err = info.value
    assert err.path is not None and err.path.endswith(named)
    assert err.lineno == lineno
    assert f"[{code}]" in str(err) and says in str(err)
    where = f"{named}:{lineno}: " if lineno is not None else f"{named}: "
    assert where in str(err), "the message starts with FILE:LINE"
    if code == "E010":
        assert isinstance(err, OffsetError)
