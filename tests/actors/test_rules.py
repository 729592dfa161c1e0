"""Actor rules on short sentences, one rule per case."""

import pytest

from argmine.actors import MentionRecord, actor_at, find_actors, to_schema
from argmine.actors.gazetteer import country_of, country_of_demonym, is_place_not_state
from argmine.actors.names import link_names
from argmine.actors.records import ActorRecord


@pytest.fixture(scope="module")
def nlp():
    from argmine.nlp import load_spacy

    return load_spacy()


def _actors(nlp, text, author=None):
    return find_actors(nlp(text), author=author)


def _summary(actors):
    ids = {a.id: a.name for a in actors}
    return {a.name: (a.kind, ids.get(a.affiliation), [m.text for m in a.mentions])
            for a in actors if a.role is None}


# (sentence, actor name, kind, affiliation, mention texts that must be among its mentions)
CASES = [
    ("Tehran rejected the proposal.", "Iran", "country", None, ["Tehran"]),
    ("The Kremlin denied the report.", "Russia", "country", None, ["Kremlin"]),
    ("Moscow's foreign ministry protested.", "Russia", "country", None, ["Moscow's foreign ministry"]),
    ("Iranian officials said no.", "Iranian officials", "group", "Iran", ["Iranian officials"]),
    ("German Chancellor Angela Merkel said the talks would continue.", "Angela Merkel", "person",
     "Germany", ["Angela Merkel"]),
    ("Angela Merkel, the German chancellor, said no.", "Angela Merkel", "person", "Germany",
     ["Angela Merkel"]),
    ("Prime Minister Shinzo Abe met President Donald Trump. Abe said Trump agreed.", "Shinzo Abe",
     "person", None, ["Shinzo Abe", "Abe"]),
    ("Abe spoke first. Later, Prime Minister Shinzo Abe left.", "Shinzo Abe", "person", None,
     ["Abe", "Shinzo Abe"]),
    ("Beijing and Seoul welcomed the talks, while Washington hesitated.", "United States", "country",
     None, ["Washington"]),
    ("Beijing and Seoul welcomed the talks, while Washington hesitated.", "South Korea", "country",
     None, ["Seoul"]),
    ("The DPRK refused. The Democratic People's Republic of Korea later agreed.", "North Korea",
     "country", None, ["DPRK", "Democratic People's Republic of Korea"]),
    ("The Republic of Korea (ROK) objected. The ROK later agreed.", "South Korea", "country", None,
     ["Republic of Korea", "ROK"]),
    ("The U.S. and America and the United States of America are one.", "United States", "country",
     None, ["U.S.", "America", "United States of America"]),
    ("Chinese President Xi Jinping visited Pyongyang.", "Xi Jinping", "person", "China",
     ["Xi Jinping"]),
    ("The Trump administration imposed sanctions.", "Trump administration", "organization", "Trump",
     ["Trump administration"]),
    ("The Bush and Obama administrations refused talks.", "Bush and Obama administrations",
     "organization", None, ["Bush and Obama administrations"]),
    ("Previous U.S. administrations refused talks.", "previous U.S. administrations", "organization",
     "United States", ["Previous U.S. administrations"]),
    ("Some administration officials disagreed.", "some administration officials", "group", None,
     ["Some administration officials"]),
    ("Japan's security establishment is worried.", "Japan's security establishment", "group",
     "Japan", ["Japan's security establishment"]),
    ("Hawks in the United States oppose the deal.", "hawks in the United States", "group",
     "United States", ["Hawks in the United States"]),
    ("The North Korean government rejected the offer.", "North Korea", "country", None,
     ["North Korean government"]),
    ("Critics say the plan is flawed.", "critics", "group", None, ["Critics"]),
    ("Many countries supported the decision.", "many countries", "group", None, ["Many countries"]),
    ("Like-minded countries objected.", "like-minded countries", "group", None, ["Like-minded countries"]),
    # A party is a group wherever it is named, not only as a subject.
    ("The budget passed thanks to the work of Democrats.", "Democrats", "group", None, ["Democrats"]),
    ("So-called moderate countries objected.", "so-called moderate countries", "group", None,
     ["So-called moderate countries"]),
    ("Major Japanese energy companies have left Iran.", "major Japanese energy companies", "group", "Japan",
     ["Major Japanese energy companies"]),
    ("The Iranian people want peace.", "Iranian people", "group", "Iran", ["Iranian people"]),
    ("The International Atomic Energy Agency (IAEA) inspected the site. The IAEA reported progress.",
     "International Atomic Energy Agency", "organization", None,
     ["International Atomic Energy Agency", "IAEA"]),
    # A name of its own with a country word inside is an organization, not that country.
    ("Jeri Thompson, advisory board member for Secure America Now, spoke.", "Jeri Thompson", "person",
     "Secure America Now", ["Jeri Thompson"]),
    ("The U.S. Congress passed the bill.", "United States", "country", None, ["U.S."]),
    # State organs are their country (GUIDELINES 5.1) when the name or its possessor says which.
    ("China's Commerce Ministry opposed the tariffs.", "China", "country", None, ["China", "Commerce Ministry"]),
    ("The Chinese Foreign Ministry condemned the move.", "China", "country", None, ["Chinese Foreign Ministry"]),
    ("The Russian Ministry of Defense denied it.", "Russia", "country", None, ["Russian Ministry of Defense"]),
    ("The U.S. Treasury Department imposed sanctions.", "United States", "country", None,
     ["U.S. Treasury Department"]),
    ("The Treasury Department imposed sanctions.", "United States", "country", None, ["Treasury Department"]),
    ("The Israeli Defense Forces struck the town.", "Israel", "country", None, ["Israeli Defense Forces"]),
    # ... but a militia named after a country is not its armed forces, and a ministry of no
    # named country stays an organization.
    ("The Syrian Democratic Forces captured the town.", "Syrian Democratic Forces", "organization", None,
     ["Syrian Democratic Forces"]),
    ("The Health Ministry said the clinic closed.", "Health Ministry", "organization", None, ["Health Ministry"]),
    # A possessor names the organ's country before the table of U.S. institutions does.
    ("Canada's Department of Justice defended the sanctions.", "Canada", "country", None,
     ["Department of Justice"]),
    # An organ word that does not head the name makes no state organ.
    ("Iran's Tasnim News Agency called it a crime.", "Tasnim News Agency", "organization", None,
     ["Tasnim News Agency"]),
    ("The Japanese Department Store Association objected.", "Japanese Department Store Association",
     "organization", None, ["Japanese Department Store Association"]),
]


@pytest.mark.parametrize("text,name,kind,affiliation,mentions", CASES,
                         ids=[f"{c[1]}: {c[0][:40]}" for c in CASES])
def test_rule(nlp, text, name, kind, affiliation, mentions):
    found = _summary(_actors(nlp, text))
    assert name in found, f"no actor {name!r} in {found}"
    got_kind, got_affiliation, got_mentions = found[name]
    assert (got_kind, got_affiliation) == (kind, affiliation)
    assert set(mentions) <= set(got_mentions), got_mentions


NOT_ACTORS = [
    ("Chicago welcomed the decision.", "Chicago"),  # a city that is not a national capital
    ("The mayor spoke in Osaka on Monday.", "Osaka"),
    ("Washington state passed a law.", "Washington"),  # the state, not the capital
    ("The summit was held in Singapore.", "Singapore"),  # only a location
    ("The leaders met in Hanoi before the Hanoi summit.", "Hanoi"),
    ("Leaders met at the Demilitarized Zone (DMZ). The DMZ is tense.", "DMZ"),
    ("Trump called Kim \u201cLittle Rocket Man\u201d in a speech.", "Little Rocket Man"),
    ("Ships sailed across the Korean Peninsula to Northeast Asia.", "Northeast Asia"),
]


@pytest.mark.parametrize("text,word", NOT_ACTORS, ids=[n[1] for n in NOT_ACTORS])
def test_not_an_actor(nlp, text, word):
    found = _summary(_actors(nlp, text))
    for name, (_, _, mentions) in found.items():
        assert word not in name and not any(word in m for m in mentions), found


def test_author_actor(nlp):
    actors = _actors(nlp, "I believe the deal is good, and my view is firm. He said \u201cI agree.\u201d",
                     author="Jane Roe")
    author = [a for a in actors if a.role == "author"]
    assert len(author) == 1 and author[0].name == "Jane Roe" and author[0].kind == "person"
    assert [m.text for m in author[0].mentions] == ["I", "my"]


def test_unnamed_author_is_last_without_mentions(nlp):
    actors = _actors(nlp, "Tehran rejected the proposal.")
    assert actors[-1].role == "author" and actors[-1].name == "author"
    assert actors[-1].mentions == () and actors[-1].id == f"a{len(actors)}"


def test_ids_in_order_of_first_mention_and_schema(nlp):
    actors = _actors(nlp, "Seoul objected. Tokyo agreed. Seoul relented.")
    assert [(a.id, a.name) for a in actors if a.role is None] == [("a1", "South Korea"), ("a2", "Japan")]
    schema = to_schema(actors)
    assert schema[0].mentions[0].start == 0 and schema[0].id == "a1"


def test_mention_token_span_tells_the_subject(nlp):
    doc = nlp("Japan's security establishment appears less than thrilled.")
    actors = find_actors(doc)
    group = next(a for a in actors if a.kind == "group")
    assert group.mentions[0].span(doc).root.dep_ == "nsubj"


def _record(aid, *spans):
    return ActorRecord(id=aid, name=aid, kind="country",
                       mentions=tuple(MentionRecord(s, e, 0, 1, "") for s, e in spans))


def test_actor_at_prefers_exact_then_longest_inside_then_smallest_around():
    actors = [_record("a1", (0, 5)), _record("a2", (0, 30)), _record("a3", (40, 51))]
    assert actor_at(actors, 0, 5) == "a1"
    assert actor_at(actors, 0, 35) == "a2"   # the NP holds both; the group is longer
    assert actor_at(actors, 42, 45) == "a3"  # "Kim" inside "Kim Jong-un"
    assert actor_at(actors, 60, 70) is None


@pytest.mark.parametrize("names,expected", [
    ([("Trump", 0), ("Donald Trump", 10)], {"Trump": "Donald Trump", "Donald Trump": "Donald Trump"}),
    ([("Kim Jong-un", 0), ("Kim", 20)], {"Kim": "Kim Jong-un"}),
    ([("Kim Jong Un", 0), ("Kim Jong-un", 9)], {"Kim Jong-un": "Kim Jong Un"}),
    ([("Kim Jong-un", 0), ("Kim Yo-jong", 10), ("Kim", 20)], {"Kim": "Kim Yo-jong"}),
    ([("Moon", 0), ("Xi", 5)], {"Moon": "Moon", "Xi": "Xi"}),
    # A surname a letter away is another person ("Waller" after "Scott Walker").
    ([("Scott Walker", 0), ("Waller", 50)], {"Waller": "Waller"}),
])
def test_link_names(names, expected):
    linked = link_names(names)
    for short, full in expected.items():
        assert linked[short] == full


@pytest.mark.parametrize("text,country", [
    ("Beijing", "China"), ("Seoul", "South Korea"), ("Tokyo", "Japan"), ("Moscow", "Russia"),
    ("Tehran", "Iran"), ("Pyongyang", "North Korea"), ("Washington", "United States"),
    ("the ROK", "South Korea"), ("Republic of Korea", "South Korea"), ("DPRK", "North Korea"),
    ("the DPRK", "North Korea"), ("Democratic People's Republic of Korea", "North Korea"),
    ("U.S.", "United States"), ("US", "United States"), ("America", "United States"),
    ("the United States of America", "United States"), ("North Korea’s", "North Korea"),
    ("Chicago", None), ("Busan", None), ("Northeast Asia", None),
])
def test_country_of(text, country):
    assert country_of(text) == country


def test_washington_state_is_not_the_capital():
    assert country_of("Washington", following=" state passed") is None


@pytest.mark.parametrize("text,country", [
    ("Chinese", "China"), ("Japanese", "Japan"), ("South Korean", "South Korea"),
    ("American", "United States"), ("Iranian", "Iran"), ("Korean", None),
])
def test_demonyms(text, country):
    assert country_of_demonym(text) == country


@pytest.mark.parametrize("text,expected", [("Chicago", True), ("Busan", True), ("Hanoi", False),
                                           ("Japan", False), ("Texas", True)])
def test_is_place_not_state(text, expected):
    assert is_place_not_state(text) is expected


@pytest.mark.parametrize("text, name, acts", [
    ("California sued the federal government on Monday.", "California", True),
    ("Nebraska and Oklahoma asked the Supreme Court to hear the case.", "Oklahoma", True),
    ("Nebraska Attorney General Jon Bruning filed the suit.", "Nebraska", True),
    ("He lives in Ohio with his family.", "Ohio", False),
])
def test_us_state_is_an_actor_where_it_acts(nlp, text, name, acts):
    names = {a.name: a for a in _actors(nlp, text)}
    assert (name in names) is acts
    if acts:
        assert names[name].kind == "organization"


def test_untagged_name_after_a_title_is_a_person(nlp):
    doc = nlp("Director Wray said the bureau was ready.")
    assert not doc.ents  # the NER misses this name
    assert [(a.name, a.kind) for a in find_actors(doc) if a.role is None] == [("Wray", "person")]


def test_no_owner_across_a_coordination(nlp):
    doc = nlp("Minister Lapid and Secretary Blinken acknowledged the strong partnership between the two countries.")
    actors = {a.name: a for a in find_actors(doc)}
    assert actors["Blinken"].affiliation is None


def test_a_name_cut_in_two_is_not_its_own_owner(nlp):
    from argmine.actors.affiliations import add_affiliations
    from argmine.actors.tables import load_tables

    doc = nlp("Secretary Antony Jay Blinken said the talks would go on.")
    assert doc[1].head.i == 3 or doc[1].head.head.i == 3  # "Antony" hangs on the name
    first = ActorRecord("a1", "Antony", "person", (MentionRecord(10, 16, 1, 2, "Antony"),))
    rest = ActorRecord("a2", "Jay Blinken", "person", (MentionRecord(17, 28, 2, 4, "Jay Blinken"),))
    out = add_affiliations(doc, [first, rest], titles=load_tables().titles)
    assert [a.affiliation for a in out] == [None, None]


def test_capitals_of_a_headline_make_no_groups(nlp):
    doc = nlp("Senate Passes Bill Backed By Unions And Opposed By Companies")
    assert not [a.name for a in find_actors(doc) if a.kind == "group"]


def test_economic_actors_head_groups(nlp):
    actors = _summary(_actors(nlp, "Most European jet fuel providers have cut off supplies to Iran Air."))
    assert actors["most European jet fuel providers"][0] == "group"


def test_a_nickname_inside_a_name_leaves_given_name_and_surname(nlp):
    actors = _summary(_actors(nlp, 'The governor picked former chief of staff William "Mo" Cowan, who '
                                   'served as his counsel. Cowan joined the administration in 2009.'))
    assert "William Cowan" in actors
    assert actors["William Cowan"][2][-1] == "Cowan"
    assert not any(kind == "organization" for kind, *_ in actors.values())


@pytest.mark.parametrize("text, member, group", [
    ("A report detailed a program that scours major Internet companies including Google and Yahoo for data.",
     "Google", "major Internet companies"),
    ("Several European countries, such as France and Germany, said they would join.",
     "Germany", "several European countries"),
    ("Civil liberties groups like the ACLU cried foul.", "ACLU", "civil liberties groups"),
    ("The companies that take part in the program are Microsoft, Yahoo and Apple.", "Yahoo", "companies"),
])
def test_a_member_listed_in_a_group_belongs_to_it(nlp, text, member, group):
    assert _summary(_actors(nlp, text))[member][1] == group


@pytest.mark.parametrize("text, member", [
    # A person named as an example is not made a member: "Obama said" is not the group's view.
    ("European leaders, including President Obama, urged calm in Ukraine.", "Obama"),
    ("Several countries, like France, said they would join.", "France"),
    ("Several countries, much like Russia before them, ignored the ruling.", "Russia"),
    ("The critics of the deal are not Iran and Russia, the diplomat insisted.", "Iran"),
    ("The main investors are no longer China and Japan.", "China"),
])
def test_no_membership_for_a_comparison_or_a_person(nlp, text, member):
    assert _summary(_actors(nlp, text))[member][1] is None


@pytest.mark.parametrize("text, name", [
    ('Sen. John "Jack" Reed Monday said the bill would pass.', "John Reed"),
    ('Trump slams John "Crybaby" McCain Tuesday.', "John McCain"),
    ('Senator Edward "Ted" Kennedy said the bill would pass.', "Edward Kennedy"),
])
def test_a_nickname_never_takes_a_date_as_surname(nlp, text, name):
    assert name in _summary(_actors(nlp, text))


@pytest.mark.parametrize("text, wrong", [
    ('Clinton "Disappointed" Trump Won, Aides Say', "Clinton Trump"),
    ('Putin "Ready" Kiev Talks Can Resume', "Putin Kiev"),
    ('Debate Recap: Obama "Surprised" Romney', "Obama Romney"),
    ('Mayor Bill "Big Bill" De Blasio said the city was safe.', "Bill De"),
])
def test_a_headline_scare_quote_joins_no_names(nlp, text, wrong):
    assert wrong not in _summary(_actors(nlp, text))
