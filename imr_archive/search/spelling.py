"""Spelling suggestions from the index's own vocabulary: for a word no item holds, the indexed word it likely meant.

A word is looked up as the index holds it (analysis.py: lower case,
stemmed). For one no item holds, the indexed words sharing its first PREFIX
letters (a misspelling seldom starts wrong) are the candidates. The index
holds stems ("acupunctur", "physic"), which no one types: each candidate
near enough is written out in the endings whose stem it is ("acupuncture";
"physic", "physical", "physics"), and the form fewest edits from the typed
word wins (Damerau-Levenshtein: a swapped pair of letters is one edit), at
most one edit in four letters, the word more items hold breaking a tie:
"Acupunture" -> "acupuncture", "physcial" -> "physical".
"""

from __future__ import annotations

from collections.abc import Callable

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from imr_archive.search.analysis import analyze

PREFIX = 2
NEAR = 0.5  # stems this similar (1 - edits / length) are written out and compared
CANDIDATES = 20
LETTERS_PER_EDIT = 4
SHORTEST = 4  # letters: a shorter word is too near too many others to correct
ENDINGS = ("", "e", "s", "es", "ed", "ing", "ion", "ions", "al", "ally", "ical", "ic", "ly", "ment", "ive", "ity",
           "er", "ate", "ation", "ness")


def correction(word: str, words_beginning: Callable[[str], dict[str, int]]) -> str | None:
    """The word the index holds that `word` likely meant, as a person writes it; None when `word` is in the
    index (or nothing is close). `words_beginning(prefix)` gives the index's words with their item counts."""
    stems = analyze(word)
    if len(stems) != 1 or len(stems[0]) < SHORTEST:
        return None
    stem, typed = stems[0], word.lower()
    known = words_beginning(stem[:PREFIX])
    if known.get(stem):
        return None
    near = process.extract(stem, list(known), scorer=DamerauLevenshtein.normalized_similarity,
                           score_cutoff=NEAR, limit=CANDIDATES)
    # Fewest edits, then the word more items hold, then the longer form ("chiropractic", not "chiropract").
    scored = [(DamerauLevenshtein.distance(typed, form), -known[candidate], -len(form), form)
              for candidate, _, _ in near for form in written_forms(candidate)]
    best = min(scored, default=None)
    return best[-1] if best and best[0] <= max(1, len(typed) // LETTERS_PER_EDIT) else None


def written_forms(stem: str) -> list[str]:
    """The words with one of ENDINGS whose indexed form is `stem` (the stemmer writes a final y as i)."""
    bases = [stem, stem[:-1] + "y"] if stem.endswith("i") else [stem]
    words = [base + ending for base in bases for ending in ENDINGS]
    return [word for word in dict.fromkeys(words) if analyze(word) == [stem]]

