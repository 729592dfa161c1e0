"""Recognise a stance target and its paraphrases in text.

A target is free text of one of four kinds (:class:`TargetKind`), recognised from the
text itself or set by the user:

* ``policy``: a policy or concept ("detente with North Korea", "the Iran nuclear deal").
  It is parsed into a *head concept* (the policy it names), looked up in a general
  lexicon of policy concepts (``data/target_concepts.json``), and *anchor entities*
  (the countries or people it is about). A sentence mentions the target when it holds
  a term of the head concept and an anchor is in reach, or a definite description of
  its head ("the deal", "the agreement") that refers back to it; it mentions the
  target's *opposite* when it holds a term of an opposed concept (favouring pressure
  counts against engagement).
* ``actor``: a person, organization, party or country ("Nancy Pelosi", "China"); the
  stance code matches it through the actors layer (every mention and alias of that
  actor, and pronouns that refer to it).
* ``event``: a decision or event ("Trump's summit meeting with Putin in Helsinki",
  "withdrawing American troops from Syria"): its head (noun or verb, with the verb and
  noun forms of one another: "withdraw" / "withdrawal") and its arguments.
* ``motion``: a proposition ("X should be banned", "This house would ban X"). Its
  object X is parsed as above and ``sign`` is the proposition's own polarity toward X
  (ban = -1), so favouring the motion is favouring the ban.

Users add their own terms. Targets are parsed once per run (:class:`TargetCache`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache
from pathlib import Path

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from ..actors.gazetteer import HYPHENS, clean_name, country_of, country_of_demonym, split_hyphens
from ..errors import ArgmineError, Errors
from ..matching import make_doc, per_vocab
from .lexicon import StanceLexicon, is_proposition, load_lexicon, target_info, tokenize

_DATA = Path(__file__).resolve().parent.parent / "data" / "target_concepts.json"
_STOP = frozenset({"the", "a", "an", "of", "with", "on", "to", "for", "toward", "towards", "against",
                   "in", "and", "or", "between", "about", "over", "by"})


DEFAULT_CONCEPTS = _DATA


@lru_cache(maxsize=1)
def load_concepts() -> dict:
    """The bundled table of policy concepts (``data/target_concepts.json``)."""
    return json.loads(_DATA.read_text(encoding="utf-8"))


class TargetKind(str, Enum):  # noqa: UP042 (StrEnum would change str(kind))
    """What a target is: see the module docstring."""
    POLICY = "policy"
    ACTOR = "actor"
    EVENT = "event"
    MOTION = "motion"


# Nouns that name an event or decision rather than a standing policy.
_EVENT_NOUNS = frozenset({
    "summit", "meeting", "visit", "talks", "nomination", "confirmation", "appointment", "election",
    "vote", "referendum", "withdrawal", "invasion", "strike", "attack", "decision", "ruling",
    "verdict", "veto", "impeachment", "trial", "hearing", "speech", "announcement", "shutdown",
    "deployment", "intervention", "bailout", "raid", "resignation", "firing", "pardon",
    "inauguration", "conference", "negotiation", "merger", "acquisition", "launch", "test",
    "execution", "killing", "arrest", "indictment", "rally", "protest", "boycott", "crackdown"})
# Entity labels whose whole-target match makes the target an actor.
_ACTOR_LABELS = ("PERSON", "ORG", "GPE", "NORP")
# Entity labels of the anchors (who a policy is about), which stay anchors.
_ANCHOR_LABELS = ("GPE", "NORP", "PERSON")
_PARTICLES = frozenset({"up", "out", "off", "down", "back", "over"})
# Endings of a noun made from a verb: "X's uranium enrichment", "X's annexation of Y" is X's
# act when the noun has an object ("Iran's government", "Iran's nation" have none), unless
# it names a thing agreed or a body ("Iran's arms agreement", "the EU's trade commitment").
_ACT_ENDINGS = ("ment", "ation")
_NOT_ACTS = frozenset({"agreement", "commitment", "settlement", "arrangement", "statement", "government",
                       "department", "parliament", "establishment", "administration", "organization",
                       "organisation", "nation", "population", "foundation", "federation", "delegation",
                       "declaration", "legislation", "regulation", "station", "relation", "situation"})
# Act nouns that do not end like one: "Iran's drone transfers to Russia" is Iran's act, named
# also by "Iran transferred drones" (the verbs that related_forms does not make: _IRREGULAR_VERBS).
_ACT_NOUNS = frozenset({"transfer", "delivery", "sale", "shipment", "supply", "export", "import", "purchase"})
_IRREGULAR_VERBS = {"delivery": "deliver", "sale": "sell"}
_NOMINAL_SUFFIXES = (("ation", ""), ("ation", "e"), ("ition", "e"), ("ion", "e"), ("ion", ""),
                     ("al", ""), ("ment", ""), ("ure", "e"), ("ance", ""), ("ing", ""), ("ing", "e"))


def related_forms(lemma: str) -> frozenset[str]:
    """Verb and noun forms of an event head ("withdrawal" <-> "withdraw", "nomination" <->
    "nominate"); unattested strings are harmless, since they only ever match words."""
    out = {lemma}
    for suffix, repl in _NOMINAL_SUFFIXES:
        if lemma.endswith(suffix) and len(lemma) - len(suffix) >= 3:
            out.add(lemma[: -len(suffix)] + repl)
    for suffix, repl in (("e", "ation"), ("e", "ion"), ("", "al"), ("", "ation"), ("", "ment"), ("", "ion")):
        if lemma.endswith(suffix):
            out.add(lemma[: len(lemma) - len(suffix)] + repl)
    return frozenset(out)


@dataclass(frozen=True)
class Target:
    """A parsed stance target.

    Attributes:
        text: The target as the user wrote it.
        terms: Lower-case lemmas/phrases that name the target (head concept + user terms).
        opposite: Terms whose endorsement counts against the target.
        anchors: Lower-case names of what the target is about ("north korea").
        concepts: Names of the matched concepts, for explanation.
        multiword: Terms of several words, matched in the lower-cased text.
        kind: What the target is (:class:`TargetKind`).
        sign: Polarity of a motion toward its object (+1, or -1 for "ban X").
        heads: Lemmas of the target's head(s); a definite description of a head ("the
            deal") refers back to the target without its anchors.
        actor_name: For an actor target, the name as written (matched against actors).
        obj: For a motion or a measure against its object, the object ("the sale of violent
            video games to minors", "assault weapons").
        obj_terms: For a measure against its object ("a ban on assault weapons"), the object's
            words, which are opposite terms: a mention of them is read toward ``obj``.
    """
    text: str
    terms: frozenset[str]
    opposite: frozenset[str]
    anchors: tuple[str, ...] = ()
    concepts: tuple[str, ...] = ()
    multiword: tuple[str, ...] = field(default=())
    kind: TargetKind = TargetKind.POLICY
    sign: int = 1
    heads: frozenset[str] = frozenset()
    actor_name: str = ""
    obj: str = ""
    obj_terms: frozenset[str] = frozenset()


def detect_kind(doc) -> TargetKind:
    """The kind of a parsed target phrase (see the module docstring)."""
    words = [t for t in doc if not t.is_punct]
    if not words:
        return TargetKind.POLICY
    if is_proposition(tokenize(doc)) or any(t.lower_ in ("should", "must", "ought") for t in words):
        return TargetKind.MOTION
    content = [t for t in words if t.lower_ not in ("the", "a", "an")]
    if content and all(t.ent_type_ in _ACTOR_LABELS for t in content) and any(t.text[:1].isupper() for t in content):
        return TargetKind.ACTOR  # a name ("social security" in lower case is none)
    if content and _names_an_actor(doc, content):
        return TargetKind.ACTOR
    root = next((t for t in doc if t.dep_ == "ROOT"), words[0])
    if root.pos_ == "VERB" or (root.tag_ == "VBG") or words[0].tag_ == "VBG" or root.i in _hyphened_heads(doc):
        return TargetKind.EVENT
    lemma = root.lemma_.lower()
    of_to = any(c.dep_ == "prep" and c.lower_ in ("of", "to") for c in root.children)
    # An act noun of no act ending needs what is moved and where ("Germany's gas supply" is
    # what Germany receives, "Russia's arms sales to India" what Russia does).
    if ((lemma.endswith(_ACT_ENDINGS) and lemma not in _NOT_ACTS or lemma in _ACT_NOUNS and of_to)
            and any(c.dep_ == "poss" and c.ent_type_ in _ACTOR_LABELS for c in root.children)
            and (of_to or any(c.dep_ == "compound" and c.pos_ == "NOUN" for c in root.children))):
        # "Iran's uranium enrichment", "Russia's annexation of Crimea", "Iran's drone transfers to Russia"
        return TargetKind.EVENT
    if root.lemma_.lower() in _EVENT_NOUNS or any(
            t.lemma_.lower() in _EVENT_NOUNS and t.dep_ in ("compound", "ROOT") for t in words):
        return TargetKind.EVENT
    return TargetKind.POLICY


def _names_an_actor(doc, content: Sequence[Token]) -> bool:
    """Is the whole phrase one actor as the actors layer reads it ("Republican lawmakers",
    "the Obama administration", "Japan's security establishment")? A bare plural
    ("protesters") is not: the layer finds it only where it acts, so it stays a policy's term."""
    from ..actors import find_actors

    lo, hi = content[0].idx, content[-1].idx + len(content[-1])
    named = any(t.text[:1].isupper() for t in content)  # not "social security", which the NER calls an ORG
    return any(m.start <= lo and hi <= m.end for a in find_actors(doc)
               if a.role != "author" and (named or a.kind == "group") for m in a.mentions)


def parse_target(text: str, nlp: Callable[[str], Doc], *, extra_terms: Iterable[str] = (),
                 kind: TargetKind | str | None = None, lexicon: StanceLexicon | None = None,
                 concepts: dict | None = None) -> Target:
    """Parse a target phrase into its kind, terms and anchor entities.

    Args:
        text: The target, e.g. "detente with North Korea".
        nlp: A pipeline with tagger and NER (for lemmas and anchors).
        extra_terms: User-supplied words or phrases that also name the target.
        kind: Force the kind instead of recognising it from the text.
        lexicon: Stance cue lists, for a motion's own polarity (default: the package's).
        concepts: Policy concept table (default: the package's ``target_concepts.json``).
    """
    text = text.strip()
    if not text:
        raise ArgmineError(Errors.E016)
    if kind is not None:
        try:
            kind = TargetKind(kind)
        except ValueError as e:
            raise ArgmineError(Errors.E027.format(kind=kind, choices=", ".join(k.value for k in TargetKind))) from e
    doc = nlp(text)
    kind = kind or detect_kind(doc)
    concepts = concepts or load_concepts()
    if kind == TargetKind.MOTION:
        return _parse_motion(text, doc, nlp, extra_terms, lexicon or load_lexicon(), concepts)
    if kind == TargetKind.ACTOR:
        name = " ".join(t.text for t in doc if t.lower_ not in ("the", "a", "an") and not t.is_punct)
        return Target(text=text, terms=frozenset(t.strip().lower() for t in extra_terms if t.strip()),
                      opposite=frozenset(), kind=kind, actor_name=name)
    base = _against_its_object(_parse_phrase(text, doc, extra_terms, concepts), doc, lexicon or load_lexicon(),
                               concepts)
    if kind == TargetKind.EVENT:
        return _as_event(base, doc)
    return base


def _parse_motion(text: str, doc, nlp: Callable[[str], Doc], extra_terms: Iterable[str],
                  lex: StanceLexicon, concepts: dict) -> Target:
    """ "This house would ban X" -> X as a policy or event target with sign -1."""
    info = target_info(text, lex)
    skip = lex.proposition_skip | lex.reducers | lex.favor | lex.against
    # The object: the words after the proposition's verb, without its function words.
    words = [t for t in doc if not t.is_punct]
    verbs = [t for t in words if t.lemma_.lower() in skip and t.pos_ in ("VERB", "AUX", "ADJ")
             or t.lower_ in lex.proposition_skip]
    obj_tokens = [t for t in words if t not in verbs]
    # "X should be banned": the object comes before the verb; keep both readings' words.
    obj_text = " ".join(t.text for t in obj_tokens).strip() or text
    obj_doc = nlp(obj_text)
    inner = _parse_phrase(obj_text, obj_doc, extra_terms, concepts)
    if detect_kind(obj_doc) == TargetKind.EVENT:
        inner = _as_event(inner, obj_doc)
    # "ban", "abolish", "limit": a reducing proposition is against its object (the lexicon's
    # own sign counts only attitude words such as "oppose").
    sign = info.sign * (-1 if any(t.lemma_.lower() in lex.reducers for t in verbs) else 1)
    return Target(text=text, terms=inner.terms, opposite=inner.opposite, anchors=inner.anchors,
                  concepts=inner.concepts, multiword=inner.multiword, kind=TargetKind.MOTION,
                  sign=sign, heads=inner.heads, obj=obj_text)


# Prepositions that take what a measure acts on ("a ban on X", "cuts to X", "repeal of X").
_OBJECT_PREPS = frozenset({"on", "of", "to", "against", "from", "over"})


def _object_of(measure: Token) -> Token | None:
    """What a measure acts on: its direct object, else the object of a preposition that takes
    one ("a ban on X", "cuts in 2025 to Medicare"; not "tax cuts for the wealthy"); a
    coordinated head shares it ("repeal and replacement of X")."""
    for head in (measure, *measure.conjuncts):
        objects = [c for c in head.children if c.dep_ == "dobj"]
        objects += [o for p in head.children if p.dep_ == "prep" and p.lower_ in _OBJECT_PREPS
                    for o in p.children if o.dep_ in ("pobj", "pcomp")]
        found = next((o for o in objects if o.ent_type_ not in ("DATE", "TIME", "CARDINAL")), None)
        if found is not None:
            return found
    return None


def _against_its_object(base: Target, doc, lex: StanceLexicon, concepts: dict) -> Target:
    """ "a ban on assault weapons", "repeal of Obamacare", "opposition to the Iran deal": a
    measure or attitude against its object. Endorsing the object counts against the target:
    the object's head and the object phrase become opposite terms (its modifiers alone name
    nothing: "sexual assault" is no mention of "assault weapons"), and so do the terms of a
    concept the object names, whose own opposite turns into the target's terms (abandoning the
    deal favours opposing it). The measure's words and the whole phrase stay terms."""
    measures = [t for t in doc if t.pos_ in ("NOUN", "VERB") and not t.ent_type_
                and {t.lemma_.lower(), t.lower_} & (lex.against | lex.reducers)]
    obj = next((o for m in measures if (o := _object_of(m)) is not None and o.ent_type_ not in _ANCHOR_LABELS),
               None)
    if obj is None:
        return base
    words = [t for t in obj.subtree if not t.is_punct and t.dep_ != "det"]
    phrase = " ".join(t.lower_ for t in words)
    # A name is matched whole ("the Affordable Care Act" is no mention of any "act").
    head = phrase if obj.pos_ == "PROPN" or obj.ent_type_ else obj.lemma_.lower()
    data = concepts["concepts"]
    named = [c for c in base.concepts if head in data[c]["terms"]]
    own = {w for c in named for w in data[c]["terms"]}
    turned = {w for c in named for o in data[c].get("opposes", []) for w in data[o]["terms"]}
    modifiers = {t.lemma_.lower() for t in words if t.ent_type_ not in _ANCHOR_LABELS}
    opposite = ((base.opposite - turned) | own | {head, phrase}) - {base.text.lower()}
    terms = (base.terms - modifiers - own) | (turned & base.opposite)
    return Target(text=base.text, terms=terms, opposite=opposite - terms, anchors=base.anchors,
                  concepts=base.concepts, multiword=tuple(sorted(t for t in terms | opposite if " " in t)),
                  kind=base.kind, sign=base.sign, heads=base.heads - own - {head},
                  obj=doc[words[0].i:words[-1].i + 1].text if words else obj.text,
                  # The head word too: a match of the whole name is read at its root ("Act").
                  obj_terms=frozenset(own | {head, phrase, obj.lemma_.lower()}))


def _as_event(base: Target, doc) -> Target:
    """Add the verb/noun forms of an event's head ("the withdrawal" / "pulling troops out")."""
    words = [t for t in doc if not t.is_punct and not t.is_stop]
    heads = [t for t in words if t.dep_ == "ROOT" or t.lemma_.lower() in _EVENT_NOUNS or t.tag_ == "VBG"]
    forms: set[str] = set()
    for h in heads:
        forms |= related_forms(h.lemma_.lower())
        if h.lemma_.lower() in _IRREGULAR_VERBS:
            forms.add(_IRREGULAR_VERBS[h.lemma_.lower()])
        if h.pos_ == "VERB":
            # A phrasal verb names the event with its particle: "pulling troops out".
            forms |= {f"{h.lemma_.lower()} {c.lower_}" for c in h.children if c.dep_ == "prt"}
    terms = base.terms | forms
    multi = tuple(sorted(t for t in terms | base.opposite if " " in t))
    return Target(text=base.text, terms=frozenset(terms), opposite=base.opposite - terms,
                  anchors=base.anchors, concepts=base.concepts, multiword=multi, kind=TargetKind.EVENT,
                  heads=base.heads | {h.lemma_.lower() for h in heads}, obj=base.obj, obj_terms=base.obj_terms)


def _parse_phrase(text: str, doc, extra_terms: Iterable[str], concepts: dict) -> Target:
    """A policy or concept phrase: head concept, its terms and opposite, anchors."""
    data = concepts["concepts"]
    # Anchors are who the policy concerns; other names ("INF") belong to the target's name.
    # The possessive is not part of the name: "North Korea's" names North Korea.
    anchor_ents = [ent for ent in doc.ents if ent.label_ in _ANCHOR_LABELS]
    anchors = [clean_name(ent.text).lower() for ent in anchor_ents]
    anchor_tokens = {t.i for ent in anchor_ents for t in ent}
    # "the U.S.-ROK alliance", "the U.S.-Iran ceasefire": one word that joins two countries
    # is about both (by their canonical names, which the actors layer gives them).
    for tok in doc:
        pair = _countries_joined(tok.text)
        if pair:
            anchors = [a for a in anchors if a != tok.lower_] + pair
            anchor_tokens.add(tok.i)
    for ent in anchor_ents:  # "U.S.-North Korea": the name of the second country is two tokens
        pair = _countries_joined(ent.text)
        if pair:
            anchors = [a for a in anchors if a != clean_name(ent.text).lower()] + pair
    # The head concept: concepts of content words that are not part of an anchor name.
    content = [t for t in doc if t.i not in anchor_tokens and t.lower_ not in _STOP and not t.is_punct
               and t.dep_ != "case"]
    lemmas = [t.lemma_.lower() for t in content] + [t.lower_ for t in content]
    phrase = " ".join(t.lower_ for t in content)
    matched = []
    for name, concept in data.items():
        terms = set(concept["terms"])
        if any(lem in terms for lem in lemmas) or any(term in phrase for term in terms if " " in term):
            matched.append(name)
    # A modifier concept ("nuclear" in "nuclear deal") must not widen the target when a
    # head concept exists: keep the concept of the syntactic head if it matched.
    heads = [t for t in content if t.dep_ == "ROOT" or t.head.i in anchor_tokens or t.head == t]
    head_concepts = [name for name in matched
                     if any(h.lemma_.lower() in data[name]["terms"] or h.lower_ in data[name]["terms"]
                            for h in heads)]
    chosen = head_concepts or matched
    terms = {t.lemma_.lower() for t in content if not t.is_stop and t.pos_ in ("NOUN", "PROPN")}
    if len(content) > 1:
        terms.add(phrase)  # the target's own name, e.g. "inf treaty"
    opposite: set[str] = set()
    for name in chosen:
        terms |= set(data[name]["terms"])
        for opp in data[name].get("opposes", []):
            opposite |= set(data[opp]["terms"])
    terms |= {t.lower().strip() for t in extra_terms if t.strip()}
    hyphened = _hyphened_heads(doc)
    for word in hyphened.values():
        # "build-up" is also written "build up" and "buildup".
        terms |= {word, word.replace("-", " "), word.replace("-", "")}
    opposite -= terms
    multi = tuple(sorted(t for t in terms | opposite if " " in t))
    head_lemmas = {h.lemma_.lower() for h in heads if h.pos_ in ("NOUN", "PROPN") and h.i not in hyphened}
    head_lemmas |= {word.split("-")[0] for word in hyphened.values()}
    for name in chosen:
        # The concept's own one-word terms that the target uses ("deal" in "the Iran nuclear deal").
        head_lemmas |= {t for t in data[name]["terms"] if " " not in t and t in lemmas}
    return Target(text=text, terms=frozenset(terms), opposite=frozenset(opposite),
                  anchors=tuple(dict.fromkeys(anchors)), concepts=tuple(chosen), multiword=multi,
                  heads=frozenset(head_lemmas))


def _countries_joined(word: str) -> list[str]:
    """["united states", "iran"] for "U.S.-Iran" (and "U.S.-Saudi": a nationality names its
    country); [] unless every part names a country."""
    parts = split_hyphens(word)
    if len(parts) < 2:
        return []
    names = [country_of(p, allow_capital=False) or country_of_demonym(p) for p in parts]
    return [n.lower() for n in names if n] if all(names) else []


def _hyphened_heads(doc) -> dict[int, str]:
    """Tokens that end a hyphenated word with a particle -> the word ("build-up", "pull-out",
    "crack-down"), which the parser splits and heads with the particle ("up")."""
    out = {}
    for t in doc:
        if (t.lower_ in _PARTICLES and t.i >= 2 and doc[t.i - 1].text in HYPHENS
                and not doc[t.i - 2].whitespace_ and not doc[t.i - 1].whitespace_):
            out[t.i] = f"{doc[t.i - 2].lemma_.lower()}-{t.lower_}"
    return out


class TargetHit:
    """Where a sentence mentions a target: the token and whether it is the opposite concept."""

    __slots__ = ("token", "opposite", "via")

    def __init__(self, token: Token, opposite: bool, via: str):
        self.token = token
        self.opposite = opposite
        self.via = via  # "term", "opposite", "anaphora" or "continuity"

    def __repr__(self) -> str:
        return f"TargetHit({self.token.text!r}, opposite={self.opposite}, via={self.via!r})"


_INDEFINITE = frozenset({"a", "an", "another"})
_OTHER = frozenset({"new", "different", "better", "real", "alternative", "future", "other"})


def _other_instance(tok: Token) -> bool:
    """ "a real deal", "a new agreement": another instance of the concept, not the target."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    kids = {c.lower_ for c in tok.children if c.dep_ in ("det", "amod")}
    return bool(kids & _INDEFINITE) and bool(kids & _OTHER)


def find_hits(sent: Span, target: Target) -> list[TargetHit]:
    """Return the tokens of ``sent`` that name the target or its opposite."""
    hits: list[TargetHit] = []
    for tok in sent:
        if _other_instance(tok):
            continue
        keys: tuple[str, ...] = (tok.lemma_.lower(), tok.lower_)
        # A phrasal verb with its particle apart: "pulling troops out" names "pull out" (the
        # parser makes "out of Syria" a preposition).
        if tok.pos_ == "VERB":
            keys += tuple(f"{tok.lemma_.lower()} {c.lower_}" for c in tok.children if c.dep_ in ("prt", "prep"))
        if any(k in target.terms for k in keys):
            hits.append(TargetHit(tok, False, "term"))
        elif any(k in target.opposite for k in keys):
            hits.append(TargetHit(tok, True, "opposite"))
    first: dict[str, Span] = {}
    strings = sent.doc.vocab.strings
    for key, start, end in sorted(phrase_matcher(sent.doc.vocab, target.multiword)(sent),
                                  key=lambda m: m[1]):
        first.setdefault(strings[key], sent.doc[start:end])
    for phrase in target.multiword:
        span = first.get(phrase)
        if span is not None and not any(h.token in span for h in hits):
            hits.append(TargetHit(span.root, phrase in target.opposite, "term"))
    return hits


def phrase_matcher(vocab: Vocab, phrases: tuple[str, ...]) -> PhraseMatcher:
    """A ``PhraseMatcher`` on lower-case tokens for a target's terms of several words
    (match key = the term), built once per vocab and target."""
    def build() -> PhraseMatcher:
        make = make_doc(vocab)
        matcher = PhraseMatcher(vocab, attr="LOWER")
        for phrase in phrases:
            matcher.add(phrase, [make(phrase)])
        return matcher

    return per_vocab(vocab, "target terms", phrases, build)


_DEFINITE = frozenset({"the", "this", "that", "these", "those"})


def definite_hit(sent: Span, target: Target) -> TargetHit | None:
    """A definite description of the target's head ("the deal", "the agreement", "the summit")
    that refers back to it even where its anchors are out of reach. A description that names
    something else ("the Paris agreement": a proper-noun modifier the target lacks) does not."""
    if not target.heads or target.kind == TargetKind.ACTOR:
        return None
    own = {w for term in target.terms for w in term.split()}
    wanted = target.heads | target.terms
    for tok in sent:
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in wanted:
            continue
        kids = list(tok.children)
        if not any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in kids):
            continue
        if any(c.dep_ in ("compound", "amod", "nmod") and c.pos_ == "PROPN" and c.lower_ not in own
               for c in kids) or _other_instance(tok):
            continue
        return TargetHit(tok, False, "definite")
    return None


_ANAPHORA_DETS = frozenset({"that", "this", "these", "those", "such"})
_ANAPHORA_NOUNS = frozenset({"course", "change", "process", "effort", "initiative", "policy", "approach",
                             "move", "step", "shift", "development", "decision", "plan", "idea", "proposal",
                             "strategy", "overture", "reaction", "advice", "offer", "action", "activity",
                             "measure", "test", "launch", "provocation", "operation"})


def anaphoric_hit(sent: Span) -> TargetHit | None:
    """A demonstrative noun phrase ("that course change", "this process") that refers back."""
    for tok in sent:
        if tok.lemma_.lower() in _ANAPHORA_NOUNS and tok.pos_ == "NOUN":
            dets = [c for c in tok.children if c.lower_ in _ANAPHORA_DETS]
            if dets or (tok.i > sent.start and sent.doc[tok.i - 1].lower_ in _ANAPHORA_DETS):
                return TargetHit(tok, False, "anaphora")
            # "that course change": the determiner sits on the compound's head.
            if tok.dep_ == "compound" and any(c.lower_ in _ANAPHORA_DETS for c in tok.head.children):
                return TargetHit(tok.head, False, "anaphora")
    return None


def anchor_in_reach(sentences: Sequence[str], index: int, target: Target, *, window: int = 3,
                    doc_anchor_count: int = 0) -> bool:
    """Is an anchor of the target mentioned near sentence ``index`` (or throughout the document)?

    ``sentences`` are the document's sentence texts, lower-cased once by the caller ("" where
    a unit has no sentence).
    """
    if not target.anchors or doc_anchor_count >= 3:
        return True
    lo, hi = max(0, index - window), min(len(sentences), index + window + 1)
    text = " ".join(s for s in sentences[lo:hi] if s)
    return any(a in text for a in target.anchors)
