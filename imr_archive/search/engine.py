"""What an engine does for the search layer: the interface both Whoosh and Tantivy implement.

`TextIndex` is the index's side (kept in step with the database by the sync
and by `rebuild_index`); `answer` and `matching_ids` are the search side. An
engine counts the facets it is asked to (facets.py decides which), ranks or
sorts the matches and pages them; the search layer adds snippets and notes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Protocol

from imr_archive.search.breakdowns import Breakdown, OutcomeCounts
from imr_archive.search.documents import IssueDocument
from imr_archive.search.facets import CountingPass, FacetCounts
from imr_archive.search.query import SearchQuery
from imr_archive.search.query_syntax import Node
from imr_archive.search.similar import Probe


@dataclass
class Answer:
    total: int  # every match, exactly
    page: list[tuple[int, float | None]]  # (issue id, relevance score or None) of the page asked for, in order
    counts: FacetCounts  # what the counting passes asked for


class SearchEngine(Protocol):
    """Answers searches: `words` is the tree of the query's words (None: no words)."""

    def answer(self, query: SearchQuery, words: Node | None, passes: list[CountingPass]) -> Answer: ...

    def matching_ids(self, query: SearchQuery, words: Node | None, limit: int) -> list[int]:
        """The ids of the first `limit` matches in the order of the search's pages."""
        ...


class TextIndex(SearchEngine, Protocol):
    """A full-text index on this machine, derived from the database."""

    answers_browse: bool  # True: it also answers searches without words (else the database does)

    def replace_letters(self, letter_ids: Iterable[int], documents: Iterable[IssueDocument]) -> None:
        """Drop every document of these letters, add `documents`; one commit."""
        ...

    def bulk(self) -> AbstractContextManager[Callable[[list[int]], None]]:
        """One writer and one commit for a whole run: yields a function replacing letters' documents.

        A run gives each letter at most once (what it added is not yet seen by its own deletions).
        """
        ...

    def clear(self) -> None:
        """Empty the index, leaving files of others in its folder alone."""
        ...

    def indexed_stamps(self) -> dict[int, tuple[int, str]]:
        """issue id -> (letter id, stamp) of every document in the index."""
        ...

    def problems(self) -> list[str]:
        """What is wrong with the index itself, a line each."""
        ...

    def outcome_counts(self, query: SearchQuery, words: Node | None,
                       breakdowns: Sequence[Breakdown]) -> list[OutcomeCounts]:
        """Every match by outcome, and for each breakdown its values by outcome, from aggregations over one
        run of the search (searches without words included: an index counts them faster than the database)."""
        ...

    def similar(self, probe: Probe, limit: int) -> list[int]:
        """The ids of the `limit` items most similar to the probe's, best first (search/similar.py's rule)."""
        ...

    def words_beginning(self, prefix: str) -> dict[str, int]:
        """The indexed words (stems) of the default fields beginning with `prefix`, each with the items holding
        it (in its field holding it most): the index's own vocabulary, for spelling suggestions."""
        ...
