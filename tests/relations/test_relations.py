"""Argument structure: projection, forest decoding, baselines, the component and its rendering."""

from __future__ import annotations

import io

import pytest
import spacy
from rich.console import Console
from typer.testing import CliRunner

from argmine.cli.app import app
from argmine.cli.show import argument_tree
from argmine.convert import from_doc
from argmine.extensions import SPANS_KEY, ensure_extensions, remove_extensions
from argmine.io import read_corpus
from argmine.pipeline.relations import RelationComponent
from argmine.relations import RelationParser, decode_forest
from argmine.relations.data import relation_doc
from argmine.relations.evaluate import baseline_main_claim, baseline_nearest_claim
from argmine.schema import Document, Relation, Unit, check_record
from argmine.scoring import link_scores

# A thesis, two reasons, one objection (with a rebuttal of the objection).
TEXT = ("Cities should ban cars from their centres. Car-free streets are safer for children. "
        "Cleaner air also saves lives. However, shops may lose customers who drive. "
        "Yet pedestrians spend more per month than drivers.")


def _spans(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for sent in text.split(". "):
        end = start + len(sent) + (0 if sent.endswith(".") else 1)
        out.append((start, end))
        start = end + 1
    return out


SPANS = _spans(TEXT)
GOLD = Document(
    id="cars", text=TEXT,
    units=[Unit(id="t", start=SPANS[0][0], end=SPANS[0][1], label="claim", role="main"),
           Unit(id="r1", start=SPANS[1][0], end=SPANS[1][1], label="evidence"),
           Unit(id="r2", start=SPANS[2][0], end=SPANS[2][1], label="evidence"),
           Unit(id="o", start=SPANS[3][0], end=SPANS[3][1], label="claim"),
           Unit(id="c", start=SPANS[4][0], end=SPANS[4][1], label="evidence")],
    relations=[Relation(id="e1", source="r1", target="t", label="support"),
               Relation(id="e2", source="r2", target="t", label="support"),
               Relation(id="e3", source="o", target="t", label="attack"),
               # an undercut: attacks the objection's attack, so it hangs under the objection
               Relation(id="e4", source="c", target="e3", label="attack")])


@pytest.fixture
def nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    ensure_extensions()
    yield nlp
    remove_extensions()


def test_spans_are_the_sentences():
    assert [TEXT[a:b] for a, b in SPANS][0] == "Cities should ban cars from their centres."
    assert TEXT[SPANS[-1][0]:SPANS[-1][1]].startswith("Yet")


def test_gold_projects_onto_sentences_and_undercut_attaches_to_its_edge_source(nlp):
    rd = relation_doc(GOLD, nlp(TEXT))
    assert rd.links == {(1, 0, "support"), (2, 0, "support"), (3, 0, "attack"), (4, 3, "attack")}
    assert rd.mains == {0}
    assert [u.label for u in rd.gold.units] == ["claim", "evidence", "evidence", "claim", "evidence"]
    assert rd.gold.links == {1: (0, "support"), 2: (0, "support"), 3: (0, "attack"), 4: (3, "attack")}


def test_decoding_keeps_a_forest_even_when_pairwise_scores_form_a_cycle():
    # 0 -> 1 -> 2 -> 0 all look likely; a forest must break the cycle at its weakest link.
    probs = {(0, 1): 0.9, (1, 2): 0.8, (2, 0): 0.7, (3, 0): 0.2}
    links = decode_forest(4, probs)
    assert links == {0: 1, 1: 2}
    assert all(len({t for s, t in links.items() if s == k}) <= 1 for k in range(4))


def test_decoding_gives_the_main_claim_no_outgoing_link_and_respects_the_threshold():
    probs = {(0, 1): 0.95, (1, 0): 0.6, (2, 0): 0.55, (3, 0): 0.4}
    assert decode_forest(4, probs, roots=frozenset({0})) == {1: 0, 2: 0}
    assert decode_forest(4, probs, roots=frozenset({0}), no_link=0.58) == {1: 0}


def test_baselines_on_the_small_document(nlp):
    units = relation_doc(GOLD, nlp(TEXT)).gold.units
    nearest = {(link.source, link.target, link.label) for link in baseline_nearest_claim(units, 0).links}
    # evidence -> the nearest claim before it: the two reasons -> thesis, the rebuttal -> objection
    assert nearest == {(1, 0, "support"), (2, 0, "support"), (4, 3, "support")}
    to_main = {(link.source, link.target) for link in baseline_main_claim(units, 0).links}
    assert to_main == {(3, 0)}


def test_link_scores_need_the_label_to_agree():
    gold = [{(1, 0, "support"), (3, 0, "attack")}]
    pred = [{(1, 0, "support"), (3, 0, "support")}]
    s = link_scores(gold, pred)
    assert s["all"]["f1"] == 0.5 and s["support"]["precision"] == 0.5 and s["attack"]["recall"] == 0.0
    assert s["unlabelled"]["f1"] == 1.0


def _docs_like(nlp, n: int) -> list:
    """The small document's gold structure, repeated so a parser has rows to fit."""
    return [relation_doc(GOLD, nlp(TEXT)).gold for _ in range(n)]


def test_component_writes_main_claim_and_links_that_validate(nlp, tmp_path):
    comp = RelationComponent(nlp)
    comp.initialize(golds=_docs_like(nlp, 4))
    doc = nlp(TEXT)
    labels = ["claim", "evidence", "evidence", "claim", "evidence"]
    doc.spans[SPANS_KEY] = [doc.char_span(a, b, label=lab) for (a, b), lab in zip(SPANS, labels)]
    comp(doc)
    record = from_doc(doc, doc_id="cars")
    assert check_record(record.to_dict()) == []
    assert [u.id for u in record.units if u.role == "main"] == ["u1"]
    sources = [r.source for r in record.relations]
    assert len(sources) == len(set(sources)) and "u1" not in sources
    # round trip: the reloaded component predicts the same structure
    comp.to_disk(tmp_path / "relations")
    again = RelationComponent(nlp).from_disk(tmp_path / "relations")
    assert again.predict([doc]) == comp.predict([doc])


def test_tree_shows_main_claim_support_and_attack_at_80_columns():
    out = io.StringIO()
    Console(file=out, width=80, color_system=None).print(argument_tree(GOLD))
    lines = out.getvalue().splitlines()
    assert all(len(line) <= 80 for line in lines)
    text = out.getvalue()
    assert "main claim Cities should ban cars" in text
    assert text.index("supports Car-free") < text.index("attacks However")
    # the undercut hangs under the objection, one level deeper
    objection = next(line for line in lines if "attacks However" in line)
    rebuttal = next(line for line in lines if "attacks Yet" in line)
    assert rebuttal.index("attacks") > objection.index("attacks")


def test_tree_escapes_markup_in_user_text():
    text = "We must act [bold]now[/bold]. Delay costs more."
    record = Document(id="m", text=text,
                      units=[Unit(id="a", start=0, end=28, label="claim", role="main"),
                             Unit(id="b", start=29, end=len(text), label="evidence")],
                      relations=[Relation(id="r", source="b", target="a", label="support")])
    out = io.StringIO()
    Console(file=out, width=80, color_system=None).print(argument_tree(record))
    assert "[bold]now[/bold]" in out.getvalue()


def test_old_records_without_role_still_validate_and_role_is_checked():
    assert check_record({"id": "x", "text": "A.", "units": [
        {"id": "u1", "start": 0, "end": 2, "label": "claim"}]}) == []
    assert check_record({"id": "x", "text": "A.", "units": [
        {"id": "u1", "start": 0, "end": 2, "label": "claim", "role": "main"}]}) == []
    assert check_record({"id": "x", "text": "A.", "units": [
        {"id": "u1", "start": 0, "end": 2, "label": "claim", "role": "central"}]})


@pytest.mark.parametrize("fmt,path", [("aaec", "aaec/train.dat"), ("microtexts", "microtexts"),
                                      ("cmv", "cmv")])
def test_parser_trains_from_each_corpus_with_relations(fmt, path, data_dir, nlp, tmp_path):
    records = list(read_corpus(data_dir / path, format=fmt))
    golds = [relation_doc(r, nlp(r.text)).gold for r in records]
    assert any(g.links for g in golds)
    parser = RelationParser().fit(golds)
    assert "link" in parser.models
    parser.to_disk(tmp_path)
    again = RelationParser.from_disk(tmp_path)
    for g in golds:
        assert again.predict(g.units) == parser.predict(g.units)
        links = parser.predict(g.units).links
        assert len({link.source for link in links}) == len(links)
    # A batch (with an empty and a one-unit document in it) gets what one call per document gets.
    batch = [g.units for g in golds] + [[], golds[0].units[:1]]
    assert again.predict_many(batch) == [parser.predict(units) for units in batch]


runner = CliRunner()


@pytest.mark.slow
def test_annotate_keeps_gold_relations_only_when_asked(tmp_path):
    src = tmp_path / "gold.jsonl"
    src.write_text(__import__("json").dumps(GOLD.to_dict()) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["annotate", str(src), "-o", str(out), "--units-only", "--keep-gold"])
    assert result.exit_code == 0, result.output
    record = Document.model_validate_json(out.read_text(encoding="utf-8").splitlines()[0])
    assert [r["id"] for r in record.meta["gold"]["relations"]] == ["e1", "e2", "e3", "e4"]
    result = runner.invoke(app, ["annotate", str(src), "-o", str(out), "--units-only", "--overwrite"])
    assert result.exit_code == 0
    assert "replaced by predictions" in " ".join(result.output.split())  # log lines wrap


def test_train_and_evaluate_learn_and_score_relations(data_dir, tmp_path):
    out = tmp_path / "model"
    source = f"microtexts:{data_dir / 'microtexts'}"
    result = runner.invoke(app, ["train", source, f"aaec:{data_dir / 'aaec' / 'train.dat'}", "-o", str(out),
                                 "--dev", source])
    assert result.exit_code == 0, result.output
    assert (out / "relations" / "cfg.json").is_file()
    meta = __import__("json").loads((out / "meta.json").read_text(encoding="utf-8"))
    dev = meta["relations"]["dev"][source]
    assert set(dev) == {"gold_units", "predicted_units"}
    assert {"model", "baseline_nearest_claim", "baseline_main_claim"} <= set(dev["gold_units"])
    assert "Argument structure" in (out / "README.md").read_text(encoding="utf-8")
    scores = tmp_path / "scores.json"
    result = runner.invoke(app, ["evaluate", str(out), source, "--json", str(scores)])
    assert result.exit_code == 0, result.output
    assert "argument" in result.output and "structure" in result.output
    report = __import__("json").loads(scores.read_text(encoding="utf-8"))
    block = report["relations"][source]["gold_units"]["model"]
    assert set(block) >= {"all", "support", "attack", "main_claim_accuracy"}


@pytest.mark.parametrize("fmt,path,orig", [("aaec", "aaec/train.dat", "MajorClaim"),
                                           ("microtexts", "microtexts", "central")])
def test_readers_mark_the_main_claim(fmt, path, orig, data_dir):
    for record in read_corpus(data_dir / path, format=fmt):
        mains = [u for u in record.units if u.role == "main"]
        assert mains and all(u.orig == orig for u in mains)
        assert all(u.role is None for u in record.units if u.orig != orig)


def test_non_finite_relation_weights_are_refused(tmp_path):
    import shutil

    import numpy as np

    from argmine.api import DEFAULT_MODEL
    from argmine.errors import ModelError
    from argmine.relations.linear import PairModel

    shutil.copy(DEFAULT_MODEL / "relations" / "link.json", tmp_path / "link.json")
    with np.load(DEFAULT_MODEL / "relations" / "link.npz", allow_pickle=False) as arrays:
        data = {k: arrays[k].copy() for k in arrays.files}
    data["coef"][0, 0] = np.nan
    np.savez(tmp_path / "link.npz", **data)
    with pytest.raises(ModelError, match="E044"):
        PairModel.from_disk(tmp_path, "link")
