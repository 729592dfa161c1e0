"""Model cards: sections a retrained part cannot regenerate are carried over."""

from argmine.training.card import carry_sections

OLD = """# model

## Scores

old scores

## Reported speech (rules)

hand-written table

## Limits

- old limit

<!-- polarity model -->
### Polarity model

appended by another trainer
"""

NEW = """# model

## Scores

new scores

## Limits

- new limit
"""


def test_hand_written_and_appended_sections_survive_a_rewritten_card():
    out = carry_sections(OLD, NEW)
    assert "new scores" in out and "old scores" not in out
    assert out.index("## Scores") < out.index("## Reported speech") < out.index("## Limits")
    assert "hand-written table" in out and "- new limit" in out and "- old limit" not in out
    assert out.rstrip().endswith("appended by another trainer")
    assert out.count("## Reported speech") == 1


def test_nothing_to_carry_leaves_the_new_card():
    assert carry_sections("", NEW) == NEW
    assert carry_sections(NEW, NEW) == NEW
