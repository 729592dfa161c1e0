"""The HTML report: self-contained, every part rendered, and checked in a real browser."""

import re
import shutil
import subprocess
from html.parser import HTMLParser

import pytest
from typer.testing import CliRunner

from argmine.cli.app import app
from argmine.io import write_jsonl
from argmine.report import render_report

from .records import council_record

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# Flags for a headless run as root on a machine without network (see the docs of the test machines).
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class _Elements(HTMLParser):
    """Collect (tag, attrs, text) of the elements of a page."""

    def __init__(self):
        super().__init__()
        self.elements: list[tuple[str, dict]] = []
        self.text: dict[str, str] = {}
        self._open: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_data(self, data):
        if self.elements:
            tag, attrs = self.elements[-1]
            if attrs.get("data-count"):
                self.text[attrs["data-count"]] = self.text.get(attrs["data-count"], "") + data


def _parse(html: str) -> _Elements:
    parser = _Elements()
    parser.feed(html)
    return parser


def test_report_is_self_contained_and_keeps_user_text():
    html = render_report([council_record()])
    # Nothing is fetched: no external scripts, styles, images or fonts.
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)
    assert "<link" not in html and "@import" not in html and "url(" not in html
    # Brackets in the text survive, and markup in user text is escaped.
    assert "[to the valley]" in html
    elements = _parse(html).elements
    units = [a for t, a in elements if t == "span" and "unit" in a.get("class", "").split()]
    assert [u["id"] for u in units] == ["d0-u-u1", "d0-u-u2", "d0-u-u3", "d0-u-u4", "d0-u-u5"]
    assert "label-claim" in units[0]["class"] and "type-value" in units[0]["class"]
    assert "p=0.55" in units[0]["title"]  # the score on hover


def test_report_parts():
    html = render_report([council_record()])
    elements = _parse(html).elements
    classes = [a.get("class", "") for _, a in elements]
    # Argument tree: u2 is the root; u3 supports it, u1 attacks it.
    assert "node rel-support" in classes and "node rel-attack" in classes
    # Actors with mentions that link into the text.
    mention_links = [a["href"] for t, a in elements if t == "a" and a.get("class") == "mention"]
    assert "#d0-m-a1-0" in mention_links and "#d0-m-a1-1" in mention_links
    ids = {a.get("id") for _, a in elements}
    assert {"d0-m-a1-0", "d0-m-a1-1", "d0-m-a3-0"} <= ids
    # Stance table: one row per actor, evidence links to units, the timeline of the change.
    cells = [a for t, a in elements if t == "td" and a.get("data-stance")]
    assert sorted(c["data-stance"] for c in cells) == ["against", "against", "favor", "none"]
    evidence = [a["href"] for t, a in elements if t == "a" and a.get("class") == "ev"]
    assert "#d0-u-u4" in evidence
    steps = [a["class"] for t, a in elements if t == "a" and a.get("class", "").startswith("step")]
    assert steps == ["step stance-favor", "step stance-against"]
    # Position chart: Alba's two positions along the text, Brun's and Ruritania's one each.
    circles = [a for t, a in elements if t == "circle"]
    assert sorted(c["class"] for c in circles) == ["point stance-against", "point stance-against",
                                                   "point stance-favor", "point stance-favor"]


def test_many_documents_chart_positions_by_date():
    docs = [council_record("c1", "2019-05-01"), council_record("c2", "2021-06-30"), council_record("c3", "2020-01-15")]
    html = render_report(docs)
    assert "Positions across documents" in html and "by date" in html
    collection = html.split('class="collection"', 1)[1].split("</section>", 1)[0]
    points = re.findall(r'<circle class="point stance-(\w+)" cx="([\d.]+)"', collection)
    # Three actors with a position in each of three documents, on one target.
    assert len(points) == 9
    xs = sorted({float(x) for _, x in points})
    assert len(xs) == 3  # one column per date
    assert ">2020<" in collection and ">2021<" in collection


def test_quotations_are_listed_with_speakers():
    from argmine.schema import Document

    if "quotes" not in Document.model_fields:
        pytest.skip("this record format has no quotations yet")
    record = council_record()
    data = record.to_dict()
    start = record.text.index("the treaty would bring peace")
    data["quotes"] = [{"id": "q1", "speaker": "a1", "start": start, "end": start + 28,
                       "cue": {"start": start - 5, "end": start - 1}, "kind": "indirect"}]
    html = render_report([Document.model_validate(data)])
    assert "Quotations" in html and "“the treaty would bring peace”" in html
    assert '<a href="#d0-a-a1">Alba</a>' in html


def test_show_command_writes_report(tmp_path):
    src = tmp_path / "in.jsonl"
    write_jsonl([council_record()], src)
    out = tmp_path / "report.html"
    result = CliRunner().invoke(app, ["show", str(src), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "<article" in out.read_text(encoding="utf-8")
    again = CliRunner().invoke(app, ["show", str(src), "-o", str(out)])
    assert again.exit_code == 1 and "E007" in again.output


def test_show_command_prints_tables_without_losing_text(tmp_path):
    src = tmp_path / "in.jsonl"
    write_jsonl([council_record()], src)
    result = CliRunner().invoke(app, ["show", str(src)])
    assert result.exit_code == 0, result.output
    assert "Minister Alba said the treaty would bring peace [to the valley]." in result.output
    assert "Alba\tthe treaty\tagainst (was favor)\t0.80" in result.output


@pytest.mark.skipif(CHROMIUM is None, reason="no chromium on this machine (Debian package chromium)")
def test_report_in_a_real_browser(tmp_path):
    docs = [council_record("c1", "2019-05-01"), council_record("c2", "2021-06-30")]
    page = tmp_path / "report.html"
    page.write_text(render_report(docs), encoding="utf-8")
    run = subprocess.run([CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}",
                          "--virtual-time-budget=2000", "--dump-dom", page.as_uri()],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    dom = _parse(run.stdout)
    body = next(a for t, a in dom.elements if t == "body")
    assert body.get("data-ready") == "1", "the report's script did not run"
    # The script counted the units per label into the legend.
    assert {k: v.strip() for k, v in dom.text.items()} == {"claim": "(6)", "evidence": "(2)", "none": "(2)"}
    assert sum(1 for t, _ in dom.elements if t == "article") == 2
    assert sum(1 for t, _ in dom.elements if t == "svg") == 3  # one per document, one across them
    shot = tmp_path / "report.png"
    subprocess.run([CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}",
                    "--window-size=1200,1600", f"--screenshot={shot}", page.as_uri()],
                   capture_output=True, timeout=120, check=True)
    assert shot.stat().st_size > 20_000  # a rendered page, not a blank one
