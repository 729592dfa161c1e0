"""Reported speech on sentences written for these tests, the record fields, and the
round trip of the pipeline through ``to_disk``/``spacy.load``."""

from __future__ import annotations

import pytest
import spacy

import argmine
from argmine.schema import check_record
from argmine.sources.marks import find_quoted


@pytest.fixture(scope="module")
def nlp():
    return argmine.load()


def _quotes(nlp, text):
    record = argmine.analyze(text, nlp=nlp)
    names = {a.id: a.name for a in record.actors}
    return [(names.get(q.speaker), text[q.start:q.end], q.kind,
             text[q.cue.start:q.cue.end] if q.cue else None) for q in record.quotes]


@pytest.mark.parametrize("text, speaker, content, kind, cue", [
    ('"This budget is a disgrace," Schumer said.', "Schumer", "This budget is a disgrace", "direct", "said"),
    ('Obama said: "We are going to get this done."', "Obama", "We are going to get this done.", "direct", "said"),
    ('"The economy is recovering," said Treasury Secretary Timothy Geithner.', "Timothy Geithner",
     "The economy is recovering", "direct", "said"),
    ("Republicans argued that the new law was unconstitutional.", "Republicans",
     "that the new law was unconstitutional", "indirect", "argued"),
    ("Critics said the plan would hurt workers.", "Critics", "the plan would hurt workers", "indirect", "said"),
    ("Senate Democrats said the bill would fail.", "Senate Democrats", "the bill would fail", "indirect", "said"),
])
def test_speaker_cue_content_kind(nlp, text, speaker, content, kind, cue):
    found = [(s and s.lower(), c, k, q) for s, c, k, q in _quotes(nlp, text)]
    assert (speaker.lower(), content, kind, cue) in found


def test_speaker_named_once_over_sentences_and_paragraphs(nlp):
    text = ('Senator Maria Lopez spoke on Monday. "We will not accept this. It is a terrible bill for '
            'working families," she said.\n\n"And we will keep fighting until it is gone."')
    found = _quotes(nlp, text)
    assert [s for s, *_ in found if s] == ["Maria Lopez", "Maria Lopez"]


def test_the_senator_resolves_to_the_titled_person(nlp):
    text = ('Senator Elizabeth Warren met Governor John Smith. "They took the money and ran away '
            'with it," the senator said.')
    assert _quotes(nlp, text)[0][0] == "Elizabeth Warren"


def test_pronoun_skips_names_inside_the_quote(nlp):
    text = ('Netanyahu spoke on television. "President Obama has said that he will act on this '
            'matter soon," he said.')
    assert _quotes(nlp, text)[0][0] == "Netanyahu"


def test_spokesman_speaks_for_the_affiliated_actor(nlp):
    found = _quotes(nlp, "Mitt Romney's spokesman said the plan would raise taxes on families.")
    assert found[0][0] == "Mitt Romney"


@pytest.mark.parametrize("text, speaker", [
    ('A spokesperson for Acme says the company cares about privacy.\n\n"We review all such requests '
     'carefully," the spokesperson said.', "Acme"),
    ('"They should stop blocking it," Jim Manley, a spokesman for Mr. Reid, said. "This letter is '
     'nothing new," the spokesman said.', "Jim Manley"),
])
def test_the_spokesperson_takes_up_the_one_named_before(nlp, text, speaker):
    assert [s for s, *_ in _quotes(nlp, text)][-1] == speaker


def test_a_chain_of_the_spokesperson_reaches_back_without_recursion(nlp):
    text = "A spokesperson for Acme said it was fine. " + " ".join(['"We agree," the spokesperson said.'] * 200)
    assert {s for s, *_ in _quotes(nlp, text)} == {"Acme"}


@pytest.mark.parametrize("text, content, cue", [
    ("Secretary Blinken made clear that the United States would not accept the plan.",
     "that the United States would not accept the plan", "made clear"),
    ("Senator Warren made it clear that the plan would fail.", "that the plan would fail", "made it clear"),
    ("Senator Warren pointed out that the plan would fail.", "that the plan would fail", "pointed out"),
    ("As President Obama has said, we see the return to the talks as a beginning.",
     "we see the return to the talks as a beginning", "said"),
    ("We will not accept it, as Senator Smith noted.", "We will not accept it", "noted"),
    ("The plan, as Obama made clear, would fail.", "The plan, as Obama made clear, would fail", "made clear"),
    ("As Obama put it, the plan is dead.", "the plan is dead", "put"),
])
def test_speech_phrases_and_as_clauses(nlp, text, content, cue):
    [(speaker, found, kind, found_cue)] = _quotes(nlp, text)
    assert speaker is not None and (found, kind, found_cue) == (content, "indirect", cue)


@pytest.mark.parametrize("text", [
    "Prices rose sharply as residents of Ferguson explained the problems to Senator Smith.",
    "Romney joined other Republicans in calling on Akin to quit, as Akin vowed to stay in the race.",
    "As Senator Smith feared, the bill failed in the House.",  # a belief verb needs a clause
    "As Obama continued, the crowd grew quiet.",
    "As long as Obama insists, the talks will fail.",
])
def test_a_temporal_as_clause_is_not_a_source(nlp, text):
    assert all(not c.startswith(("Prices", "Romney")) for _, c, _, _ in _quotes(nlp, text))


def test_according_to(nlp):
    found = _quotes(nlp, "According to Senator Tom Harkin, the bill will pass the House next week.")
    assert found and found[0][0] == "Tom Harkin" and found[0][3] == "According to"


def test_called_a_is_reported(nlp):
    found = _quotes(nlp, 'Schumer called the meeting "a disgrace."')
    assert found[0][0] == "Schumer" and found[0][2] == "mixed" and "disgrace" in found[0][1]


def test_scare_quotes_and_titles_are_not_speech(nlp):
    assert _quotes(nlp, 'The film "Gone With the Wind" was shown in the "new" theater downtown.') == []


@pytest.mark.parametrize("text, n", [
    ("“Curly quotes work,” she said.", 1),
    ('"Straight quotes work," she said.', 1),
    ('He said "this is never closed and goes on', 1),   # unbalanced: no refusal
    ('A stray closing mark" stays outside.', 0),
])
def test_quotation_marks_without_refusal(text, n):
    assert len(find_quoted(text)) == n


def test_record_is_valid_and_units_carry_their_source(nlp):
    text = '"We must never accept this deal," Senator Ted Cruz said. The vote is on Friday.'
    record = argmine.analyze(text, nlp=nlp)
    assert check_record(record.to_dict()) == []
    cruz = next(a.id for a in record.actors if a.name == "Ted Cruz")
    assert record.units[0].source == cruz and record.units[1].source is None


def test_validate_rejects_a_quote_with_an_unknown_speaker():
    data = {"schema": "argmine.doc/1", "id": "x", "text": "Hello there.",
            "quotes": [{"id": "q1", "speaker": "a9", "start": 0, "end": 5, "cue": None, "kind": "direct"}]}
    assert any("speaker 'a9' is not an actor id" in p for p in check_record(data))
    data["quotes"][0].update(speaker=None, end=50)
    assert any("beyond the end" in p for p in check_record(data))


def test_stance_reads_through_speech_not_for_the_author(nlp):
    text = ('"We must never accept detente with North Korea," Senator Ted Cruz said. '
            "He called the talks a disgrace.")
    record = argmine.analyze(text, nlp=nlp, targets=["detente with North Korea"])
    names = {a.id: a for a in record.actors}
    by_actor = {names[s.actor].name: s for s in record.stances}
    assert by_actor["Ted Cruz"].stance == "against"
    assert record.units[0].id in by_actor["Ted Cruz"].evidence
    author = next(a.id for a in record.actors if a.role == "author")
    assert all(s.actor != author for s in record.stances)


def test_round_trip_through_to_disk_and_spacy_load(nlp, tmp_path):
    text = ('"We must never accept detente with North Korea," Senator Ted Cruz said. '
            "Critics said the talks would fail.")
    nlp.get_pipe("argmine_stance").targets = ["detente with North Korea"]
    before = nlp(text)
    nlp.to_disk(tmp_path / "pipe")
    meta = (tmp_path / "pipe" / "meta.json").read_text(encoding="utf-8")
    assert "argmine_sources/sources" in meta  # the tables' sha256
    loaded = spacy.load(tmp_path / "pipe")
    loaded.get_pipe("argmine_stance").targets = ["detente with North Korea"]
    after = loaded(text)
    nlp.get_pipe("argmine_stance").targets = ()
    for key in ("argmine_actors", "argmine_quotes"):
        assert [(s.start, s.end, s.kb_id_, s.label_) for s in before.spans[key]] == \
               [(s.start, s.end, s.kb_id_, s.label_) for s in after.spans[key]]
    assert before._.argmine_stances == after._.argmine_stances
    assert before._.argmine_actors == after._.argmine_actors
    # Nothing in the saved pipeline points back at the package's data folder.
    for f in (tmp_path / "pipe").rglob("*.json"):
        assert "argmine/data" not in f.read_text(encoding="utf-8")


def test_damaged_table_is_a_coded_error(nlp, tmp_path):
    from argmine.errors import ModelError

    nlp.get_pipe("argmine_sources").to_disk(tmp_path / "sources")
    path = tmp_path / "sources" / "sources.json"
    path.write_text(path.read_text(encoding="utf-8").replace('"say"', '"sai"'), encoding="utf-8")
    with pytest.raises(ModelError, match="sha256"):
        nlp.get_pipe("argmine_sources").from_disk(tmp_path / "sources")


@pytest.mark.parametrize("text, content, cue", [
    ("Secretary of State Antony Blinken met Foreign Minister Chung. The Secretary stressed the "
     "importance of the alliance.", "the importance of the alliance", "stressed"),
    ("Secretary of State Antony Blinken met Foreign Minister Chung. The Secretary called for the "
     "release of the detained workers.", "for the release of the detained workers", "called"),
    ("Secretary of State Antony Blinken met Foreign Minister Chung. The Secretary confirmed U.S. "
     "support for inter-Korean dialogue.", "U.S. support for inter-Korean dialogue", "confirmed"),
])
def test_statement_reported_through_its_object(nlp, text, content, cue):
    found = _quotes(nlp, text)
    assert ("Antony Blinken", content, "indirect", cue) in found


def test_the_secretary_is_not_a_title_further_back(nlp):
    text = ("Secretary of State Antony Blinken spoke with Director Yang Jiechi. Secretary Blinken and "
            "Director Yang discussed the review. The Secretary underscored concern over the arrests.")
    assert _quotes(nlp, text)[0][0] == "Antony Blinken"


@pytest.mark.parametrize("text, person, group", [
    ('"It is off base," said Rep. Dana Rohrabacher, R-Calif.', "Dana Rohrabacher", "Republicans"),
    ('"I will not vote for it," said Representative Barney Frank, Democrat of Massachusetts.',
     "Barney Frank", "Democrats"),
    ('"This raises questions," said Brendan Buck, a spokesman for Speaker John Boehner.',
     "Brendan Buck", "John Boehner"),
    ('"This raises questions," said Brendan Buck, a spokesman for House Speaker John Boehner.',
     "Brendan Buck", "John Boehner"),
    ('"This plan will hurt schools," said Representative Andy Morgan, a conservative Republican '
     "who represents the district.", "Andy Morgan", "Republicans"),
    ('"This is a mistake," said Republican Sen. John Hale.', "John Hale", "Republicans"),
    ('"They read it like a sacred text," Rep. Jerry Nolan, D-N.Y., the former chairman of the House '
     "Judiciary subcommittee, told reporters.", "Jerry Nolan", "Democrats"),
    ('"The ad is dishonest and false," Obama campaign spokeswoman Lisa Tran said.', "Lisa Tran", "Obama"),
    ('"We never share user data," Acme Corp spokesman John Doe said.', "John Doe", "Acme Corp"),
])
def test_affiliation_the_text_states(nlp, text, person, group):
    record = argmine.analyze(text, nlp=nlp)
    by_id = {a.id: a for a in record.actors}
    speaker = by_id[record.quotes[0].speaker]
    assert speaker.name == person and by_id[speaker.affiliation].name == group


def test_hand_checked_quotes_are_valid():
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "annotations" / "quotes" / "quotes.jsonl"
    records = list(argmine.read_corpus(path, format="jsonl"))
    assert sum(len(r.quotes) for r in records) >= 100
    assert all(r.meta.get("licence", "").startswith("U.S. federal work") for r in records)


def test_pronoun_finds_its_person_through_an_earlier_pronoun(nlp):
    text = ("Governor Tom Reyes campaigned across Iowa on Monday, visiting three county fairs, two "
            "factories and a long row of small family farms in the north of the state, where the drought "
            "has hurt the corn harvest for a second year and many growers fear for their land. In a "
            "statement released Tuesday, he criticized the Obama administration’s decision to cut farm "
            'aid. "This is a war on rural families and it must stop now," he said.')
    assert [s for s, *_ in _quotes(nlp, text)] == ["Tom Reyes", "Tom Reyes"]


def test_pronoun_prefers_a_person_introduced_after_the_last_quote(nlp):
    text = ('"We will win this fight in the end," Senator Mark Dale said. Activist Laura Kim accused '
            'the senator of ignoring voters. "He no longer listens to any of us," she told reporters.')
    assert [s for s, *_ in _quotes(nlp, text)] == ["Mark Dale", "Laura Kim"]


def test_owner_the_ner_missed_becomes_an_organization_with_its_mentions(nlp):
    text = '"We take no issue with the movement," the NAACP President Ben Carter said. Later the NAACP voted.'
    record = argmine.analyze(text, nlp=nlp)
    by_id = {a.id: a for a in record.actors}
    carter = by_id[record.quotes[0].speaker]
    owner = by_id[carter.affiliation]
    assert (owner.name, owner.kind) == ("NAACP", "organization")
    assert [text[m.start:m.end] for m in owner.mentions] == ["NAACP", "NAACP"]
    assert sum(a.name == "NAACP" for a in record.actors) == 1


def test_title_words_are_not_an_owner(nlp):
    record = argmine.analyze('"This is a mistake," said White House Press Secretary Jay Carney.', nlp=nlp)
    assert not any(a.name == "Press" for a in record.actors)


def test_a_closing_mark_after_a_space_closes_when_the_rest_pair_up():
    text = ('The governor stated, "This plan is wrong. It must stop. "He was referring to a memo that '
            'asks agencies to "protect" the program.')
    quoted = [text[q.start:q.end].strip() for q in find_quoted(text)]
    assert quoted == ["This plan is wrong. It must stop.", "protect"]


@pytest.mark.parametrize("text, speaker", [
    ('The Smith campaign answered with an ad of its own on Tuesday. The ad says: "The governor has cut '
     'school funding by a third and it is time to stop him."', "Smith"),
    ("But the lawsuit from Nebraska and Oklahoma argues that the new law has opened a dangerous gap in "
     "the system. Nebraska and Oklahoma sued on Monday.", "Nebraska"),
    # "the company", "the group": the nearest organization or group before.
    ('Wal-Mart rejected the claims on Monday. "We treat our workers fairly," the company said.', "Wal-Mart"),
    # With its own words, only an actor named with them: not the nearer NAACP.
    ('The St. Louis Tea Party met on Monday. It wrote to the NAACP. "We reject racism," the St. Louis group '
     'said.', "St. Louis Tea Party"),
])
def test_a_document_or_a_definite_collective_speaks_for_an_earlier_actor(nlp, text, speaker):
    assert _quotes(nlp, text)[0][0] == speaker


def test_colon_without_a_reporting_verb_names_the_clause_subject(nlp):
    text = ('Senator Paul Ryan attacked the plan. Vice President Joe Biden was quick to retort: "With all '
            'due respect, that is just a bunch of malarkey."')
    assert [s for s, *_ in _quotes(nlp, text)] == ["Joe Biden"]


@pytest.mark.parametrize("text, speaker, content", [
    ('At one point, Senator Tom Weller referred to a reporter in the crowd as a "jackass."', "Tom Weller",
     'a "jackass."'),
    ('In an interview, Ryan also hammered Obama for what he called his "utter failure when it comes to '
     'creating jobs."', "Ryan", 'what he called his "utter failure when it comes to creating jobs."'),
])
def test_naming_verbs_hold_quotations(nlp, text, speaker, content):
    assert (speaker, content, "mixed") in [(s, c, k) for s, c, k, _ in _quotes(nlp, text)]



def test_the_title_with_its_modifier_finds_the_person_named_with_it(nlp):
    text = ("Deputy Secretary of State Wendy Sherman met with German State Secretary Miguel Berger today. "
            "The Deputy Secretary underscored the importance of European energy security.")
    assert _quotes(nlp, text)[0][0] == "Wendy Sherman"


@pytest.mark.parametrize("text, speaker", [
    ("Secretary of State Antony Blinken met today in Jerusalem with Defense Minister Benny Gantz. They "
     "expressed their support for the ceasefire.", "Antony Blinken"),
    ("Special Envoy John Kerry and President Vladimir Putin underscored the importance of working together. "
     "They also affirmed the importance of a successful climate summit in Glasgow.", "John Kerry"),
    ("Democrats met on Monday. They said the bill would fail.", "democrats"),
])
def test_they_after_two_persons_reports_for_the_first(nlp, text, speaker):
    assert (_quotes(nlp, text)[-1][0] or "").lower() == speaker.lower()


def test_pronoun_finds_its_person_through_the_title_subject(nlp):
    text = ("Secretary of State Jane Roe spoke with Foreign Minister Ivan Petrov by phone. Petrov said the "
            "troops would stay. The Secretary made clear that a diplomatic path remained open. She "
            "reiterated that any attack would meet a united response.")
    assert _quotes(nlp, text)[-1][0] == "Jane Roe"


def test_gender_comes_from_titles_not_from_the_name(nlp):
    assert _quotes(nlp, 'Gayle King interviewed the senator. "It was a good talk," she said.')[0][0] == "Gayle King"


def test_pronoun_agrees_with_a_gendered_title(nlp):
    # Without agreement "He" goes to Ms. Cordova, the latest subject.
    text = ('Mr. Weiner spoke to reporters on Monday. Ms. Cordova, a student, had received the photo. '
            'He said he regretted the whole episode.')
    assert _quotes(nlp, text)[0][0] == "Weiner"
    text = text.replace("He said he", "She said she")
    assert _quotes(nlp, text)[0][0] == "Cordova"


def test_a_subject_named_in_apposition_speaks_and_keeps_its_owner(nlp):
    text = ('The aide, Elizabeth Lauten, wrote a letter, saying they should "try showing a little class."\n\n'
            '"Like Governor Romney, he refused to say what he would cut," the Obama campaign\'s press '
            'secretary, Ben LaBolt, said.')
    record = argmine.analyze(text, nlp=nlp)
    names = {a.id: a for a in record.actors}
    speakers = [names[q.speaker].name for q in record.quotes if q.speaker]
    assert "Elizabeth Lauten" in speakers and "Ben LaBolt" in speakers
    labolt = next(a for a in record.actors if a.name == "Ben LaBolt")
    assert labolt.affiliation is not None and "Obama" in names[labolt.affiliation].name
    # A lawyer acts for another; a rival is no office: Romney does not belong to Obama.
    record = argmine.analyze("Obama's lawyer, Bob Bauer, defended the plan.", nlp=nlp)
    assert next(a for a in record.actors if a.name == "Bob Bauer").affiliation is not None
    record = argmine.analyze("Obama's rival, Mitt Romney, attacked the plan.", nlp=nlp)
    assert next(a for a in record.actors if a.name == "Mitt Romney").affiliation is None


def test_a_block_set_off_by_a_lead_in_is_a_quotation(nlp):
    body = "The bill fails working families. It will not pass the Senate this year, and we will fight it."
    text = ("As Senator John Smith told reporters on Monday, Governor Mary Jones wrote to the committee:\r\n \r\n"
            + body + "\n \nEditor's note:\n\nAn earlier version misstated the date of the hearing on the bill."
            "\n\nRead the full statement:\n\n- a new tax on large estates and on the largest companies")
    found = _quotes(nlp, text)
    # The verb nearest the colon; a paragraph break with spaces and carriage returns ends the body.
    assert ("Mary Jones", body, "direct", "wrote") in found
    # The text's own note and a list are not quotations.
    assert not any(c.startswith(("An earlier version", "a new tax")) for _, c, _, _ in found)


def test_a_block_after_a_document_noun_goes_to_the_last_speaker(nlp):
    text = ('Elizabeth Lauten wrote that the two should "try showing a little class."\n\n'
            "Read the full letter:\n\n"
            "Dear Sasha and Malia, try showing a little class and rise to the occasion.")
    found = _quotes(nlp, text)
    assert ("Elizabeth Lauten", "Dear Sasha and Malia, try showing a little class and rise to the occasion.",
            "direct", "letter") in found


def test_a_person_whose_title_agrees_wins_over_a_nearer_unknown_one(nlp):
    # No subject within reach of "she": the nearest person (Jordan Miller, no title) loses to
    # Ms. Lopez, whose title agrees with the pronoun.
    filler = ("The meeting ran long, covered the budget, the schools, the roads, the parks, the "
              "libraries, the water system, the harbor, the airport and the new stadium downtown, "
              "and ended late in the evening after a lengthy and heated debate about taxes. ")
    text = ("Enter Ms. Lopez, the longtime chairwoman of the city council. " + filler
            + "The minutes were taken by Jordan Miller. \"We will fix the roads first,\" she said.")
    assert _quotes(nlp, text)[0][0] == "Lopez"


def test_no_cue_from_another_paragraph(nlp):
    # The parser runs the second quotation (no full stop) into the next paragraph, whose
    # "the organization confirmed" is not its cue.
    text = ('The Secure Streets Coalition rallied on Monday. "We will win this fight in the courts and in '
            'the streets," said Senator Maria Lopez.\n\n"And we will not stop until the law is gone"\n\n'
            "The ads cost $1 million, the organization confirmed.")
    found = _quotes(nlp, text)
    assert [s for s, *_ in found][:2] == ["Maria Lopez", "Maria Lopez"]
    assert found[1][3] is None  # carried on, with no cue of its own ("confirmed" is the next paragraph's)
    # The lead-in of a quotation after a blank line is its paragraph's cue.
    text = 'Senator Maria Lopez spoke on Monday. She said:\n\n"We will fight this bill in every court."'
    assert _quotes(nlp, text) == [("Maria Lopez", "We will fight this bill in every court.", "direct", "said")]


def test_the_writer_of_a_long_apposition_the_parser_misattached(nlp):
    # en_core_web_sm hangs "the aide" on "was" inside the relative clause, so "wrote" has no
    # subject of its own; the sentence's first subject outside the quotation is the writer.
    text = ("On Friday, the aide, Elizabeth Lauten, 31, who has more than 14,000 followers on Twitter and "
            "at the time was a spokeswoman for a little-known congressman from Tennessee, wrote an open "
            "letter on her Facebook page, saying they should \u201ctry showing a little class.\u201d")
    assert _quotes(nlp, text)[0][0] == "Elizabeth Lauten"
    # Never the subject of a subordinate clause before it (here the parser gives the aide no
    # subject role at all, so nobody is better than the senator).
    text = text.replace("On Friday, the aide", "After Senator John Smith criticized the daughters, the aide")
    assert [s for s, c, *_ in _quotes(nlp, text) if c.startswith("try")] == [None]


def test_a_statement_after_a_line_without_a_full_stop_has_its_own_speaker(nlp):
    # Without a full stop the parser ran the list of names into the next paragraph, and
    # "Romney released a statement saying" found a senator of the list as its speaker.
    text = ('"The right decision is to step aside," they said. The statement came from Sen. Roy Blunt, '
            "and former Sens. John Ashcroft, Kit Bond and Jim Talent\n\n"
            'Mitt Romney released a statement late Tuesday saying: "Todd Akin\'s comments were offensive and '
            'wrong and he should exit the Senate race."')
    found = _quotes(nlp, text)
    assert ("Mitt Romney", "Todd Akin's comments were offensive and wrong and he should exit the Senate race.",
            "direct", "saying") in found


def test_a_reply_goes_to_the_person_asked_not_to_the_asker(nlp):
    text = ('"Today" show host Meredith Vieira asked Donald Trump, "Have you seen the records?" His response: '
            '"Well, I have people that have been studying it."\n\n'
            "Vieira then asked Trump if he had people in Hawaii. He signaled he did, saying, "
            '"And they cannot believe what they\'re finding."')
    said = {content: speaker for speaker, content, *_ in _quotes(nlp, text)}
    assert said["Have you seen the records?"] == "Meredith Vieira"
    assert said["Well, I have people that have been studying it."] == "Donald Trump"
    assert said["And they cannot believe what they're finding."] == "Donald Trump"
    # A person named since the question, a new paragraph, or a later pronoun keeps the
    # ordinary reading.
    question = 'Meredith Vieira asked Donald Trump, "Have you seen the records?"'
    for text, speaker in [
            (question + ' Senator John McCain spoke next. He said, "This is a distraction from the budget."',
             "John McCain"),
            (question + '\n\nHe said, "This is a distraction from the budget and the jobs report."', None),
            (question + ' His response: "Well, I have people that have been studying it." Then Vieira '
             'turned to the camera. She said, "We will be right back after this break."', "Meredith Vieira")]:
        said = _quotes(nlp, text)
        assert said[-1][0] != "Donald Trump" and (speaker is None or said[-1][0] == speaker)
    # Without a question, "his" is resolved as before: the person who spoke last.
    text = ('"We will see," Senator John Smith said on Monday. His response: "Nothing has changed since '
            'the vote last week."')
    assert [s for s, *_ in _quotes(nlp, text)] == ["John Smith", "John Smith"]


def test_a_relative_pronoun_speaks_for_the_noun_its_clause_modifies(nlp):
    text = ('Indeed, we can recall the words of Thomas Jefferson, who said: "I hope that our wisdom will '
            'grow with our power and teach us restraint."')
    assert _quotes(nlp, text)[0][0] == "Thomas Jefferson"
