"""Discourse networks (GraphML, igraph CSV, DNA) and AIF argument graphs."""

import csv
import json

import networkx as nx
from typer.testing import CliRunner

from argmine.cli.app import app
from argmine.io import write_jsonl
from argmine.network import affiliation_network, agreement_network, statements

from .records import council_record


def _docs():
    return [council_record("c1", "2019-05-01"), council_record("c2", "2021-06-30")]


def test_statements_skip_none_and_follow_dna_person_organization():
    stmts = statements([council_record()])
    assert [(s.actor, s.organization, s.target, s.stance) for s in stmts] == [
        ("Alba", "Ruritania", "the treaty", "against"),
        ("Brun", "Ruritania", "the treaty", "favor"),
        ("Ruritania", "Ruritania", "the treaty", "against")]
    assert stmts[0].text.startswith("Minister Alba said the treaty would bring peace [to the valley].")


def test_date_range_and_minimum_statements():
    docs = _docs()
    from datetime import date

    assert {s.doc for s in statements(docs, start=date(2020, 1, 1))} == {"c2"}
    assert {s.doc for s in statements(docs, end=date(2020, 1, 1))} == {"c1"}
    assert statements(docs, min_statements=3) == []
    assert len(statements(docs, min_statements=2)) == 6


def test_affiliation_congruence_and_conflict():
    stmts = statements(_docs())
    aff = affiliation_network(stmts)
    edge = aff["actor:Alba"]["target:the treaty"]
    assert (edge["favor"], edge["against"], edge["mixed"], edge["weight"]) == (0, 2, 0, 2)
    congruence = agreement_network(stmts)
    assert set(map(frozenset, congruence.edges)) == {frozenset({"actor:Alba", "actor:Ruritania"})}
    conflict = agreement_network(stmts, conflict=True)
    assert set(map(frozenset, conflict.edges)) == {frozenset({"actor:Alba", "actor:Brun"}),
                                                   frozenset({"actor:Brun", "actor:Ruritania"})}
    assert conflict["actor:Alba"]["actor:Brun"]["weight"] == 1


def _export(tmp_path, *args):
    src = tmp_path / "in.jsonl"
    if not src.exists():
        write_jsonl(_docs(), src)
    result = CliRunner().invoke(app, ["export", str(src), *args])
    assert result.exit_code == 0, result.output
    return result


def test_cli_graphml_reads_back(tmp_path):
    _export(tmp_path, "--format", "graphml", "--network", "conflict", "-o", str(tmp_path / "n.graphml"))
    g = nx.read_graphml(tmp_path / "n.graphml")
    assert g.number_of_edges() == 2 and g.nodes["actor:Brun"]["statements"] == 2


def test_cli_csv_tables_for_igraph(tmp_path):
    _export(tmp_path, "--format", "csv", "-o", str(tmp_path / "net"), "--from", "2020-01-01")
    with open(tmp_path / "net" / "edges.csv", encoding="utf-8") as f:
        edges = list(csv.DictReader(f))
    with open(tmp_path / "net" / "nodes.csv", encoding="utf-8") as f:
        nodes = list(csv.DictReader(f))
    # igraph's graph_from_data_frame: the first two edge columns name vertices of the first node column.
    names = {n["name"] for n in nodes}
    assert all(e["from"] in names and e["to"] in names for e in edges)
    assert {(e["from"], e["favor"], e["against"]) for e in edges} == {
        ("actor:Alba", "0", "1"), ("actor:Brun", "1", "0"), ("actor:Ruritania", "0", "1")}


def test_cli_dna_statements(tmp_path):
    _export(tmp_path, "--format", "dna", "-o", str(tmp_path / "s.csv"), "--min-statements", "2")
    with open(tmp_path / "s.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0])[:6] == ["person", "organization", "concept", "agreement", "date", "text"]
    assert rows[0]["person"] == "Alba" and rows[0]["organization"] == "Ruritania"
    assert rows[0]["agreement"] == "no" and rows[0]["date"] == "2019-05-01"
    assert {r["agreement"] for r in rows} == {"yes", "no"}


def test_cli_aif(tmp_path):
    _export(tmp_path, "--format", "aif", "-o", str(tmp_path / "a.json"))
    aif = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))
    nodes = {n["nodeID"]: n for n in aif["nodes"]}
    assert nodes["c1:r1"]["type"] == "RA" and nodes["c1:r2"]["type"] == "CA"
    pairs = {(e["fromID"], e["toID"]) for e in aif["edges"]}
    assert {("c1:u3", "c1:r1"), ("c1:r1", "c1:u2"), ("c1:u1", "c1:r2"), ("c1:r2", "c1:u2")} <= pairs
    # The unit labelled none with no relation is not an argument node.
    assert "c1:u5" not in nodes


def test_cli_export_bad_options(tmp_path):
    src = tmp_path / "in.jsonl"
    write_jsonl(_docs(), src)
    runner = CliRunner()
    bad_format = runner.invoke(app, ["export", str(src), "--format", "pdf", "-o", str(tmp_path / "x")])
    assert bad_format.exit_code == 1 and "E302" in bad_format.output
    bad_date = runner.invoke(app, ["export", str(src), "--format", "dna", "-o", str(tmp_path / "x"),
                                   "--from", "May 2020"])
    assert bad_date.exit_code == 1 and "E303" in bad_date.output
