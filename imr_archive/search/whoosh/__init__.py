"""The embedded full-text backend: a Whoosh index on disk, one document per Issue.

Every Whoosh call of the project lives in this package (whoosh-reloaded is no
longer developed; keeping it here keeps a swap cheap). Prose is indexed with
a stemming analyzer but not stored: snippets are highlighted from the text the
database holds. Facet fields are columns, so counting them does not read
stored documents. Searches without words never come here: the database
answers those (see service.py).
"""

from imr_archive.search.whoosh.backend import WhooshBackend

__all__ = ["WhooshBackend"]
