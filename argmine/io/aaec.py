"""Argument Annotated Essays v2 (Stab & Gurevych 2017) in the CoNLL version of Eger et al. (2017).

Source format:
    ``data/conll/Essay_Level/{train,dev,test}.dat``: one token per line, five
    tab-separated columns ``index  token  _  _  label``. An essay starts where
    ``index`` restarts at 1 (blank lines between essays are ignored). Labels are
    ``O`` or BIO tags over components: ``B-MajorClaim``, ``B-Claim:For``,
    ``B-Claim:Against``, ``B-Premise:-1:Support``, ``I-Premise:2:Attack`` ...
    The reader takes the corpus root, the ``Essay_Level`` folder (or any folder
    holding ``train/dev/test.dat``; whichever of them exist are read, in that
    order) or a single ``.dat`` file. The split is the file stem.

Text:
    The CoNLL files keep no original text, so each essay's text is rebuilt from its
    tokens by ``detokenize`` and unit offsets are computed exactly while joining.
    Tokens are joined with one space except: no space before ``, . ; : ! ? ) ] } %``
    and closing quotes, nor before PTB clitics (``n't``, ``'s``, ``'re`` ...); no space
    after ``( [ { “ ‘ $``; ``-`` and ``/`` glue both neighbours (the tokeniser split
    ``well-known`` and ``and/or``); an apostrophe (``'`` or ``’``) hugs the word before
    it, and the next one too if that is ``s t m d ll ve re`` (the tokeniser split
    ``individual's`` into ``individual ' s``); straight double quotes alternate
    between opening (space before, none after) and closing (none before). So the
    text is close to, not identical with, the essays as written; the title/prompt
    is the first sentence and there are no paragraph breaks.

Label mapping (components in text order get ids ``T1``, ``T2`` ...):

    - ``MajorClaim`` -> claim, orig ``MajorClaim``, role ``main`` (an essay states its
      major claim in the introduction and restates it in the conclusion: both are main)
    - ``Claim:For`` / ``Claim:Against`` -> claim, orig ``Claim:For`` / ``Claim:Against``
    - ``Premise:<rel>:<Support|Attack>`` -> evidence, orig ``Premise``

    Types are null (the corpus has none).

Relations (ids ``R1``, ``R2`` ...):
    ``Premise:<rel>:<Support|Attack>`` links the premise (source) to the component
    ``rel`` places away in component order over all components of the essay
    (``-1`` = the previous component), as in Eger et al.'s ``relative2absolute.py``;
    label support/attack, orig = the label without BIO prefix (``Premise:-1:Support``).
    On train/dev these targets are always claims or premises, never major claims, as
    in the original annotation scheme. ``Claim:For`` / ``Claim:Against`` becomes a
    support/attack relation from the claim to the essay's first major claim (orig
    ``Claim:For`` / ``Claim:Against``); in an essay without a major claim the stance
    stays only in the unit's orig (no such essay in train/dev). One claim in dev.dat
    carries a link as well (``Claim:5:Support:For``): it gets both relations (link
    orig ``Claim:5:Support``).

Records:
    ids ``aaec-<split>-<nnnn>`` (essay number within its file, from 1); meta:
    ``corpus``, ``split``, ``source`` (file relative to the corpus root),
    ``topic`` (the document id: each essay answers its own prompt and the CoNLL
    version has no prompt ids), ``essay`` (number within the file) and ``line``
    (line where the essay starts). An ``I-`` tag that does not continue a component
    with the same label starts a new component (usual BIO repair; none in train/dev).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from .. import registry
from ..errors import Errors, SchemaError
from ..schema import Document, Relation, Unit
from ._paths import source_name
from ._tsv import iter_tsv

FORMAT = "aaec"
_SPLITS = ("train", "dev", "test")
_LAYOUT = ("data", "conll", "Essay_Level")
_LABEL = re.compile(r"^(?P<kind>MajorClaim|Claim|Premise)"
                    r"(?::(?P<rel>-?\d+):(?P<rtype>Support|Attack))?"
                    r"(?::(?P<stance>For|Against))?$")
_UNIT_LABEL = {"MajorClaim": "claim", "Claim": "claim", "Premise": "evidence"}
_REL_LABEL = {"Support": "support", "Attack": "attack", "For": "support", "Against": "attack"}

# Detokeniser tables (see the module docstring).
_CLOSERS = set(",.;:!?)]}%”")
_OPENERS = {"(", "[", "{", "“", "‘", "$"}
_GLUE = {"-", "/"}
_APOSTROPHES = {"'", "’"}
_CONTRACTIONS = {"s", "t", "m", "d", "ll", "ve", "re"}
_CLITICS = {"n't", "'s", "'re", "'ve", "'ll", "'d", "'m", "n’t", "’s", "’re", "’ve", "’ll",
            "’d", "’m"}


def detokenize(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Join tokens into text and return it with each token's exact ``(start, end)``."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    quote_open = False
    glue = True  # no space before the first token
    for i, tok in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if tok == '"':
            attach_left = quote_open  # a closing quote hugs the word before it
        else:
            attach_left = (tok in _GLUE or tok in _APOSTROPHES or tok.lower() in _CLITICS
                           or tok.lstrip('"')[:1] in _CLOSERS)
        if not glue and not attach_left:
            parts.append(" ")
            pos += 1
        parts.append(tok)
        spans.append((pos, pos + len(tok)))
        pos += len(tok)
        if tok == '"':
            glue = not quote_open  # an opening quote hugs the word after it
        else:
            glue = (tok in _GLUE or tok in _OPENERS
                    or (tok in _APOSTROPHES and nxt.lower() in _CONTRACTIONS))
        if tok.count('"') % 2:
            quote_open = not quote_open
    return "".join(parts), spans


def _files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    for base in (path.joinpath(*_LAYOUT), path / "conll" / "Essay_Level", path / "Essay_Level",
                 path):
        files = [base / f"{s}.dat" for s in _SPLITS if (base / f"{s}.dat").is_file()]
        if files:
            return files
    raise SchemaError(Errors.E009.format(path=str(path),
                                         expected="data/conll/Essay_Level/{train,dev,test}.dat"))


# One token: (line number, token, label without BIO prefix or None, BIO letter).
_Token = tuple[int, str, str | None, str]


def _essays(file: Path) -> Iterator[list[_Token]]:
    """Yield the essays of one CoNLL file as token lists, checking the columns and indices."""

    def bad_columns(lineno: int, found: int) -> SchemaError:
        return SchemaError(Errors.E101.format(
            fmt=FORMAT, detail=f"expected 5 tab-separated columns "
                               f"`index token _ _ label`, found {found}"),
            path=str(file), lineno=lineno)

    essay: list[_Token] = []
    prev_index = 0
    for lineno, cols in iter_tsv(file, n_columns=5, bad_columns=bad_columns):
        index_s, token, _, _, label = cols
        try:
            index = int(index_s)
        except ValueError:
            raise SchemaError(Errors.E101.format(
                fmt=FORMAT, detail=f"token index {index_s!r} is not a number"),
                path=str(file), lineno=lineno) from None
        if not token:
            raise SchemaError(Errors.E101.format(fmt=FORMAT, detail="empty token"),
                              path=str(file), lineno=lineno)
        if index == 1:
            if essay:
                yield essay
            essay = []
        elif index != prev_index + 1:
            raise SchemaError(Errors.E101.format(
                fmt=FORMAT, detail=f"token index {index} follows {prev_index}; indices "
                                   f"must count up from 1 within an essay"),
                path=str(file), lineno=lineno)
        prev_index = index
        if label == "O":
            essay.append((lineno, token, None, "O"))
        elif label[:2] in ("B-", "I-") and _LABEL.match(label[2:]):
            essay.append((lineno, token, label[2:], label[0]))
        else:
            raise SchemaError(Errors.E102.format(
                fmt=FORMAT, kind="token", label=label,
                allowed="O, B-/I- + MajorClaim, Claim:For, Claim:Against, "
                        "Premise:<n>:Support, Premise:<n>:Attack"),
                path=str(file), lineno=lineno)
    if essay:
        yield essay


def _document(essay: list[_Token], *, file: Path, split: str, number: int) -> Document:
    text, spans = detokenize([tok for _, tok, _, _ in essay])
    # Components: [first token, last token, label, line of the B- tag].
    comps: list[list] = []
    prev_label: str | None = None
    for i, (lineno, _, label, bio) in enumerate(essay):
        if label is None:
            prev_label = None
            continue
        if bio == "I" and label == prev_label:
            comps[-1][1] = i
        else:
            comps.append([i, i, label, lineno])
        prev_label = label

    units: list[Unit] = []
    parsed = []
    for k, (first, last, label, _) in enumerate(comps):
        m = _LABEL.match(label)
        if m is None:  # _essays checked every label; this guards a future change there
            raise SchemaError(Errors.E101.format(fmt=FORMAT, detail=f"unparsed label {label!r}"))
        parsed.append(m)
        kind, stance = m["kind"], m["stance"]
        orig = f"{kind}:{stance}" if stance else kind
        units.append(Unit(id=f"T{k + 1}", start=spans[first][0], end=spans[last][1],
                          label=_UNIT_LABEL[kind], orig=orig,
                          role="main" if kind == "MajorClaim" else None))

    major = next((u.id for u, m in zip(units, parsed) if m["kind"] == "MajorClaim"), None)
    relations: list[Relation] = []
    for k, (m, comp) in enumerate(zip(parsed, comps)):
        if m["rel"] is not None:
            offset = int(m["rel"])
            target = k + offset
            if offset == 0 or not 0 <= target < len(units):
                raise SchemaError(Errors.E103.format(
                    what="Relation target", ref=f"{offset:+d}",
                    scope=f"this essay (component {k + 1} of {len(units)}; the offset counts "
                          f"components, -1 = the previous one)"),
                    path=str(file), lineno=comp[3])
            relations.append(Relation(id=f"R{len(relations) + 1}", source=units[k].id,
                                      target=units[target].id, label=_REL_LABEL[m["rtype"]],
                                      orig=f"{m['kind']}:{m['rel']}:{m['rtype']}"))
        if m["stance"] is not None and major is not None:
            relations.append(Relation(id=f"R{len(relations) + 1}", source=units[k].id,
                                      target=major, label=_REL_LABEL[m["stance"]],
                                      orig=f"{m['kind']}:{m['stance']}"))

    doc_id = f"aaec-{split}-{number:04d}"
    meta = {"corpus": FORMAT, "split": split, "source": source_name(file, (_LAYOUT,)), "topic": doc_id,
            "essay": number, "line": essay[0][0]}
    return Document(id=doc_id, text=text, meta=meta, units=units, relations=relations)


@registry.reader(FORMAT, labels=("units", "relations"), genre="essay")
def read_aaec(path: Path) -> Iterator[Document]:
    """Yield one document per essay of the Eger et al. CoNLL files (see the module docstring)."""
    for file in _files(path):
        split = file.stem
        for number, essay in enumerate(_essays(file), start=1):
            yield _document(essay, file=file, split=split, number=number)
