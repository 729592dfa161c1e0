"""Argumentative microtexts (Peldszus & Stede 2015; part 2: Skeppstedt et al. 2018), English.

Source format:
    One ``arggraph`` XML file per text (DTD ``corpus/arggraph.dtd``): ``edu``
    elements (text segments, in text order), optional ``joint`` nodes, ``adu``
    elements with ``type`` pro/opp, and ``edge`` elements: ``seg`` (EDU/joint ->
    ADU, EDU -> joint), ``sup`` support, ``exa`` support by example, ``reb`` rebut,
    ``und`` undercut (targets an edge), ``add`` additional source (a linked premise:
    targets the edge it joins). Root attributes ``id``, ``topic_id`` and ``stance``
    (pro/con/unclear) are optional. The reader takes the corpus root (reads
    ``corpus/en/*.xml`` of part 1 and ``part2/corpus/*.xml`` if present), a part-2
    root (``corpus/*.xml``), a folder of XML files, or one file. Trigger questions
    come from ``topics_triggers.md`` in a folder above the XML files.

Text:
    The EDUs (each stripped) joined by single spaces; offsets are computed exactly
    while joining. Part 1: equal to the ``.txt`` file for all 112 texts. If a ``.txt``
    exists and differs from the rebuilt text (ignoring case, since part 2 upper-cases
    reconstructed implicit claims there), ``meta["txt_differs"]`` is true.

Label mapping:
    - Units are the ADUs (ids as in the file, ``a1`` ...). An ADU made of several EDUs
      (directly or through a joint) spans from its first EDU's start to its last EDU's
      end.
    - The central claim, the ADU that is the source of no non-``seg`` edge -> claim,
      orig ``central``, role ``main``.
    - Every other ADU -> evidence, orig its role ``pro`` or ``opp``. Types are null.
    - Edges (relation id = edge id, orig = edge type): ``sup``, ``exa`` -> support;
      ``reb``, ``und`` -> attack. An undercut's target is the relation id of the edge it
      attacks.
    - ``add`` (the source is a further premise of a linked argument, the target the
      edge it joins): the relation goes from the ``add`` source to the target of the
      joined edge (followed through chains of ``add`` edges), with the joined edge's
      label; so in ``a3 -und-> c1`` + ``a4 -add-> (that und)`` both a3 and a4 attack
      relation c1. Orig stays ``add``.

Stance:
    If the root ``stance`` is ``pro`` or ``con``, the author actor ``a0`` (role author)
    takes stance favor / against (orig the attribute) toward the topic's trigger question
    (English text from ``topics_triggers.md``; the topic id if the question is not
    listed), with the central claim(s) as evidence. ``unclear`` or missing stance: no
    stance record (the attribute is kept in ``meta["stance"]``).

Records:
    id = the arggraph id (``micro_b001``); meta: ``corpus``, ``split`` (null: the
    corpus has no split; the usual protocol is cross-validation), ``source`` (file
    relative to the corpus root), ``topic`` (``topic_id``, null if missing), ``stance``
    (root attribute or null), ``question`` (trigger question or null), and
    ``implicit_units`` (ADUs built from EDUs marked ``implicit="true"``) when there are
    any.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from .. import registry
from ..errors import Errors, SchemaError
from ..schema import Document, Relation, Stance, Unit
from ..spans import join
from ._common import author as author_actor
from ._paths import source_name

FORMAT = "microtexts"
_REL_LABEL = {"sup": "support", "exa": "support", "reb": "attack", "und": "attack"}
_EDGE_TYPES = ("seg", "sup", "exa", "add", "reb", "und")
_STANCE = {"pro": "favor", "con": "against"}
_LAYOUTS = (("part2", "corpus"), ("corpus", "en"), ("corpus",))


def _files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    files: list[Path] = []
    seen: set[Path] = set()
    for base in (path / "corpus" / "en", path / "en", path / "corpus", path / "part2" / "corpus",
                 path):
        for f in sorted(base.glob("*.xml")):
            if f.resolve() not in seen:
                seen.add(f.resolve())
                files.append(f)
    if not files:
        raise SchemaError(Errors.E009.format(path=str(path),
                                             expected="corpus/en/*.xml (arggraph XML)"))
    return files


@cache
def _questions(folder: Path) -> dict[str, str]:
    """Topic id -> English trigger question, from the nearest ``topics_triggers.md`` above."""
    for d in (folder, *folder.parents[:3]):
        md = d / "topics_triggers.md"
        if md.is_file():
            break
    else:
        return {}
    out: dict[str, str] = {}
    topic = None
    for line in md.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^\s*[*-]\s*`([^`]+)`", line)
        if m:
            topic = m.group(1).strip()
            continue
        m = re.match(r"^\s*en:\s*(.+?)\s*$", line)
        if m and topic is not None and topic not in out:
            out[topic] = m.group(1)
    return out


def _parse(file: Path) -> ET.Element:
    try:
        root = ET.parse(file).getroot()
    except ET.ParseError as e:
        raise SchemaError(Errors.E101.format(fmt=FORMAT, detail=f"not well-formed XML ({e})"),
                          path=str(file), lineno=e.position[0]) from None
    if root.tag != "arggraph":
        raise SchemaError(Errors.E101.format(fmt=FORMAT, detail=f"root element is <{root.tag}>, "
                                             f"not <arggraph>"), path=str(file))
    return root


def _document(file: Path) -> Document:
    root = _parse(file)
    path = str(file)

    def bad(detail: str) -> SchemaError:
        return SchemaError(Errors.E101.format(fmt=FORMAT, detail=detail), path=path)

    def missing(what: str, ref: str | None) -> SchemaError:
        return SchemaError(Errors.E103.format(what=what, ref=ref, scope="this arggraph"),
                           path=path)

    edus: list[tuple[str, str, bool]] = []
    joints: set[str] = set()
    adus: list[tuple[str, str]] = []
    edges: dict[str, tuple[str, str, str]] = {}
    for el in root:
        ident = el.get("id") or ""
        if el.tag in ("edu", "joint", "adu", "edge") and not ident:
            raise bad(f"an <{el.tag}> element has no id")
        if el.tag == "edu":
            if not (el.text or "").strip():
                raise bad(f"edu {ident} is empty")
            edus.append((ident, el.text or "", el.get("implicit", "").lower() == "true"))
        elif el.tag == "joint":
            joints.add(ident)
        elif el.tag == "adu":
            if el.get("type") not in ("pro", "opp"):
                raise SchemaError(Errors.E102.format(fmt=FORMAT, kind="ADU",
                                                     label=el.get("type"), allowed="pro, opp"),
                                  path=path)
            adus.append((ident, el.get("type", "")))
        elif el.tag == "edge":
            etype = el.get("type", "")
            if etype not in _EDGE_TYPES:
                raise SchemaError(Errors.E102.format(fmt=FORMAT, kind="edge", label=etype,
                                                     allowed=", ".join(_EDGE_TYPES)), path=path)
            edges[ident] = (el.get("src", ""), el.get("trg", ""), etype)
        else:
            raise bad(f"unexpected element <{el.tag}>")

    text, spans = join([t for _, t, _ in edus])
    edu_span = {eid: span for (eid, _, _), span in zip(edus, spans)}
    implicit_edus = {eid for eid, _, imp in edus if imp}
    adu_type = dict(adus)

    # Segmentation: EDU -> joint -> ADU or EDU -> ADU.
    joint_edus: dict[str, list[str]] = {j: [] for j in joints}
    adu_edus: dict[str, list[str]] = {a: [] for a, _ in adus}
    for eid, (src, trg, etype) in edges.items():
        if etype == "seg" and trg in joints:
            if src not in edu_span:
                raise missing(f"Source EDU of seg edge {eid}", src)
            joint_edus[trg].append(src)
    for eid, (src, trg, etype) in edges.items():
        if etype != "seg" or trg in joints:
            continue
        if trg not in adu_edus:
            raise missing(f"Target ADU of seg edge {eid}", trg)
        if src in edu_span:
            adu_edus[trg].append(src)
        elif src in joint_edus:
            adu_edus[trg].extend(joint_edus[src])
        else:
            raise missing(f"Source EDU or joint of seg edge {eid}", src)

    sources = {src for src, _, etype in edges.values() if etype != "seg"}
    units = []
    implicit_units = []
    for aid, atype in adus:
        if not adu_edus[aid]:
            raise bad(f"ADU {aid} is grounded in no EDU (no seg edge points at it)")
        start = min(edu_span[e][0] for e in adu_edus[aid])
        end = max(edu_span[e][1] for e in adu_edus[aid])
        central = aid not in sources
        units.append(Unit(id=aid, start=start, end=end, label="claim" if central else "evidence",
                          orig="central" if central else atype, role="main" if central else None))
        if any(e in implicit_edus for e in adu_edus[aid]):
            implicit_units.append(aid)
    centrals = [u.id for u in units if u.label == "claim"]

    relations = []
    for eid, (src, _trg, etype) in edges.items():
        if etype == "seg":
            continue
        if src not in adu_type:
            raise missing(f"Source ADU of {etype} edge {eid}", src)
        joined = eid
        seen = {eid}
        while edges[joined][2] == "add":  # follow the linked premise to the edge it joins
            joined = edges[joined][1]
            if joined not in edges or joined in seen or edges[joined][2] == "seg":
                raise missing(f"Argumentative edge joined by add edge {eid}", joined)
            seen.add(joined)
        target = edges[joined][1]
        if target not in adu_type and (target not in edges or edges[target][2] == "seg"):
            raise missing(f"Target ADU or edge of {edges[joined][2]} edge {joined}", target)
        relations.append(Relation(id=eid, source=src, target=target,
                                  label=_REL_LABEL[edges[joined][2]], orig=etype))

    topic = root.get("topic_id")
    stance_attr = root.get("stance")
    question = _questions(file.absolute().parent).get(topic) if topic else None
    actors, stances = [], []
    target = question or topic or ""
    if stance_attr in _STANCE and target:
        ids = {u.id for u in units} | set(edges)
        author = "a0" if "a0" not in ids else "author"
        actors.append(author_actor(author))
        stances.append(Stance(actor=author, target=target, stance=_STANCE[stance_attr],
                              evidence=centrals, orig=stance_attr))

    meta: dict[str, Any] = {"corpus": FORMAT, "split": None, "source": source_name(file, _LAYOUTS), "topic": topic,
            "stance": stance_attr, "question": question}
    if implicit_units:
        meta["implicit_units"] = implicit_units
    txt = file.with_suffix(".txt")
    if txt.is_file():
        raw = txt.read_text(encoding="utf-8")
        if " ".join(raw.split()).casefold() != " ".join(text.split()).casefold():
            meta["txt_differs"] = True
    return Document(id=root.get("id") or file.stem, text=text, meta=meta, units=units,
                    relations=relations, actors=actors, stances=stances)


@registry.reader(FORMAT, labels=("units", "relations", "stances", "actors"), genre="microtext")
def read_microtexts(path: Path) -> Iterator[Document]:
    """Yield one document per microtext (see the module docstring)."""
    for file in _files(path):
        yield _document(file)
