from typer.testing import CliRunner

from argmine.api import DEFAULT_MODEL
from argmine.cli.app import app
from argmine.schema import Document
from argmine.stance.evaluate import evaluate_stances, match_actors

TEXT = "Seoul favors talks with Pyongyang. Tokyo opposes the talks."


def _doc(stances, actors):
    return Document.model_validate({"id": "d", "text": TEXT, "meta": {"targets": ["talks with North Korea"]},
                                    "actors": actors, "stances": stances})


GOLD = _doc([{"actor": "g1", "target": "talks with North Korea", "stance": "favor"},
             {"actor": "g2", "target": "talks with North Korea", "stance": "against"}],
            [{"id": "g1", "name": "South Korea", "kind": "country", "mentions": [{"start": 0, "end": 5}]},
             {"id": "g2", "name": "Japan", "kind": "country", "mentions": [{"start": 35, "end": 40}]}])


def test_actors_pair_by_shared_mentions():
    pred_actors = [{"id": "p7", "name": "Republic of Korea", "kind": "country", "mentions": [{"start": 0, "end": 5}]}]
    pred = _doc([], pred_actors)
    assert match_actors(GOLD.actors, pred.actors) == {"g1": "p7"}


def test_missing_pairs_count_as_absent():
    pred = _doc([{"actor": "p1", "target": "talks with North Korea", "stance": "favor"}],
                [{"id": "p1", "name": "South Korea", "kind": "country", "mentions": [{"start": 0, "end": 5}]}])
    report = evaluate_stances([GOLD], [pred])
    assert report["all_pairs"]["accuracy"] == 0.5
    assert report["positioned_found"] == 0.5


def test_rows_without_a_gold_record_are_counted_apart():
    # Seoul's row matches a gold record; a row for an actor the annotators did not link does not.
    pred = _doc([{"actor": "p1", "target": "talks with North Korea", "stance": "favor"},
                 {"actor": "p2", "target": "talks with North Korea", "stance": "none"}],
                [{"id": "p1", "name": "South Korea", "kind": "country", "mentions": [{"start": 0, "end": 5}]},
                 {"id": "p2", "name": "North Korea", "kind": "country", "mentions": [{"start": 24, "end": 33}]}])
    report = evaluate_stances([GOLD], [pred])
    assert (report["predicted_rows"], report["unmatched_rows"]) == (2, 1)
    assert report["all_pairs"]["accuracy"] == 0.5  # the pair scores do not see the extra row


def test_cli_stance_evaluation(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(GOLD.model_dump_json(by_alias=True) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["evaluate", str(DEFAULT_MODEL), f"jsonl:{path}", "--stance"])
    assert result.exit_code == 0, result.output
    assert "stance (all pairs)" in result.output
    assert "without a gold record" in result.output
