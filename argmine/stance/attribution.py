"""Who stands where: attribute stances toward targets to the actors of a parsed Doc.

For each sentence that mentions a target (or its opposite, or refers back to it),
find the actors that act or feel in it (subjects, their conjuncts and appositions,
possessors of the subject: "Japan's reaction"; owners of the target: "Washington's
rapprochement") and read the sign of the predicate chain that links them to the
target from cue tables: signs multiply ("refused(-) to hold(+) talks" is against),
negation flips, hedges make it mixed, and favouring the opposite concept counts
against. Sentences the rules cannot read fall back to the learned sentence-stance
classifier when one is available. Per actor, the positions form a timeline; after a
change of course only the later positions decide the final stance.
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from ..extensions import QUOTES_KEY
from ..schema import Actor, Stance, TimelineEntry, Unit
from ..segment import doc_text
from .cues import Cues, chain_sign, has_phrase, is_mixed, is_negated, load_cues, phrasal_cue, phrase_signs, token_sign
from .lexicon import StanceLexicon, load_lexicon
from .target import Target, TargetHit, TargetKind, anaphoric_hit, anchor_in_reach, definite_hit, find_hits, parse_target

_SUBJ = ("nsubj", "nsubjpass", "csubj", "expl")
_CHAIN = ("acomp", "attr", "xcomp", "ccomp", "dobj", "prep", "pobj", "pcomp", "oprd", "advcl",
          "relcl", "acl", "conj", "amod", "compound", "advmod", "npadvmod", "dative", "agent")


# The learned sentence-stance classifier is consulted only when the rules find no cue, and
# its answer is kept only above this probability.
LEARNED_MIN_P = 0.6


class Reading(NamedTuple):
    """One actor's position in one sentence."""
    actor: str
    unit: str
    stance: str
    confidence: float
    change: bool


# "the two leaders", "both sides": the head noun -> the kinds of actor it takes up.
_PAIR_HEADS = {"leader": ("person",), "president": ("person",), "side": ("country", "organization"),
               "country": ("country",), "nation": ("country",), "government": ("country",)}


def _pair_references(doc: Doc, index: Mapping[int, str], kinds: Mapping[str, str]) -> dict[int, tuple[str, str]]:
    """Heads of "the two leaders", "both sides", "both countries" -> the two actors of the right
    kind named last before them (none where fewer than two were named)."""
    out: dict[int, tuple[str, str]] = {}
    for tok in doc:
        wanted = _PAIR_HEADS.get(tok.lemma_.lower()) if tok.tag_ in ("NNS", "NNPS") else None
        if wanted is None or not any(c.lower_ == "both" and c.dep_ in ("det", "predet") or c.lower_ == "two"
                                     and c.dep_ == "nummod" for c in tok.children):
            continue
        recent: list[str] = []
        for i in range(tok.left_edge.i - 1, -1, -1):
            aid = index.get(i)
            if aid is not None and kinds.get(aid) in wanted and aid not in recent:
                recent.append(aid)
                if len(recent) == 2:
                    out[tok.i] = (recent[1], recent[0])
                    break
    return out


def _mention_index(doc: Doc, actors: Sequence[Actor]) -> dict[int, str]:
    """Map the root token of each mention to its actor; nested mentions lose to outer ones."""
    spans = []
    for actor in actors:
        for m in actor.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and len(span):
                spans.append((span, actor.id))
    index: dict[int, str] = {}
    for span, aid in sorted(spans, key=lambda x: len(x[0])):
        # Longer spans are written last, so "Japan's security establishment" wins over "Japan".
        for tok in span:
            index[tok.i] = aid
    return index


def _in_quote(tok: Token) -> bool:
    before = tok.sent.text[: tok.idx - tok.sent.start_char]
    opened = before.count("“") - before.count("”") + before.count('"') % 2
    return opened > 0


def _agents(sent: Span, index: dict[int, str], hits: Sequence[TargetHit],
            author_id: str | None, source: str | None, cues: Cues,
            pairs: Mapping[int, tuple[str, str]] | None = None) -> list[tuple[str, Token, str]]:
    """Return ``(actor id, predicate token, how)`` for actors acting in the sentence.

    ``source`` is the speaker a reported unit comes from: their "I" and "we" act for them.
    ``pairs`` maps the head of "the two leaders", "both sides" to the two actors it names.
    """
    out: list[tuple[str, Token, str]] = []
    seen: set[tuple[str, int]] = set()
    hit_tokens = {h.token.i for h in hits}
    addressee = _addressee(sent, index)
    for tok in sent:
        if pairs and tok.i in pairs and tok.dep_ in _SUBJ:
            # "The two leaders welcomed ...": each of the two acts.
            for member in pairs[tok.i]:
                if (member, tok.head.i) not in seen:
                    seen.add((member, tok.head.i))
                    out.append((member, tok.head, "subject"))
            continue
        aid = index.get(tok.i)
        if aid is None and (tok.lower_ in ("i", "we") and tok.dep_ in _SUBJ
                            or tok.lower_ in ("my", "our") and tok.dep_ == "poss"):
            # "I" and "we" (and "my decision", "our commitment") act for whoever speaks: the
            # quoted speaker inside a reported unit, else (outside quotations) the author.
            if source is not None:
                aid = source
            elif author_id is not None and not _in_quote(tok):
                aid = author_id
        if aid is None and tok.lower_ in ("you", "your") and not _in_quote(tok):
            aid = addressee  # "President Park, I thank you for your commitment to ..."
        if aid is None:
            continue
        if tok.dep_ == "poss" and tok.lower_ in ("my", "our", "your"):
            # A possessive pronoun holds its own stance or act ("our commitment to X", "my
            # decision to withdraw"), not whatever it owns ("our allies oppose X").
            held = _possessed(tok, hit_tokens, cues)
            if held is not None and (aid, held.i) not in seen:
                seen.add((aid, held.i))
                out.append((aid, held, "subject"))
            continue
        # Only the syntactic head of the mention counts, so each mention is read once.
        if tok.head.i in index and index[tok.head.i] == aid and tok.head != tok:
            continue
        how, pred = None, None
        node = tok
        while node.dep_ == "conj" and node.head != node:
            node = node.head
        if node.dep_ in _SUBJ and not _receiving(node.head, cues):
            how, pred = "subject", node.head
        elif node.dep_ == "appos" and node.head.dep_ in _SUBJ:
            how, pred = "subject", node.head.head
        elif node.dep_ == "pobj" and node.head.dep_ == "agent":
            how, pred = "subject", node.head.head
        elif (node.dep_ == "dobj" and node.head.lemma_.lower() in cues.moving_verbs
              and any((c.dep_, c.lower_) in _MOVES for c in node.head.children)):
            # "withdrew the United States from the deal": the country leaves the deal.
            how, pred = "subject", node.head
        elif (node.dep_ == "pobj" and node.head.lower_ == "with"
              and node.head.head.lower_ in ("along", "together")):
            # "Japanese officials, along with hawks ..., seem disturbed": a co-agent.
            anchor = node.head.head.head
            how, pred = "subject", anchor.head if anchor.dep_ in _SUBJ else anchor
        elif node.dep_ == "pobj" and (credited := _credited(node, cues)) is not None:
            # "thanks to the work of Democrats and Republicans, Congress produced a budget":
            # those credited act with the subject.
            how, pred = "subject", credited
        elif (node.dep_ == "pobj" and node.head.lower_ == "with" and node.head.head.pos_ == "VERB"
              and node.head.head.lemma_.lower() in cues.joint_verbs):
            # "we've worked with Germany to ensure ...": Germany acts with the subject.
            how, pred = "subject", node.head.head
        elif (tok.dep_ == "conj" and tok.head.pos_ not in ("NOUN", "PROPN", "PRON")
              and _subjectless_verb_after(tok) is not None):
            # The parser sometimes coordinates a subject noun with the previous clause's
            # predicate ("X is ambivalent, and hawks ... seem eager to derail it").
            how, pred = "subject", _subjectless_verb_after(tok)
        elif node.dep_ == "poss" and (held := _possessed(node, hit_tokens, cues)) is not None:
            # "China's lack of enthusiasm for the deal", "China's efforts to save the deal": see
            # _possessed.
            how, pred = "subject", held
        elif (node.dep_ == "pobj" and node.head.lower_ in ("by", "from")
              and _holds(node.head.head, hit_tokens, cues, after=node.i, agent=True)):
            # "support from Japan for the sanctions"; not "the condemnation of the invasion by
            # Russia", where the target comes before the agent.
            how, pred = "subject", node.head.head
        elif node.dep_ == "pobj" and node.head.lower_ in ("by", "from") and _receiving(node.head.head, cues):
            # "The sanctions drew condemnation from China": read from the verb the target is the
            # subject of, through the stance noun.
            verb = node.head.head
            how, pred = "subject", verb.head if verb.dep_ == "dobj" else verb
        elif (node.dep_ == "poss" and node.head.dep_ in _SUBJ and node.head.i not in hit_tokens
              and not any(c.dep_ == "prep" and c.lower_ == "by" for c in node.head.children)):
            # "Japan's reaction was ..."; not "Russia's condemnation by the UN", which is the UN's.
            how, pred = "possessor", node.head.head
        elif node.dep_ in ("poss", "compound", "nmod", "amod") and node.head.i in hit_tokens:
            how, pred = "owner", node.head
        elif node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.lower_ == "part":
            # "the parallel effort on the part of President Moon"
            how, pred = "owner", node.head.head.head.head
        if how is None or pred is None:
            continue
        key = (aid, pred.i)
        if key not in seen:
            seen.add(key)
            out.append((aid, pred, how))
    return out


def _credited(tok: Token, cues: Cues) -> Token | None:
    """The verb ``tok`` is credited with by "thanks to" ("thanks to (the efforts of) X, the
    bill passed"; the nouns: ``cues.credit_nouns``), or None."""
    prep = tok.head
    if prep.lower_ == "of" and prep.head.lemma_.lower() in cues.credit_nouns and prep.head.dep_ == "pobj":
        prep = prep.head.head
    if prep.lower_ != "to" or prep.head.lower_ != "thanks" or prep.head.head == prep.head:
        return None
    verb = prep.head.head
    return verb if verb.pos_ in ("VERB", "AUX") else None


def _possessed(poss: Token, hit_tokens: set[int], cues: Cues) -> Token | None:
    """The predicate a possessor holds, or None: the stance noun that governs the target
    ("your commitment to our alliance", "China's lack of enthusiasm for the deal"; read on the
    noun, not on the verb the noun is the subject of; "Russia's condemnation by the UN" is the
    UN's), else the infinitive of its act noun ("my decision to withdraw the United States from
    the deal": the possessor does what the infinitive says)."""
    noun = _stance_noun(poss.head, cues)
    if _holds(noun, hit_tokens, cues, after=poss.i):
        return noun
    return _act_of(poss.head, cues)


def _act_of(noun: Token, cues: Cues) -> Token | None:
    """The subjectless infinitive of an act noun ("decision to withdraw"), or None."""
    if noun.lemma_.lower() not in cues.act_nouns:
        return None
    return next((c for c in noun.children if c.dep_ == "acl" and c.pos_ in ("VERB", "AUX")
                 and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                 and not any(a.dep_ in _SUBJ for a in c.children)), None)


def _stance_noun(noun: Token, cues: Cues) -> Token:
    """The stance noun a possessor holds: ``noun``, or the one after "lack of", "absence of"."""
    if noun.lemma_.lower() in cues.negators or noun.lemma_.lower() == "absence":
        inner = next((o for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                      for o in c.children if o.dep_ == "pobj"), None)
        if inner is not None:
            return inner
    return noun


def _holds(noun: Token, hit_tokens: set[int], cues: Cues, *, after: int, agent: bool = False) -> bool:
    """Is ``noun`` a stance noun ("commitment", "opposition") that governs a target mention after
    position ``after`` (where its holder is named)? For a possessor (not ``agent``), a noun with an
    agent of its own ("condemnation by the UN") has another holder."""
    if noun.pos_ != "NOUN" or not token_sign(noun, cues):
        return False
    if not agent and any(c.dep_ == "prep" and c.lower_ in ("by", "from") for c in noun.children):
        return False
    return any(after < h <= noun.right_edge.i and noun.left_edge.i <= h for h in hit_tokens)


def _receiving(tok: Token, cues: Cues) -> bool:
    """Is ``tok`` a verb (or its object) by which the subject receives a stance from someone
    else ("the plan drew criticism from X", "won support from Y")? The subject is then not the
    holder; the one after "from" or "by" is. The verbs: ``cues.receiving_verbs``."""
    verb = tok.head if tok.dep_ == "dobj" else tok
    if verb.lemma_.lower() not in cues.receiving_verbs:
        return False
    noun = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN" and token_sign(c, cues)), None)
    return noun is not None and any(c.dep_ == "prep" and c.lower_ in ("by", "from")
                                    for c in (*verb.children, *noun.children))


def _addressee(sent: Span, index: dict[int, str]) -> str | None:
    """The actor a sentence addresses by name, set off by commas before its main clause ("And,
    President Park, I want to thank you"): "you" and "your" in that sentence."""
    for tok in sent:
        if (tok.i in index and tok.dep_ == "npadvmod" and tok.head == sent.root and tok.i < tok.head.i
                and tok.i + 1 < sent.end and tok.doc[tok.i + 1].text == ","):
            return index[tok.i]
    return None


# Prepositions and particles of a move into or out of something ("withdrew Britain from the
# deal", "pulled Britain out of it", "brought Iran back in"); "in 2013" is no move.
_MOVES = frozenset({("prep", "from"), ("prep", "into"), ("prep", "out"), ("prt", "out"), ("prt", "back"),
                    ("prt", "in"), ("advmod", "back")})

_REPORTING = frozenset({"say", "tell", "add", "announce", "state", "declare", "write", "tweet"})


def _speaker_participles(pred: Token, cues: Cues) -> list[Token]:
    """ "X said the Senate would not take up the bill, calling it a job killer": the parser
    hangs the participle on the reported clause, but its subject is the speaker."""
    if pred.lemma_.lower() not in _REPORTING | cues.embedding:
        return []
    out = []
    for clause in [pred, *(c for c in pred.children if c.dep_ == "ccomp")]:
        out += [c for c in clause.children if c.dep_ == "advcl" and c.tag_ == "VBG"
                and not any(k.dep_ in _SUBJ for k in c.children) and c.i > clause.i]
    return out


def _own_clause(pred: Token, cues: Cues | None = None) -> set[int]:
    """Token indices of the predicate's clause, without coordinated or subordinate clauses
    that have a subject of their own ("..., but only Japan seemed on board with X")."""
    out: set[int] = set()
    stack = [pred, *(_speaker_participles(pred, cues) if cues is not None else [])]
    while stack:
        node = stack.pop()
        out.add(node.i)
        for child in node.children:
            temporal = child.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in ("as", "when", "while", "after", "before", "since")
                for c in child.children)
            if child.dep_ in ("conj", "advcl", "ccomp", "parataxis") and not temporal and any(
                    c.dep_ in _SUBJ for c in child.children):
                continue
            stack.append(child)
    return out


def _pick_hit(hits: Sequence[TargetHit], pred: Token, cues: Cues) -> TargetHit:
    """The target mention a predicate is about: a naming term before an opposite concept,
    and never a word that is itself a stance cue ("withdrew" from the deal is the cue)."""
    def rank(h: TargetHit) -> tuple[int, int, int]:
        is_cue = h.token.i == pred.i or token_sign(h.token, cues) != 0
        return (is_cue, h.opposite, abs(h.token.i - pred.i))
    return min(hits, key=rank)


def _refers_back(pred: Token, clause: set[int], hits: Sequence[TargetHit]) -> bool:
    """Does a pronoun object in the predicate's clause take up a target named earlier in
    the sentence ("the bill ..., calling it a job killer")?"""
    doc = pred.doc
    return any(doc[i].lower_ in ("it", "this", "that", "them") and doc[i].dep_ in ("dobj", "nsubj", "nsubjpass")
               and any(h.token.i < i for h in hits) for i in clause)


def _subjectless_verb_after(tok: Token) -> Token | None:
    for cand in tok.sent[tok.i - tok.sent.start + 1:]:
        if cand.pos_ in ("VERB", "AUX") and cand.dep_ in ("ccomp", "conj", "ROOT") and not any(
                c.dep_ in _SUBJ for c in cand.children):
            return cand
    return None


# Prepositions of a modifier off the path from the predicate to the target's mention that bring
# in a topic of their own, which says nothing of the target ("defended Pelosi against the
# attacks"); manner and conditions stay ("met the proposal with fierce opposition", "in
# exchange for concessions").
_OFF_PATH_PREPS = frozenset({"against", "for", "on", "over", "about", "to", "despite"})


def _chain(pred: Token, target_tok: Token | None, agent_tokens: set[int], *,
           own_only: bool = False) -> list[Token]:
    """Tokens that link a predicate to the target: the path, plus the predicate's complements
    (with ``own_only``, none from a clause that has a subject of its own)."""
    tokens: dict[int, Token] = {pred.i: pred}
    on_path = False
    if target_tok is not None:
        node = target_tok
        path = []
        while node.i != pred.i and node.head != node:
            path.append(node)
            node = node.head
        if node.i == pred.i:
            on_path = True
            for t in path:
                tokens[t.i] = t
    frontier = [(pred, 0)]
    for part in _speaker_participles(pred, load_cues()):
        tokens[part.i] = part
        frontier.append((part, 1))
    while frontier:
        node, depth = frontier.pop()
        for child in node.children:
            if child.i in agent_tokens or child.dep_ in _SUBJ or depth >= 3:
                continue
            if any(c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in child.children):
                continue  # a hypothetical clause is not the actor's position
            if on_path and child.i not in tokens and child.dep_ == "prep" and child.lower_ in _OFF_PATH_PREPS:
                continue  # "defended Pelosi against the attacks": a modifier, not about the target
            if child.dep_ in _CHAIN or child.dep_ in ("neg", "acomp"):
                # Do not wander into another actor's clause.
                if any(c.dep_ in _SUBJ and (own_only or c.i not in agent_tokens) for c in child.children) \
                        and child.dep_ in ("conj", "advcl", "ccomp"):
                    continue
                tokens[child.i] = child
                frontier.append((child, depth + 1))
    return [tokens[i] for i in sorted(tokens)]


def _read(tokens: Sequence[Token], cues: Cues, opposite: bool, target: Token | None = None
          ) -> tuple[str, float] | None:
    """Compose the cue signs of a predicate chain into a stance (``target``: the mention the
    chain leads to, which a raising or lowering verb needs as its object)."""
    signs, mixed = [], False
    signed: dict[int, int] = {}
    for tok in tokens:
        s = chain_sign(tok, target, cues)
        if is_mixed(tok, cues):
            mixed = True
        if s:
            s = -s if is_negated(tok, cues) else s
            signed[tok.i] = s
            # "rejected and condemned X": one position said twice, not a chain of two signs.
            if not (tok.dep_ == "conj" and signed.get(tok.head.i) == s):
                signs.append(s)
    # A phrasal verb read with its particle above is not counted again as a phrase.
    signs += phrase_signs(tokens, cues, counted=frozenset(p for t in tokens if (p := phrasal_cue(t, cues))))
    if not signs and not mixed:
        return None
    if mixed:
        return "mixed", 0.7
    has_pos, has_neg = 1 in signs, -1 in signs
    contrast = any(t.lower_ in ("while", "although", "though", "but") for t in tokens)
    if contrast and has_pos and has_neg:
        return "mixed", 0.65
    sign = 1
    for s in signs:
        sign *= s
    if opposite:
        sign = -sign
    # Support on conditions is mixed; a refusal until a condition is met stays against.
    if sign > 0 and (has_phrase(tokens, cues.conditional) or _conditional_clause(tokens, cues)):
        return "mixed", 0.65
    return ("favor" if sign > 0 else "against"), 0.85 if len(signs) <= 2 else 0.75


def _conditional_clause(tokens: Sequence[Token], cues: Cues) -> bool:
    """Does a condition ("only if ...", "unless ...") hang off one of the chain's words?"""
    for tok in tokens:
        for child in tok.children:
            if child.dep_ == "advcl" and any(
                    c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in child.children):
                words = {c.lower_ for c in child.children}
                before = child.doc[max(child.left_edge.i - 1, 0)].lower_
                if "only" in words or "unless" in words or before == "only":
                    return True
    return False


def _hypothetical_or_embedded(pred: Token, cues: Cues) -> bool:
    """A predicate inside an if-clause, or reported under someone else's verb or noun
    ("demanded that Pyongyang take steps", "reports that X might accept"), does not state
    its subject's own position."""
    node = pred
    for _ in range(4):
        if any(c.dep_ == "mark" and c.lower_ in cues.hypothetical for c in node.children):
            return True
        if node.dep_ in ("ccomp", "acl", "relcl", "advcl", "xcomp") and node.head != node:
            head = node.head
            if node.dep_ == "acl" and _act_of(head, cues) == node:
                # "the decision to withdraw" is its owner's act (see _act_of), stated as far as
                # the clause that governs the noun is: not in "if Iran's decision to quit is
                # confirmed", nor under a report noun ("reports of Iran's decision to quit").
                up = head
                while up.pos_ not in ("VERB", "AUX") and up.head != up:
                    up = up.head
                    if up.pos_ == "NOUN" and up.lemma_.lower() in cues.embedding:
                        return True
                if up.pos_ not in ("VERB", "AUX"):
                    break
                node = up
                continue
            if node.dep_ in ("ccomp", "acl") and (head.pos_ == "NOUN" or head.lemma_.lower() in cues.embedding):
                return True
            node = head
            continue
        break
    return False


def _outcome(sent: Span, hit: TargetHit, cues: Cues) -> str | None:
    """Outcome predicates: "a tragedy if X fails" favours X; "a mistake to abandon X" too."""
    lemmas = {t.lemma_.lower() for t in sent}
    bad = bool(lemmas & cues.bad_outcome)
    good = bool(lemmas & cues.good_outcome)
    failing = any(t.lemma_.lower() in cues.failure and (t.head == hit.token or hit.token.head == t
                                                         or t.i > hit.token.i) for t in sent)
    if bad and failing:
        return "against" if hit.opposite else "favor"
    if good and not failing and not bad:
        return "against" if hit.opposite else "favor"
    return None


def _is_polarity_model(learned) -> bool:
    return learned is not None and hasattr(learned, "predict_one")


# The model overrules a polar rule reading of one cue only with the opposite label at JOINT_MIN_P or
# more, and never one that composes several cues (set by hand: the model composes chains such as
# "supports a ban on X" or "opposed pulling troops out" worse than the rules). Where the rules read
# nothing, its polar answer counts when more likely than not (its probabilities are calibrated):
# MODEL_ONLY_MIN_P, chosen on annotation batches 1-2 among 0.4-0.6 (stance agreement 0.459 at the
# former 0.6, 0.471 at 0.5).
JOINT_MIN_P = 0.7
MODEL_ONLY_MIN_P = 0.5


def _joint(model, sent: Span, target: Target, pred: Token, hit: TargetHit | None,
           rule: tuple[str, float] | None, sign: int, *, cues: Cues, lexicon: StanceLexicon | None,
           continuity: bool = False, min_p: float = MODEL_ONLY_MIN_P) -> tuple[str, float] | None:
    """Decide one reading with the polarity model, given the rules' reading as a feature.

    A hedged ("mixed") rule reading stays mixed. A polar rule reading stands unless it rests on
    one cue and the model finds the opposite polarity at least as probable (and at least
    ``JOINT_MIN_P``); without
    a rule reading, the model's polar answer is kept from ``MODEL_ONLY_MIN_P``. The score is the
    model's calibrated probability of the label given. A motion against its object ("ban X")
    is read toward X and turned round, as the corpora label stance toward the object.
    """
    from .polarity import rule_view

    if rule is not None and rule[0] == "mixed":
        return rule
    # Read toward the object and turn round: a motion against its object, or a mention of
    # the object of a measure against it ("assault weapons" for "a ban on assault weapons").
    turn = bool(target.obj) and (target.kind == TargetKind.MOTION and target.sign < 0 or hit is not None and (
        hit.opposite and (hit.token.lemma_.lower() in target.obj_terms or hit.token.lower_ in target.obj_terms)))
    swap = {"favor": "against", "against": "favor", "none": "none"}
    tok = hit.token if hit is not None and not continuity else None
    rule_label = rule[0] if rule else "none"
    view = rule_view(pred, tok, sign=-sign if turn else sign, cues=cues)._replace(
        label=swap[rule_label] if turn else rule_label)
    span = (tok.idx - sent.start_char, tok.idx - sent.start_char + len(tok.text)) if tok is not None else None
    probs = model.predict_one(sent.text, target.obj if turn else target.text, kind=target.kind.value,
                              view=view, span=span, lexicon=lexicon, block=not turn)
    if turn:
        # The embedding block learned the corpora's pairs as they are: it reads the target
        # itself (the motion or the measure), not its object turned round.
        probs = model.fuse_block({swap[k]: v for k, v in probs.items()}, sent.text, target.text,
                                 kind=target.kind.value, span=span)
    best = max(("favor", "against"), key=lambda k: probs.get(k, 0.0))
    if rule_label in ("favor", "against"):
        other = swap[rule_label]
        # A chain of two or more cues ("opposed pulling troops out") is the rules' to compose.
        if view.signs < 2 and probs[other] >= max(probs[rule_label], JOINT_MIN_P):
            return other, round(probs[other], 3)
        return rule_label, round(probs[rule_label], 3)
    if probs[best] < min_p or probs.get("none", 0.0) > probs[best]:
        return None
    return best, round(probs[best], 3)


def _author_reading(sent: Span, hits: Sequence[TargetHit], target: Target, cues: Cues,
                    learned, lexicon: StanceLexicon | None) -> tuple[str, float] | None:
    """The author's own claim about the target: outcome predicates first, then the
    sentence-level lexicon reading, then the learned classifier; with the polarity model,
    these readings are its features and it decides."""
    hit = next((h for h in hits if not h.opposite), hits[0])
    outcome = _outcome(sent, hit, cues)  # already turned round for an opposite hit
    if outcome and target.sign < 0:
        outcome = {"favor": "against", "against": "favor"}[outcome]
    if _is_polarity_model(learned):
        rule = (outcome, 0.75) if outcome else _read(_chain(sent.root, hit.token, set()), cues,
                                                     hit.opposite != (target.sign < 0), hit.token)
        return _joint(learned, sent, target, sent.root, hit, rule, -1 if hit.opposite != (target.sign < 0) else 1,
                      cues=cues, lexicon=lexicon)
    if outcome:
        return outcome, 0.75
    from .lexicon import lexicon_polarity

    label, score = lexicon_polarity(sent, target.text, lexicon)
    if label in ("favor", "against", "mixed"):
        return label, round(0.5 + 0.3 * min(score, 1.0), 3)
    if learned is not None:
        label, p = learned.predict(sent.text, target.text)
        if p >= LEARNED_MIN_P:
            return label, round(p * 0.7, 3)
    return None


def _evaluates(sent: Span, hits: Sequence[TargetHit], evaluative: frozenset[str]) -> bool:
    """Is the sentence the author's judgement of the target ("These tariffs are smart and
    targeted", "Our alliance has never been stronger")? The target is the subject of a copula
    whose adjective or noun (or a word of it) is an evaluation: a value claim, the author's own
    whatever the unit classifier made of it. Not a question ("Is the aid a waste?") and not a
    view the sentence gives to someone else ("For Orban, the sanctions are a mistake")."""
    root = sent.root
    if root.lemma_ != "be" or sent.text.rstrip().endswith("?"):
        return False
    if not any(h.token.dep_ == "nsubj" and h.token.head.i == root.i and not h.opposite for h in hits):
        return False
    if any(c.dep_ == "prep" and c.lower_ in ("for", "to", "in", "according") and c.i < root.i
           or c.dep_ == "advcl" for c in root.children):
        return False  # "For Orban, ...", "In Moscow's view, ...", "According to X, ..."
    preds = [c for c in root.children if c.dep_ in ("acomp", "attr")]
    return any(t.lemma_.lower() in evaluative or t.lower_ in evaluative for p in preds for t in p.subtree)


def _statements_in(sent: Span, hits: Sequence[TargetHit], statements: Sequence[tuple[int, int, str]]
                   ) -> tuple[list[tuple[str, Span, list[TargetHit]]], list[TargetHit]]:
    """The reported statements inside ``sent`` that name the target (speaker, content, their
    hits), and the hits outside every statement (the author's own words).

    "Bevin said Obamacare is failing in his State": the sentence is mostly the author's
    report, so it has no source of its own, but its statement is Bevin's, read on its own.
    """
    found: list[tuple[str, Span, list[TargetHit]]] = []
    inside: set[int] = set()
    for start, end, speaker in statements:
        inner = [h for h in hits if start <= h.token.i < end and h.token.i not in inside]
        if inner and start < sent.end and end > sent.start:
            found.append((speaker, sent.doc[max(start, sent.start):min(end, sent.end)], inner))
            inside.update(h.token.i for h in inner)
    return found, [h for h in hits if h.token.i not in inside]


def _any_in(positions: Sequence[int], sent: Span) -> bool:
    """Whether a sorted list of token positions has one inside ``sent``."""
    k = bisect.bisect_left(positions, sent.start)
    return k < len(positions) and positions[k] < sent.end


def _is_change(sent: Span, pred: Token, cues: Cues) -> bool:
    text = " ".join(t.lemma_.lower() for t in sent)
    return any(c in text for c in cues.change if " " in c) or pred.lemma_.lower() in cues.change


def _negated_mention(tok: Token) -> bool:
    """ "a real deal, not the deal that was done before": the target itself is set aside."""
    if any(c.dep_ == "neg" for c in tok.children):
        return True
    return tok.dep_ == "appos" and any(c.dep_ == "neg" and c.i < tok.i for c in tok.head.children)


def pred_is_possessed(noun: Token, index: dict[int, str], aid: str) -> bool:
    return any(c.dep_ == "poss" and index.get(c.i) == aid for c in noun.children)


def _anchor_actors(actors: Sequence[Actor], target: Target) -> set[str]:
    """Actors a target is about ("North Korea" in the target -> the North Korea actor, which
    also carries "Pyongyang" and "the DPRK"); persons affiliated with them count too."""
    names = {a.lower() for a in target.anchors}
    ids = {a.id for a in actors if a.name.lower() in names
           or any(n in a.name.lower() for n in names if len(n) > 3)}
    ids |= {a.id for a in actors if a.affiliation in ids and a.kind == "person"}
    return ids


_PRONOUNS = {"person": frozenset({"he", "him", "his", "she", "her", "hers"}),
             "group": frozenset({"they", "them", "their"})}


def _target_actors(actors: Sequence[Actor], target: Target) -> set[str]:
    """Actors an actor target names: same name, or one name's words inside the other's
    ("Pelosi" for "Nancy Pelosi"), or the user's extra terms."""
    from ..actors.names import name_words

    want = [name_words(target.actor_name or target.text)] + [name_words(t) for t in target.terms]
    ids = set()
    for a in actors:
        if a.role == "author":
            continue
        have = name_words(a.name)
        for w in want:
            if not w or not have:
                continue
            short, long = sorted((w, have), key=len)
            if any(long[i:i + len(short)] == short for i in range(len(long) - len(short) + 1)):
                ids.add(a.id)
    return ids


def _actor_hits(sent: Span, index: dict[int, str], target_ids: set[str], kinds: Mapping[str, str],
                recent: bool, names: frozenset[str] = frozenset()) -> list[TargetHit]:
    """Mentions of the target actor in a sentence (their syntactic heads), and pronouns
    that refer to it when it was the last actor of its kind mentioned (``recent``)."""
    hits = []
    for tok in sent:
        aid = index.get(tok.i)
        if aid in target_ids and not (tok.head.i in index and index[tok.head.i] == aid and tok.head != tok):
            hits.append(TargetHit(tok, False, "term"))
        elif aid is None and tok.pos_ == "PROPN" and tok.lower_ in names and not (
                tok.head.lower_ in names and tok.head.i > tok.i):
            # The name as written where NER missed it ("praised Pelosi").
            hits.append(TargetHit(tok, False, "term"))
    if not hits and recent:
        want = set().union(*(_PRONOUNS.get("person" if kinds.get(a) == "person" else "group", frozenset())
                             for a in target_ids))
        hits = [TargetHit(t, False, "pronoun") for t in sent if t.lower_ in want and t.i not in index]
    return hits


def _name_words(target: Target) -> frozenset[str]:
    """Capitalised words of an actor target's name, to find it where NER missed it."""
    from ..actors.names import name_words

    return frozenset(w for w in name_words(target.actor_name or target.text) if len(w) > 2)


def _last_actor_kind(sent: Span, index: dict[int, str], kinds: Mapping[str, str], target_ids: set[str],
                     current: bool) -> bool:
    """Is the target still the most recent actor of its kind after this sentence?"""
    seen = [index[t.i] for t in sent if t.i in index]
    tkinds = {kinds.get(a) for a in target_ids}
    for aid in reversed(seen):
        if kinds.get(aid) in tkinds:
            return aid in target_ids
    return current


def _mark_changes(readings: list[Reading], changes: Sequence[int], order: dict[str, int]) -> list[Reading]:
    """Flag the first reading after a change-of-course sentence when the actor's position
    before and after it differs ("Then, in early 2018, Trump changed course")."""
    for pos in reversed(changes):
        before = [r for r in readings if order[r.unit] < pos and r.stance in ("favor", "against")]
        after = [r for r in readings if order[r.unit] >= pos and r.stance in ("favor", "against")]
        if not before or not after:
            continue
        b = Counter(r.stance for r in before).most_common(1)[0][0]
        a = Counter(r.stance for r in after).most_common(1)[0][0]
        if a != b:
            first = next(k for k, r in enumerate(readings) if order[r.unit] >= pos)
            readings = list(readings)
            readings[first] = readings[first]._replace(change=True)
            break
    return readings


# Favour and against readings of one actor make "mixed" when the lighter side weighs more
# than this share of the heavier (weights: the readings' confidences), and so do mixed
# readings ("more ambivalent") that weigh that share of the heavier side. Chosen on
# batches 1-2 (agreement 0.494 by counts with 0.5; 0.518 with confidences and 0.7-0.9).
MIXED_BALANCE = 0.8
# Confidence of a reading where the actor does what the target names ("Obama closed
# Guantanamo"): that of an outcome reading (see _author_reading).
DOING_CONFIDENCE = 0.75


def _final(readings: Sequence[Reading]) -> tuple[str, float, list[Reading]]:
    """Final stance of one actor: after its last change of course, else the balance of all,
    each reading weighed by its confidence (a confident cue outweighs a model's guess)."""
    last_change = max((i for i, r in enumerate(readings) if r.change), default=None)
    considered = list(readings[last_change:]) if last_change is not None else list(readings)
    polar = [r for r in considered if r.stance in ("favor", "against", "mixed")]
    if not polar:
        return "none", 0.5, considered[:1]
    weight = dict.fromkeys(("favor", "against", "mixed"), 0.0)
    for r in polar:
        weight[r.stance] += r.confidence
    fav, ag, mix = weight["favor"], weight["against"], weight["mixed"]
    if mix and mix >= MIXED_BALANCE * max(fav, ag):
        stance = "mixed"
    elif fav and ag and min(fav, ag) / max(fav, ag) > MIXED_BALANCE:
        stance = "mixed"
    else:
        stance = "favor" if fav >= ag else "against"
    support = [r for r in polar if r.stance == stance] or polar
    agreement = len(support) / len(polar)
    conf = sum(r.confidence for r in support) / len(support) * (0.6 + 0.4 * agreement)
    return stance, round(min(conf, 0.99), 3), support


def attribute(doc: Doc, units: Sequence[Unit], *, targets: Sequence[str | Target], nlp=None,
              actors: Sequence[Actor] | None = None, author: str | None = None,
              learned=None, terms: Mapping[str, Sequence[str]] | None = None,
              cues: Cues | None = None, lexicon: StanceLexicon | None = None) -> list[Stance]:
    """Return the stances of the actors toward each target.

    Args:
        doc: The parsed Doc (parser and NER).
        units: Its sentence units, with their sources (``convert.units_from_doc``).
        targets: Free-text targets, or targets parsed once by the caller.
        nlp: Pipeline used to parse the targets (default: one built from ``doc.vocab``).
        actors: Actors to use (default: the Doc's actors layer, ``argmine_actors``).
        author: Name of the author (from metadata) for the author actor.
        learned: Optional sentence-stance classifier with ``predict(text, target) -> (label, p)``.
        terms: Extra words or phrases that name a target, by target text.
        cues: Cue tables (default: the package's); the stance component passes its own.
        lexicon: Stance lexicon of the sentence-level reading and the polarity model's
            features (default: the package's); the stance component passes its own.

    Reported speech: a unit whose ``source`` is set (inside a speaker's quotation or
    reported statement) is read as its speaker's position, "I" and "we" in it are the
    speaker, and the author's own stance leaves it out.
    """
    if actors is None:
        from ..convert import actors_from_doc

        actors = actors_from_doc(doc, author=author)
    actors = list(actors)
    if not targets:
        return []
    cues = cues or load_cues()
    lex = lexicon or load_lexicon()
    # Words that make a copula with the target as subject a judgement of it (see _evaluates).
    evaluative = (lex.positive | lex.negative | lex.good_outcome | lex.bad_outcome | cues.favor | cues.against
                  | cues.good_outcome | cues.bad_outcome)
    index = _mention_index(doc, actors)
    author_ids = [a.id for a in actors if a.role == "author"]
    pairs = _pair_references(doc, index, {a.id: a.kind for a in actors if a.role != "author"})
    for i in pairs:
        index.pop(i, None)  # "the two leaders" is no group of its own here
    sents = [doc.char_span(u.start, u.end, alignment_mode="expand") for u in units]
    # Read once per document, not once per target: texts for anchors, change predicates.
    text = doc_text(doc)
    lowered = [text[s.start_char:s.end_char].lower() if s is not None else "" for s in sents]
    changed = [s is not None and _is_change(s, s.root, cues) for s in sents]
    known = {a.id for a in actors}
    statements = [(q.start, q.end, q._.argmine_speaker) for q in doc.spans.get(QUOTES_KEY, ())
                  if q._.argmine_speaker in known]
    stances: list[Stance] = []
    kinds = {a.id: a.kind for a in actors}
    for target_spec in targets:
        target = target_spec if isinstance(target_spec, Target) else parse_target(
            target_spec, nlp or _nlp_for(doc), extra_terms=(terms or {}).get(target_spec, ()), lexicon=lexicon)
        is_actor = target.kind == TargetKind.ACTOR
        target_ids = _target_actors(actors, target) if is_actor else set()
        name_words_ = _name_words(target) if is_actor else frozenset()
        anchor_actors = _anchor_actors(actors, target)
        doc_anchor_count = sum(len(a.mentions) for a in actors if a.id in anchor_actors)
        anchor_tokens = sorted(t for t, a in index.items() if a in anchor_actors)
        anchor_sents = {i for i, sent in enumerate(sents) if sent is not None and _any_in(anchor_tokens, sent)}
        # The target actor's own mentions are where the chain ends, not agents.
        target_tokens = {t for t, a in index.items() if a in target_ids}
        recent_target = False
        readings: dict[str, list[Reading]] = defaultdict(list)
        previous_hit = -10
        previous_reading = None
        changes: list[int] = []
        linked: list[tuple[str, str]] = []
        for i, (sent, unit) in enumerate(zip(sents, units)):
            if sent is None:
                continue
            if is_actor:
                hits = _actor_hits(sent, index, target_ids, kinds, recent_target, name_words_)
                recent_target = _last_actor_kind(sent, index, kinds, target_ids, recent_target)
            else:
                near_anchor = (any(abs(i - j) <= 3 for j in anchor_sents)
                               or anchor_in_reach(lowered, i, target, doc_anchor_count=doc_anchor_count))
                hits = find_hits(sent, target) if near_anchor else []
                if not hits:
                    # "the deal", "the agreement": a definite description refers back to the target.
                    dfn = definite_hit(sent, target)
                    hits = [dfn] if dfn else []
                if not hits and previous_hit >= i - 1:
                    ana = anaphoric_hit(sent)
                    hits = [ana] if ana else []
            continuity = False
            if hits:
                previous_hit = i
            elif previous_hit == i - 1:
                continuity = True
            else:
                if changed[i]:
                    changes.append(i)
                previous_reading = None
                continue
            agents = _agents(sent, index, hits, author_ids[0] if author_ids else None, unit.source, cues,
                             pairs=pairs)
            if is_actor:
                # An actor takes no stance toward itself here.
                agents = [(aid, pred, how) for aid, pred, how in agents if aid not in target_ids]
            if hits and not continuity:
                linked.extend((index[t.i], unit.id) for t in sent if t.i in index and index[t.i] not in target_ids)
            agent_tokens = {t for t, a in index.items() if sent.start <= t < sent.end and t not in target_tokens}
            found_agent = False
            if has_phrase(sent, cues.agreement) and previous_reading is not None:
                # "X appear to hold similar views": X takes the position just described.
                for aid, _pred, how in agents:
                    if how == "subject":
                        readings[aid].append(Reading(aid, unit.id, previous_reading[0],
                                                     previous_reading[1] * 0.8, False))
                        found_agent = True
                agents = []
            unit_reading = None
            for aid, pred, how in agents:
                if (aid in anchor_actors and how != "subject"
                        and not (how == "owner" and pred_is_possessed(pred, index, aid))):
                    # An anchor names the target ("the Iran nuclear deal") unless it owns it
                    # with a possessive ("Russia's war") or acts as a subject.
                    continue
                if how != "owner" and _hypothetical_or_embedded(pred, cues):
                    continue
                clause = _own_clause(pred, cues)
                in_reach = [h for h in hits if h.token.i in clause]
                via_pronoun = False
                if hits and not in_reach and _refers_back(pred, clause, hits):
                    # "..., calling it a job killer": "it" takes up the target named earlier,
                    # so the chain is the predicate's own, not the path to that earlier mention.
                    in_reach, via_pronoun = list(hits[:1]), True
                if hits and not in_reach and how != "owner" and not any(h.via == "anaphora" for h in hits):
                    # The actor acts on something else in this sentence.
                    continue
                hit = _pick_hit(in_reach or hits, pred, cues) if hits else None
                reading: tuple[str, float] | None
                if how == "owner":
                    if is_actor:
                        continue  # "Pelosi's rival" says nothing of the possessor's view of Pelosi
                    reading = ("against" if hit and hit.opposite else "favor", 0.6)
                else:
                    flip = bool(hit and hit.opposite) != bool(hit and _negated_mention(hit.token))
                    # A motion against its object ("ban X"): against X is favour of the motion.
                    path_to = hit.token if hit and not via_pronoun else None
                    reading = _read(_chain(pred, path_to, agent_tokens, own_only=via_pronoun), cues,
                                    flip != (target.sign < 0), path_to)
                    doing = next((h for h in hits if h.token.i == pred.i), None) if reading is None else None
                    if doing is not None and how == "subject" and pred.pos_ == "VERB":
                        # "Obama closed Guantanamo" (target: closing Guantanamo): the actor
                        # does what the target names; "did not close" reads against.
                        against = (doing.opposite != (target.sign < 0)) != is_negated(pred, cues)
                        reading = ("against" if against else "favor", DOING_CONFIDENCE)
                if _is_polarity_model(learned) and how == "subject" and hits:
                    # The rule reading is one feature of the calibrated model, which decides.
                    reading = _joint(learned, sent, target, pred, hit, reading,
                                     -1 if (hit and hit.opposite) != (target.sign < 0) else 1,
                                     cues=cues, lexicon=lexicon, continuity=continuity)
                elif reading is None and learned is not None and hits and not continuity and how == "subject":
                    # No cue the rules can read: ask the classifier trained on IBM and IAM,
                    # and keep only confident answers (it knows no "none").
                    label, p = learned.predict(sent.text, target.text)
                    reading = (label, round(p * 0.8, 3)) if p >= LEARNED_MIN_P else None
                if reading is None:
                    continue
                stance, conf = reading
                if continuity:
                    conf *= 0.8
                found_agent = True
                unit_reading = unit_reading or (stance, conf)
                if any(r.unit == unit.id and r.stance == stance for r in readings[aid]):
                    continue  # "you have shown your commitment": one position, read twice
                readings[aid].append(Reading(aid, unit.id, stance, conf, False))
            if unit_reading is None and (hits or continuity):
                # No actor reading: keep the sentence's own tenor for "similar views" next.
                unit_reading = _read(list(sent), cues, bool(hits and hits[0].opposite),
                                     hits[0].token if hits else None)
            previous_reading = unit_reading
            if changed[i]:
                changes.append(i)
            # The author's own claims: outcome predicates and evaluations of the target. What
            # the author only reports is the source's claim instead (and not the author's).
            # A lone sentence is the document's claim whatever its unit label.
            reported_in: list[tuple[str, Span, list[TargetHit]]] = []
            own_hits: list[TargetHit] = []
            if unit.source is not None:
                reported_in = [(unit.source, sent, list(hits))] if hits else []
            elif hits:
                reported_in, own_hits = _statements_in(sent, hits, statements)
            for source, content, content_hits in reported_in:
                if any(r.unit == unit.id for r in readings.get(source, [])):
                    continue
                reported = _author_reading(content, content_hits, target, cues, learned, lexicon)
                if reported:
                    for aid in _speaker_and_group(source, actors):
                        readings[aid].append(Reading(aid, unit.id, *reported, False))
            if author_ids and own_hits and not found_agent and (unit.label == "claim" or len(units) == 1
                                                                or _evaluates(sent, own_hits, evaluative)):
                author_reading = _author_reading(sent, own_hits, target, cues, learned, lexicon)
                if author_reading:
                    readings[author_ids[0]].append(Reading(author_ids[0], unit.id, *author_reading, False))
        if (len(units) == 1 and author_ids and sents[0] is not None and not readings
                and target.kind == TargetKind.MOTION and _is_polarity_model(learned)):
            # A document that is one claim ("Violent games desensitise children") states the
            # author's stance toward the motion even when it never names the motion's words.
            # A claim about a motion takes a side, so the more probable side is the answer.
            lone = _joint(learned, sents[0], target, sents[0].root, None, None, target.sign, cues=cues,
                          lexicon=lexicon, min_p=0.0)
            if lone:
                readings[author_ids[0]].append(Reading(author_ids[0], units[0].id, *lone, False))
        # The actor the target is about (North Korea for "pressure on North Korea") and its
        # own people are linked to it wherever they are named (GUIDELINES 6.1).
        for i in sorted(anchor_sents):
            sent = sents[i]
            if sent is not None:
                linked += [(index[t], units[i].id) for t in anchor_tokens
                           if sent.start <= t < sent.end and index[t] not in target_ids]
        # Actors linked to the target without a readable position: "none".
        for aid, unit_id in linked:
            if aid not in readings:
                readings[aid].append(Reading(aid, unit_id, "none", 0.5, False))
        order = {u.id: k for k, u in enumerate(units)}
        for aid, rs in readings.items():
            rs = _mark_changes(rs, changes, order)
            stance, conf, support = _final(rs)
            timeline = [TimelineEntry(unit=r.unit, stance=r.stance) for r in rs]
            # Strongest evidence first (direct cue readings before continuity and fallbacks).
            ranked = sorted(support, key=lambda r: -r.confidence)
            evidence = list(dict.fromkeys(r.unit for r in ranked))
            stances.append(Stance(actor=aid, target=target.text, stance=stance, score=conf,
                                  evidence=evidence, timeline=timeline))
    return stances


def _speaker_and_group(source: str, actors: Sequence[Actor]) -> list[str]:
    """The speaker, and the group it speaks for when the text says so (an affiliated
    spokesman or member of an organization or group; a person's country is not that).
    A company or country listed in a group ("companies including Google") speaks only
    for itself."""
    out = [source]
    actor = next((a for a in actors if a.id == source), None)
    if actor is not None and actor.kind == "person" and actor.affiliation:
        group = next((a for a in actors if a.id == actor.affiliation), None)
        if group is not None and group.kind in ("organization", "group"):
            out.append(group.id)
    return out


def _nlp_for(doc: Doc):
    # Targets are parsed with the same pipeline that parsed the document.
    nlp = getattr(doc, "_argmine_nlp", None)
    if nlp is None:
        from ..nlp import load_spacy
        nlp = load_spacy()
    return nlp
