"""How a query is read into the tree every engine compiles, and the notes a user gets (no engine involved)."""

from __future__ import annotations

import pytest

from imr_archive.search.query_syntax import MAX_WORDS, All, Any, Exact, Not, Prefix, Words, read

W = Words


@pytest.mark.parametrize(("q", "tree"), [
    ("acupuncture lumbar", All((W(("acupuncture",)), W(("lumbar",))))),
    ('"functional restoration program"', W(("functional", "restoration", "program"))),
    ("acupunct*", Prefix("acupunct")),
    ("injections*", Prefix("inject")),  # compared with stems: what inject* finds
    ("knee -brace", All((W(("knee",)), Not(W(("brace",)))))),
    ("a OR b c", Any((W(("a",)), All((W(("b",)), W(("c",))))))),  # AND binds tighter than OR
    ("NOT (a OR b) c", All((Not(Any((W(("a",)), W(("b",))))), W(("c",))))),
    ("((((knee))))", W(("knee",))),
    ("(a (b (c d)))", All((W(("a",)), W(("b",)), W(("c",)), W(("d",))))),  # nested ANDs are one
    ("treatment:norco", W(("norco",), "treatment")),
    ('rationale:"not medically necessary"', W(("not", "medically", "necessary"), "text")),
    ("diagnosis:lumbago", W(("lumbago",), "summary")),
    ("records:MRI", W(("MRI",), "records")),
    ("guideline:odg*", Prefix("odg", "guideline_text")),
    ("category:acupuncture", Exact("category", "Acupuncture")),
    ("outcome:OVERTURNED", Exact("outcome", "overturned")),
    ("case:CM14-0001234", Exact("case_number", "cm14-0001234")),
    ("knee's", W(("knee's",))),  # one word typed: a phrase of its parts once analyzed
])
def test_a_query_is_read_as_written(q, tree):
    reading = read(q)
    assert (reading.node, reading.notes) == (tree, [])


@pytest.mark.parametrize(("q", "tree", "note"), [
    ("norco^3", W(("norco",)), "Boosts (^) are not part of the query language: norco^3 was searched as norco."),
    ("norco~2", W(("norco",)), "Fuzzy and proximity searches (~) are not part of the query language"),
    ("acu*ture", W(("acu", "ture")), "Wildcards (* and ?) work only at the end of a word"),
    ("ab*", W(("ab",)), "A prefix needs at least 3 letters: ab* was searched as the word ab."),
    ("knee || back", All((W(("knee",)), W(("back",)))), "|| is not an operator here: use OR."),
    ("color:red", All((W(("color",)), W(("red",)))), "color: is not a field"),
    ("category:astrology", Exact("category", "astrology"), 'No category is called "astrology"'),
    ('"chronic pain', All((W(("chronic",)), W(("pain",)))), "an unbalanced quote, so it was searched as plain words"),
    ("(chronic pain", All((W(("chronic",)), W(("pain",)))), "an unbalanced parenthesis"),
])
def test_what_the_language_does_not_support_is_a_note_never_another_meaning(q, tree, note):
    reading = read(q)
    assert reading.node == tree
    assert len(reading.notes) == 1 and note in reading.notes[0]


def test_deep_parentheses_make_plain_words_with_a_note():
    reading = read("(" * 500 + "pain" + ")" * 500)
    assert reading.node == W(("pain",))
    assert reading.notes == ["Your query has parentheses nested 500 deep (at most 32), so it was searched as "
                             "plain words: pain"]


def test_a_query_of_very_many_words_keeps_the_first_ones_with_a_note():
    reading = read(" ".join(f"w{n}" for n in range(MAX_WORDS + 50)))
    assert len(reading.node.nodes) == MAX_WORDS
    assert reading.notes == [f"Your query has more than {MAX_WORDS} words: only the first {MAX_WORDS} were searched."]


@pytest.mark.parametrize("q", ["AND", "( )", "*", "NOT"])
def test_a_query_without_words_has_no_tree(q):
    assert read(q).node is None
