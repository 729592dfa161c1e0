"""Change My View "modes of persuasion" corpus (Hidey et al. 2017), v2.0, brat standoff.

Source format:
    ``v2.0/{positive,negative}/N.txt`` (a thread: original post and replies),
    ``N.ann`` (``T`` spans ``main_claim`` / ``claim`` / ``premise``, ``A`` semantic-type
    attributes, ``R`` relations ``Arg1`` -> ``Arg2``) and ``N.metadata`` (``Title``,
    ``Source`` URL, ``Content <comment id> <author> <start> <end>`` post boundaries,
    ``Linked Premise <start> <end> ...`` groups, ``Delta``). ``N.xml`` repeats the
    annotation inline and is not read. Offsets in ``.ann`` and ``.metadata`` count
    UTF-8 bytes, not characters (they differ in the 12 threads with non-ASCII text);
    they are converted, and every span is checked against its ``.ann`` text. The reader
    takes the corpus root, ``v2.0``, a ``positive``/``negative`` folder or one file.

Label mapping (orig = ``<component>:<attribute>``, e.g. ``claim:interpretation``):

    ========================================  =====================
    component : attribute                     unit label / type
    ========================================  =====================
    main_claim, claim : evaluation_rational   claim / value
    main_claim, claim : evaluation_emotional  claim / value
    main_claim, claim : interpretation        claim / fact
    main_claim, claim : agreement             claim / null
    main_claim, claim : disagreement          claim / null
    premise : logos, pathos, ethos, ...       evidence / null
    ========================================  =====================

    A discontinuous span becomes one unit from its first start to its last end, orig
    with ``(discontinuous)`` appended. Unit ids are the brat ids, sorted by offset.

Relations (id = brat id, source = ``Arg1``, target = ``Arg2``: premises are ``Arg1`` of
support relations towards claims; orig = the corpus label):
    - support: ``support``, ``agreement``, ``partial_agreement``, ``understand``
    - attack: ``attack``, ``rebuttal``, ``rebuttal_attack``, ``partial_attack``,
      ``undercutter``, ``undercutter_attack``, ``disagreement``, ``partial_disagreement``

Actors:
    The post authors of the ``Content`` lines (kind person, ids ``a1`` ... in order of
    first appearance, no mentions: user names are not in the text). A unit's
    ``speaker`` is the author of the post it starts in; the title, before the first
    post, belongs to the first post's author (the original poster).

Records:
    id ``cmv-<positive|negative>-<N>``; meta: ``corpus``, ``split`` (null: no split
    shipped), ``source`` (the ``.ann`` file relative to the corpus root), ``delta``
    (true in ``positive/``, false in ``negative/``: the ``Delta`` line of the metadata
    says ``Yes`` in both folders and is not used), ``topic`` and ``thread`` (the Reddit
    thread id: several files are different reply chains under the same original post,
    so grouping by topic keeps them in one fold), ``title`` (the ``Title`` spans'
    text), ``url``, ``posts`` (``{"id", "author", "start", "end"}`` in character
    offsets) and ``linked_premises`` (lists of unit ids).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from pathlib import Path

from .. import registry
from ..errors import Errors, SchemaError
from ..schema import Actor, Document, Relation, Unit
from ._brat import byte_to_char, read_pair, unit_span
from ._common import Where, malformed
from ._paths import source_name

FORMAT = "cmv"
_FOLDERS = ("positive", "negative")
_LAYOUTS = (("v2.0", "positive"), ("v2.0", "negative"))
_UNIT_LABEL = {"main_claim": "claim", "claim": "claim", "premise": "evidence"}
_CLAIM_TYPE = {"evaluation_rational": "value", "evaluation_emotional": "value",
               "interpretation": "fact", "agreement": None, "disagreement": None}
_PREMISE_TYPE = re.compile(r"^(ethos|logos|pathos)(_(ethos|logos|pathos))*$")
_REL_LABEL = {
    "support": "support", "agreement": "support", "partial_agreement": "support",
    "understand": "support",
    "attack": "attack", "rebuttal": "attack", "rebuttal_attack": "attack",
    "partial_attack": "attack", "undercutter": "attack", "undercutter_attack": "attack",
    "disagreement": "attack", "partial_disagreement": "attack",
}


def _files(path: Path) -> list[Path]:
    if path.is_file():
        ann = path.with_suffix(".ann")
        if not ann.is_file():
            raise SchemaError(Errors.E009.format(path=str(path), expected="N.ann beside N.txt"))
        return [ann]

    def numbered(folder: Path) -> list[Path]:
        return sorted(folder.glob("*.ann"),
                      key=lambda p: (0, int(p.stem), "") if p.stem.isdigit() else (1, 0, p.stem))

    for base in (path / "v2.0", path):
        folders = [base / f for f in _FOLDERS if (base / f).is_dir()]
        if folders:
            files = [f for folder in folders for f in numbered(folder)]
            if files:
                return files
    files = numbered(path)
    if not files:
        raise SchemaError(Errors.E009.format(path=str(path),
                                             expected="v2.0/{positive,negative}/N.ann + N.txt"))
    return files


def _chars(nums: list[str], to_char: dict[int, int], at: Where) -> list[int]:
    """Character offsets of the byte offsets ``nums``."""
    if not all(n.isdigit() for n in nums):
        raise malformed(FORMAT, f"offsets {' '.join(nums)!r} are not numbers", at)
    try:
        return [to_char[int(n)] for n in nums]
    except KeyError as e:
        raise malformed(FORMAT, f"byte offset {e.args[0]} is inside a character or beyond the text", at) from None


def _metadata(file: Path, to_char: dict[int, int], ann_spans: dict) -> dict:
    """Parse ``N.metadata`` into meta fields (character offsets)."""
    out: dict = {"titles": [], "url": None, "posts": [], "linked_premises": []}
    by_fragment: dict[tuple[int, int], str] = {}
    for span in ann_spans.values():
        for frag in span.fragments:
            by_fragment.setdefault(frag, span.id)
    if not file.is_file():
        return out
    lines = file.read_text(encoding="utf-8").splitlines()
    for lineno, line in enumerate(lines, start=1):
        parts = line.split()
        if not parts:
            continue

        at = Where(file, lineno)

        def chars(nums: list[str], at: Where = at) -> list[int]:
            return _chars(nums, to_char, at)

        key = parts[0]
        if key == "Title" and len(parts) == 3:
            out["titles"].append(tuple(chars(parts[1:3])))
        elif key == "Source" and len(parts) == 2:
            out["url"] = parts[1]
        elif key == "Content" and len(parts) == 5:
            start, end = chars(parts[3:5])
            out["posts"].append({"id": parts[1], "author": parts[2], "start": start, "end": end})
        elif key == "Linked" and len(parts) >= 4 and parts[1] == "Premise" and len(parts) % 2 == 0:
            offs = chars(parts[2:])
            group = []
            for s, e in zip(offs[::2], offs[1::2]):
                if (s, e) not in by_fragment:
                    raise SchemaError(Errors.E103.format(
                        what="Linked premise span", ref=f"{s}:{e}",
                        scope=f"the spans of {file.with_suffix('.ann').name}"),
                        path=str(file), lineno=lineno)
                group.append(by_fragment[(s, e)])
            out["linked_premises"].append(group)
        elif key == "Delta" and len(parts) == 2:
            pass  # says "Yes" in both folders: the folder decides (see the module docstring)
        else:
            raise malformed(FORMAT, f"unexpected metadata line {line.strip()[:60]!r}; expected Title, "
                                    f"Source, Content, Linked Premise or Delta lines", at)
    return out


def _document(ann_file: Path) -> Document:
    text, ann = read_pair(ann_file, fmt=FORMAT, byte_offsets=True)
    path = str(ann_file)

    attrs: dict[str, str | None] = {}
    for aid, _name, target, value, lineno in ann.attributes:
        if target not in ann.spans:
            raise SchemaError(Errors.E103.format(what=f"Span of attribute {aid}", ref=target,
                                                 scope="this file"), path=path, lineno=lineno)
        if target in attrs:
            raise SchemaError(Errors.E101.format(fmt=FORMAT, detail=f"span {target} has a second "
                                                 f"type attribute ({aid})"),
                              path=path, lineno=lineno)
        attrs[target] = value

    to_char = byte_to_char(text)
    meta_file = ann_file.with_suffix(".metadata")
    md = _metadata(meta_file, to_char, ann.spans)
    posts = md["posts"]
    post_starts = [p["start"] for p in posts]
    authors: dict[str, str] = {}
    for p in posts:
        authors.setdefault(p["author"], f"a{len(authors) + 1}")
    actors = [Actor(id=aid, name=name, kind="person", mentions=[]) for name, aid in authors.items()]

    units = []
    for span in ann.spans.values():
        if span.label not in _UNIT_LABEL:
            raise SchemaError(Errors.E102.format(fmt=FORMAT, kind="component", label=span.label,
                                                 allowed=", ".join(_UNIT_LABEL)),
                              path=path, lineno=span.lineno)
        value = attrs.get(span.id)
        utype = None
        if span.label == "premise":
            if value is not None and not _PREMISE_TYPE.match(value):
                raise SchemaError(Errors.E102.format(
                    fmt=FORMAT, kind="premise type", label=value,
                    allowed="logos, pathos, ethos and their combinations such as logos_pathos"),
                    path=path, lineno=span.lineno)
        elif value is not None:
            if value not in _CLAIM_TYPE:
                raise SchemaError(Errors.E102.format(fmt=FORMAT, kind="claim type", label=value,
                                                     allowed=", ".join(_CLAIM_TYPE)),
                                  path=path, lineno=span.lineno)
            utype = _CLAIM_TYPE[value]
        orig = span.label + (f":{value}" if value else "")
        if len(span.fragments) > 1:
            orig += "(discontinuous)"
        start, end = unit_span(text, span)
        k = bisect.bisect_right(post_starts, start)
        speaker = authors[posts[max(k - 1, 0)]["author"]] if posts else None
        units.append(Unit(id=span.id, start=start, end=end, label=_UNIT_LABEL[span.label],
                          type=utype, orig=orig, speaker=speaker))
    units.sort(key=lambda u: (u.start, u.end, u.id))

    relations = []
    for rid, rtype, arg1, arg2, lineno in ann.relations:
        if rtype not in _REL_LABEL:
            raise SchemaError(Errors.E102.format(fmt=FORMAT, kind="relation", label=rtype,
                                                 allowed=", ".join(_REL_LABEL)),
                              path=path, lineno=lineno)
        for arg in (arg1, arg2):
            if arg not in ann.spans:
                raise SchemaError(Errors.E103.format(what=f"Argument of relation {rid}", ref=arg,
                                                     scope="this file"), path=path, lineno=lineno)
        relations.append(Relation(id=rid, source=arg1, target=arg2, label=_REL_LABEL[rtype],
                                  orig=rtype))

    folder = ann_file.parent.name
    delta = {"positive": True, "negative": False}.get(folder)
    doc_id = f"cmv-{folder}-{ann_file.stem}"
    thread = posts[0]["id"] if posts else None
    if thread is None and md["url"]:
        m = re.search(r"/comments/([a-z0-9]+)", md["url"])
        thread = m.group(1) if m else None
    title = " ".join(text[s:e].strip() for s, e in md["titles"] if text[s:e].strip()) or None
    meta = {"corpus": FORMAT, "split": None, "source": source_name(ann_file, _LAYOUTS),
            "delta": delta, "topic": thread or doc_id, "thread": thread, "title": title,
            "url": md["url"], "posts": posts, "linked_premises": md["linked_premises"]}
    return Document(id=doc_id, text=text, meta=meta, units=units, relations=relations,
                    actors=actors)


@registry.reader(FORMAT, labels=("units", "claim_type", "relations", "actors"), genre="discussion")
def read_cmv(path: Path) -> Iterator[Document]:
    """Yield one document per thread file (see the module docstring)."""
    for ann_file in _files(path):
        yield _document(ann_file)
