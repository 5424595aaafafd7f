"""The query types every search benchmark times: what a user of the search page asks.

Each query is the search page's parameters; `url` turns one into the page
address, and bench/naive.py answers the same parameters the naive way.
"""

from __future__ import annotations

from urllib.parse import urlencode

WORDS = ["opioids", "lumbar", "therapy", "injection", "tramadol", "shoulder", "surgery", "acupuncture",
         "documentation", "functional", "cervical", "knee", "brace", "urine", "chronic", "spine"]
PAIRS = ["physical therapy", "lumbar spine", "functional improvement", "urine drug", "knee brace",
         "epidural injection", "opioid pain", "cervical mri"]
PHRASES = ['"functional improvement"', '"physical therapy"', '"medically necessary"', '"lumbar spine"',
           '"urine drug screen"', '"home exercise program"']
GUIDELINE_PAGES = [98, 99, 76, 80, 113, 22, 9, 68]
GUIDELINE = "mtus-chronic-pain"

Query = dict[str, str]


def query_types() -> dict[str, list[Query]]:
    """Query type -> the queries timed for it, in turn."""
    return {
        "one word": [{"q": w} for w in WORDS],
        "two words": [{"q": p} for p in PAIRS],
        "phrase": [{"q": p} for p in PHRASES],
        "word + outcome + category": [{"q": w, "outcome": "overturned", "category": "Pharmaceuticals"}
                                      for w in WORDS],
        "browse all": [{}, {"sort": "oldest"}, {"p": "3"}, {"outcome": "upheld"}],
        "guideline page": [{"guideline": GUIDELINE, "page": str(p)} for p in GUIDELINE_PAGES],
    }


def page_url(query: Query) -> str:
    """The page that answers a query (a guideline page has its own address)."""
    if "page" in query:
        return f"/guidelines/{query['guideline']}/page/{query['page']}/"
    return "/search/" + (f"?{urlencode(query)}" if query else "")
