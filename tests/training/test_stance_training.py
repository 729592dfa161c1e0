"""`argmine train --stance-corpora`: the stance classifier is cross-validated, trained and carded."""

from __future__ import annotations

import csv
import json
import logging

import pytest

from argmine.errors import ArgmineError
from argmine.io.ibm import COLUMNS
from argmine.stance.learned import StanceClassifier
from argmine.training import parse_source, train

# Invented claims: five topics, so the five-fold cross-topic split has a topic per fold.
TOPICS = ["school uniforms", "city parks", "night trains", "public libraries", "bike lanes"]
FAVOR = ["{t} help families and create jobs", "{t} are a benefit to every town"]
AGAINST = ["{t} waste money and harm taxpayers", "{t} are a danger to the budget"]


def _ibm(path):
    path.mkdir(parents=True)
    with open(path / "claim_stance_train.csv", "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(COLUMNS)
        claim = 900100
        for n, topic in enumerate(TOPICS):
            for stance, patterns in (("PRO", FAVOR), ("CON", AGAINST)):
                for pattern in patterns:
                    claim += 1
                    text = pattern.format(t=topic.capitalize())
                    row = dict.fromkeys(COLUMNS, "")
                    row.update({"topicId": str(8000 + n), "split": "train",
                                "topicText": f"This house supports {topic}", "topicTarget": topic,
                                "topicSentiment": "1", "claims.claimId": str(claim),
                                "claims.stance": stance, "claims.claimCorrectedText": text,
                                "claims.claimOriginalText": text, "claims.Compatible": "no"})
                    out.writerow([row[c] for c in COLUMNS])


def _iam(path):
    (path / "stance").mkdir(parents=True)
    lines = []
    for n, topic in enumerate(TOPICS):
        for stance, patterns in (("1", FAVOR), ("-1", AGAINST)):
            for pattern in patterns:
                lines.append(f"C\tShould towns fund {topic}\t{pattern.format(t=topic.capitalize())}.\t{n}_1\t{stance}")
    (path / "stance" / "train.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.slow
def test_training_with_stance_corpora_writes_the_stance_model(tmp_path, data_dir, small_hash, caplog):
    corpora = tmp_path / "corpora"
    _ibm(corpora / "ibm-claim-stance")
    _iam(corpora / "iam")
    out = tmp_path / "model"
    with caplog.at_level(logging.WARNING, logger="argmine"):
        meta = train([parse_source(f"jsonl:{data_dir / 'train' / 'mini.jsonl'}")], out, seed=0,
                     stance_corpora=corpora)
    assert "Stance corpus newsmtsc not found" in caplog.text
    stance = meta["stance"]
    assert set(stance["cv"]) == {"ibm", "iam"}
    for name in ("ibm", "iam"):
        assert stance["cv"][name]["n"] == 20 and stance["cv"][name]["groups"] == 5
        # Plain cue words on unseen topics: the classifier beats the majority class.
        assert stance["cv"][name]["model"]["macro_f1"] > stance["cv"][name]["majority"]["macro_f1"]
    assert stance["trained"] == {"target_stance": {"n": 40, "labels": {"favor": 20, "against": 20}}}
    assert json.loads((out / "stance" / "scores.json").read_text(encoding="utf-8")) == stance
    model = StanceClassifier.from_disk(out / "stance" / "target_stance")
    assert model.predict("Night trains harm taxpayers and waste money.", "night trains")[0] == "against"
    card = (out / "README.md").read_text(encoding="utf-8")
    assert "ibm" in card and "iam" in card


def test_stance_corpora_folder_without_corpora_is_refused(tmp_path, data_dir):
    (tmp_path / "empty").mkdir()
    with pytest.raises(ArgmineError, match=r"E026"):
        train([parse_source(f"jsonl:{data_dir / 'train' / 'mini.jsonl'}")], tmp_path / "m",
              stance_corpora=tmp_path / "empty")
