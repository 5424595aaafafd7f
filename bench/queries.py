"""The query types every search benchmark times: what a user of the search page asks.

Each query is the search page's parameters; `page_url` turns one into the
page address, bench/naive.py answers the same parameters the naive way and
bench/raw_tantivy.py the bare engine's way. Each type has enough different
queries that its first-time figures (each query asked once at an index
state) have a p95 worth quoting.
"""

from __future__ import annotations

from urllib.parse import urlencode

WORDS = ["opioids", "lumbar", "therapy", "injection", "tramadol", "shoulder", "surgery", "acupuncture",
         "documentation", "functional", "cervical", "knee", "brace", "urine", "chronic", "spine",
         "medication", "physical", "epidural", "mri", "pain", "topical", "gabapentin", "chiropractic",
         "radiculopathy", "tens", "massage", "orthotics", "psychological", "sleep", "norco", "cyclobenzaprine",
         "omeprazole", "hydrocodone", "naproxen", "injections", "arthroscopy", "wrist", "hip", "ankle"]
PAIRS = ["physical therapy", "lumbar spine", "functional improvement", "urine drug", "knee brace",
         "epidural injection", "opioid pain", "cervical mri", "chronic pain", "home exercise",
         "muscle relaxant", "topical cream", "shoulder surgery", "sleep aid", "acupuncture sessions",
         "knee arthroscopy", "medication history", "trigger point", "drug screen", "pain management"]
PHRASES = ['"functional improvement"', '"physical therapy"', '"medically necessary"', '"lumbar spine"',
           '"urine drug screen"', '"home exercise program"', '"chronic pain"', '"not medically necessary"',
           '"the patient"', '"trigger point injections"', '"functional restoration program"',
           '"muscle relaxants"', '"lumbar epidural steroid injection"', '"proton pump inhibitor"']
GUIDELINE_PAGES = [98, 99, 76, 80, 113, 22, 9, 68, 58, 46, 43, 24, 16, 100, 70, 67, 63, 56, 23, 114]
GUIDELINE = "mtus-chronic-pain"
BROWSE = [{}, {"sort": "oldest"}, {"p": "3"}, {"outcome": "upheld"}, {"outcome": "overturned"},
          {"category": "Pharmaceuticals"}, {"year": "2015"}, {"specialty": "Orthopedic Surgery"},
          {"p": "50"}, {"outcome": "partial", "sort": "oldest"}, {"category": "Physical Therapy", "year": "2014"},
          {"guideline": "odg"}]

Query = dict[str, str]


def query_types() -> dict[str, list[Query]]:
    """Query type -> the queries timed for it, in turn."""
    return {
        "one word": [{"q": w} for w in WORDS],
        "two words": [{"q": p} for p in PAIRS],
        "phrase": [{"q": p} for p in PHRASES],
        "word + outcome + category": [{"q": w, "outcome": "overturned", "category": "Pharmaceuticals"}
                                      for w in WORDS],
        "browse all": BROWSE,
        "guideline page": [{"guideline": GUIDELINE, "page": str(p)} for p in GUIDELINE_PAGES],
    }


def page_url(query: Query) -> str:
    """The page that answers a query (a guideline page has its own address)."""
    if "page" in query:
        return f"/guidelines/{query['guideline']}/page/{query['page']}/"
    return "/search/" + (f"?{urlencode(query)}" if query else "")
