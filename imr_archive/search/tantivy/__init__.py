"""The production full-text engine: a Tantivy index folder on each app server, one document per Issue.

Every Tantivy call of the project lives in this package; the schema is in
schema.py alone. Tantivy answers every search page (with words, without
words, guideline pages) from its columnar fast fields: facet counts are
aggregations, dates and ties sort by fast fields. Snippets come from the
database's text (search/snippets.py), as with Whoosh.
"""

from imr_archive.search.tantivy.backend import TantivyBackend

__all__ = ["TantivyBackend"]
