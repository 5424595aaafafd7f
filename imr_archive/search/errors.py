"""What the search layer raises that a command or page reports to its user in one line."""


class IndexBusy(Exception):
    """Another process held the full-text index's write lock for longer than IMR_INDEX_LOCK_TIMEOUT."""


class IndexOutOfStep(Exception):
    """The index says it holds changes the database never made: it was built from another database."""
