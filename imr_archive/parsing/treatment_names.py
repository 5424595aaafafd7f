"""A treatment's normalized name: the heading without doses, counts, sides and sites.

"Norco 10/325mg #120" and "Norco 10/325mg #180" are both "norco", so the
archive can count and filter disputes by treatment whatever the quantity.
"""

import re

_PARENTHESES = re.compile(r"\([^)]*\)")
_TOKEN = re.compile(r"[^\s,;:]+|[,;:]")

# Words that only qualify the request, dropped at the start of a heading.
_LEADING_QUALIFIERS = frozenset({
    "retrospective", "prospective", "request", "requested", "for", "repeat", "additional",
    "right", "left", "bilateral", "and", "1", "one", "a", "an", "the",
})
# Words where the name ends and its details (site, dose, frequency) begin.
_STOP_WORDS = frozenset({
    "for", "of", "to", "at", "x", "times", "per", "with", "containing", "apply", "date",
    "dos", "qty", "quantity", "on", "in", ",", ";", ":",
})
_MAX_LENGTH = 120


def _is_detail(token: str) -> bool:
    return token in _STOP_WORDS or token.startswith("#") or any(ch.isdigit() for ch in token)


def normalize_treatment(treatment: str) -> str:
    """Lower-case name of the treatment, e.g. "Tramadol ER 150mg #30" -> "tramadol er"."""
    tokens = _TOKEN.findall(_PARENTHESES.sub(" ", treatment.lower()))
    start = 0
    while start < len(tokens) and (tokens[start] in _LEADING_QUALIFIERS or _is_detail(tokens[start])):
        start += 1
    name: list[str] = []
    for token in tokens[start:]:
        if _is_detail(token):
            break
        name.append(token)
    normalized = " ".join(name).strip(" .-/")
    if not normalized:
        normalized = re.sub(r"\s+", " ", treatment.lower()).strip()
    return normalized[:_MAX_LENGTH]


def written_name(normalized: str, treatment: str) -> str:
    """The normalized name as `treatment` writes it: ("mri", "MRI of the lumbar spine") -> "MRI".

    The name's words are found in order in the treatment, with only white
    space or a parenthesis between them (normalize_treatment drops those);
    the name itself is returned when the treatment does not hold it so.
    """
    words = normalized.split()
    if not words:
        return normalized
    between = r"(?:\s+|\s*\([^)]*\)\s*)"
    pattern = between.join(f"({re.escape(word)})" for word in words)
    match = re.search(rf"(?<!\w){pattern}(?!\w)", treatment, re.IGNORECASE)
    return " ".join(match.groups()) if match else normalized
