"""Cue-word lists for argumentative sentence features.

Small, closed lists of function-like cues from the argument-mining literature
(modals and deontics, hedges and boosters, reporting verbs, discourse markers),
matched on lower-cased lemmas. Open-class evaluative words are left to the word
n-grams and the part-of-speech features, which generalise better than a list.
"""

DEONTIC = frozenset({"should", "must", "ought", "need", "have to", "has to", "shall", "urge",
                     "call", "demand", "require", "necessary", "essential", "imperative"})
EPISTEMIC_MODALS = frozenset({"may", "might", "could", "would", "can", "will"})
HEDGES = frozenset({"appear", "seem", "perhaps", "possibly", "probably", "likely", "unlikely",
                    "suggest", "apparently", "somewhat", "uncertain", "whether", "maybe",
                    "arguably", "presumably", "reportedly", "allegedly"})
BOOSTERS = frozenset({"clearly", "certainly", "indeed", "obviously", "undoubtedly", "surely",
                      "definitely", "of course", "in fact", "always", "never", "truly",
                      "absolutely", "especially", "highly", "deeply"})
REPORTING = frozenset({"say", "tell", "state", "announce", "declare", "express", "report", "note",
                       "claim", "argue", "insist", "contend", "warn", "welcome", "condemn",
                       "praise", "criticize", "deny", "affirm", "reaffirm", "stress",
                       "emphasize", "acknowledge", "admit", "according", "describe", "call",
                       "voice", "accuse", "allege", "assert", "confirm", "predict", "suggest",
                       "urge", "pledge", "promise", "vow", "object", "complain", "explain"})
ATTITUDE = frozenset({"approve", "approval", "support", "supportive", "oppose", "opposition",
                      "concern", "concerned", "worry", "worried", "uneasiness", "uneasy",
                      "disturbed", "thrilled", "eager", "reluctant", "ambivalent", "skeptical",
                      "welcome", "hope", "fear", "favor", "reject", "resist", "applaud"})
EVALUATIVE = frozenset({"good", "bad", "tragedy", "tragic", "important", "significant",
                        "dangerous", "wrong", "right", "unacceptable", "terrible", "great",
                        "better", "worse", "best", "worst", "fair", "unfair", "disastrous",
                        "alarming", "alarmingly", "reckless", "wise", "foolish", "brutal",
                        "fragile", "beneficial", "harmful", "crucial", "vital", "outrageous",
                        "historic", "remarkable", "shameful", "deplorable", "welcome"})
CONDITIONAL = frozenset({"if", "unless", "provided", "otherwise", "whether"})
CAUSAL = frozenset({"because", "since", "therefore", "thus", "hence", "consequently", "so",
                    "as a result", "due to", "lead to", "cause", "result"})
CONTRAST = frozenset({"but", "however", "although", "though", "yet", "nevertheless",
                      "while", "whereas", "despite", "still", "instead"})
EXEMPLIFY = frozenset({"for example", "for instance", "such as", "e.g.", "including",
                       "in particular", "namely"})
FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our", "ours", "myself", "ourselves"})
SECOND_PERSON = frozenset({"you", "your", "yours", "yourself", "yourselves"})
REFERENCE = frozenset({"report", "study", "survey", "resolution", "article", "treaty", "act",
                       "law", "document", "statement", "paper", "analysis", "data", "poll",
                       "according", "agreement", "accord", "agency", "commission", "review"})
RECORD = frozenset({"first", "last", "record", "percent", "percentage", "million", "billion",
                    "thousand", "hundred", "dozen", "twice", "half", "decade", "decades",
                    "year", "years", "highest", "lowest", "largest", "most", "least"})

CUES = {
    "deontic": DEONTIC, "epistemic": EPISTEMIC_MODALS, "hedge": HEDGES, "booster": BOOSTERS,
    "reporting": REPORTING, "attitude": ATTITUDE, "evaluative": EVALUATIVE,
    "conditional": CONDITIONAL, "causal": CAUSAL, "contrast": CONTRAST, "exemplify": EXEMPLIFY,
    "first_person": FIRST_PERSON, "second_person": SECOND_PERSON, "reference": REFERENCE,
    "record": RECORD,
}
