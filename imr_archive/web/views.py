"""The site's pages. Views are thin: validation is the FilterSet's, searching the search service's,
counting stats.py's, links links.py's; a view puts them together and picks the template."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Prefetch
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.safestring import mark_safe

from imr_archive.analytics.links import analytics_url
from imr_archive.analytics.similar import similar_items
from imr_archive.api.citations import item_citation, letter_citation
from imr_archive.api.links import data_links
from imr_archive.letters.models import Citation, Guideline, Issue, Letter
from imr_archive.parsing import vocabulary
from imr_archive.search import service
from imr_archive.search.query import FACETS
from imr_archive.web import stats, top_lists
from imr_archive.web.filters import MAX_GUIDELINE_PAGE, SearchFilterSet
from imr_archive.web.links import SearchLinks, page_count, without_empty_values
from imr_archive.web.marking import marked_text, passages
from imr_archive.web.results import result_rows
from imr_archive.web.suggestions import query_offer

ORIGINAL_TYPES = {".txt": "text/plain; charset=utf-8", ".pdf": "application/pdf"}


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "web/home.html", {
        **stats.archive_size(),
        "top_pages": top_lists.most_cited_pages(),
        "top_treatments": top_lists.most_disputed_treatments(),
    })


# -- search -----------------------------------------------------------------


def form_errors(form) -> list[str]:
    """The form's errors as sentences naming the parameter's label."""
    messages = []
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        messages.extend(f"{label}: {error}" if label else str(error) for error in errors)
    return messages


def search_page(request: HttpRequest, data: QueryDict, links: SearchLinks, **context) -> HttpResponse:
    """The search page for validated `data`: 400 with the errors when invalid, 404 past the last page."""
    filterset = SearchFilterSet(data)
    chips = links.chips()
    context.update(filterset=filterset, form=filterset.form, chips=chips, cleared_url=links.cleared(),
                   has_filters=any(not chip.words for chip in chips), **links.form_state())
    status = 200
    if not filterset.is_valid():
        status = 400
        context["errors"] = form_errors(filterset.form)
        return render(request, "web/search.html", context, status=status)
    query = replace(filterset.search_query(), fixed=tuple(facet for facet in FACETS if facet in links.fixed))
    results = service.search(query)
    pages = page_count(results.total, query.per_page)
    context.update(query=query, results=results, analytics_url=analytics_url(data), **data_links(data, results.total))
    if query.page_number > pages:
        status = 404
        context["errors"] = [f"Results page {query.page_number} does not exist: this search has {pages} "
                             f"page{'s' if pages > 1 else ''}."]
        context["last_page_url"] = links.page(pages)
    else:
        context.update(
            rows=result_rows(results.hits, query.q),
            facets=links.facets(results),
            sorts=links.sorts(query),
            pagination=links.pagination(query, results.total),
            offer=query_offer(links, query, results.total),
        )
    return render(request, "web/search.html", context, status=status)


def _short_link(request: HttpRequest) -> HttpResponse | None:
    """A redirect to the page's address without its empty parameters, or None when it has none."""
    kept = without_empty_values(request.GET)
    if len(kept) == len(request.GET) and all(kept.getlist(k) == request.GET.getlist(k) for k in kept):
        return None
    query = kept.urlencode()
    return redirect(f"{request.path}?{query}" if query else request.path)


def search(request: HttpRequest) -> HttpResponse:
    return _short_link(request) or search_page(request, request.GET, SearchLinks(request.path, request.GET))


def guideline_page(request: HttpRequest, slug: str, page: int) -> HttpResponse:
    """The search page with guideline=<slug>&page=<page> fixed by the path."""
    if shorter := _short_link(request):
        return shorter
    guideline = guideline_by_slug(slug)
    if not 1 <= page <= MAX_GUIDELINE_PAGE:
        raise Http404(f"Guideline pages are numbered from 1 to {MAX_GUIDELINE_PAGE}.")
    data = request.GET.copy()
    data.setlist("guideline", [slug])
    data["page"] = str(page)
    links = SearchLinks(request.path, request.GET, fixed=("guideline", "page"))
    return search_page(request, data, links, guideline=guideline, guideline_page_number=page)


# -- letters ----------------------------------------------------------------


def field_labels(model, names: list[str]) -> list[str]:
    """Verbose names of the fields an editor corrected (a name that is not a field is shown as stored)."""
    labels = []
    for name in names or []:
        try:
            labels.append(str(getattr(model._meta.get_field(name), "verbose_name", name)))
        except FieldDoesNotExist:
            labels.append(str(name))
    return labels


def _searched_words(request: HttpRequest) -> str:
    """The words of the search a hit's link came from (?q=), when the search form would take them."""
    form = SearchFilterSet({"q": request.GET.get("q", "")}).form
    return " ".join(form.cleaned_data.get("q", "").split()) if form.is_valid() else ""


def _letter_page(request: HttpRequest, letter: Letter) -> HttpResponse:
    permalink = request.build_absolute_uri(letter.get_absolute_url())
    issues = list(letter.issues.all())
    words = _searched_words(request)
    for issue in issues:
        issue.corrected_labels = field_labels(Issue, issue.corrected_fields)
        issue.citation = item_citation(issue, letter, permalink)
        # Arriving from a search: the rationales holding its words are open, the words marked.
        issue.marked_rationale = mark_safe(service.marked(issue.rationale, words)) if words else ""  # noqa: S308
    spans = [
        (c.id, c.span_start, c.span_end, f"{c.guideline.short_name}, item {issue.ordinal}")
        for issue in issues for c in issue.citations.all()
    ]
    marked = passages(letter.text, spans)
    anchors = {cid: p.anchor for p in marked for cid in p.citation_ids}
    similar = similar_items(letter, issues)
    for issue in issues:
        issue.similar = similar[issue.id]
        for citation in issue.citations.all():
            citation.anchor = anchors.get(citation.id, "")
    return render(request, "web/letter.html", {
        "letter": letter,
        "permalink": permalink,
        "citation": letter_citation(letter, permalink),
        "issues": issues,
        "corrected": field_labels(Letter, letter.corrected_fields),
        "text": marked_text(letter.text, marked),
        "passage_count": len(marked),
        "original_name": Path(letter.source_name).name if letter.original else "",
        "searched_words": words,
    })


def _letters():
    citations = Citation.objects.select_related("guideline")
    return Letter.objects.prefetch_related("issues", Prefetch("issues__citations", queryset=citations))


def letter(request: HttpRequest, pk: int) -> HttpResponse:
    """A letter by database id, which a rebuilt archive changes: a redirect to its permalink."""
    found = get_object_or_404(Letter.objects.only("id", "case_number", "permalink"), pk=pk)
    return redirect(found.get_absolute_url())


def letter_by_case(request: HttpRequest, case_number: str) -> HttpResponse:
    found = _letters().filter(case_number__iexact=case_number).first()
    if found is None:
        raise Http404(f"No letter has case number {case_number}.")
    if found.case_number != case_number:
        return redirect(found.get_absolute_url(), permanent=True)
    return _letter_page(request, found)


def letter_by_permalink(request: HttpRequest, permalink: str) -> HttpResponse:
    """A letter by its lasting key; one with a case number is shown at its case address."""
    found = _letters().filter(permalink=permalink.lower()).first()
    if found is None:
        raise Http404(f"No letter has the permalink {permalink}.")
    if found.get_absolute_url() != request.path:
        return redirect(found.get_absolute_url(), permanent=found.case_number is None)
    return _letter_page(request, found)


def original(request: HttpRequest, pk: int) -> FileResponse:
    """The original file as received, always as a download (never rendered by the browser)."""
    found = get_object_or_404(Letter.objects.only("id", "original", "source_name"), pk=pk)
    if not found.original:
        raise Http404("This letter has no original file.")
    try:
        handle = found.original.open("rb")
    except FileNotFoundError as error:
        raise Http404("The original file is missing from storage.") from error
    stored = Path(found.original.name)
    name = Path(found.source_name).name or stored.name
    content_type = ORIGINAL_TYPES.get(stored.suffix.lower(), "application/octet-stream")
    response = FileResponse(handle, as_attachment=True, filename=name, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    return response


# -- guidelines -------------------------------------------------------------


def guideline_by_slug(slug: str) -> Guideline:
    """The guideline row, or an unsaved one for a canonical guideline never cited yet."""
    row = Guideline.objects.filter(slug=slug).first()
    if row is not None:
        return row
    info = vocabulary.GUIDELINE_BY_SLUG.get(slug)
    if info is None:
        raise Http404(f"No guideline is called {slug}.")
    return Guideline(name=info.name, slug=info.slug, short_name=info.short_name)


def guidelines(request: HttpRequest) -> HttpResponse:
    return render(request, "web/guidelines.html", {"guidelines": stats.guideline_index()})


def guideline(request: HttpRequest, slug: str) -> HttpResponse:
    found = guideline_by_slug(slug)
    cited = found.pk is not None
    totals = stats.guideline_totals(found) if cited else None
    return render(request, "web/guideline.html", {
        "guideline": found,
        **data_links(QueryDict(f"guideline={slug}"), totals.items if totals else 0),
        "totals": totals,
        "analytics_url": analytics_url(QueryDict(f"guideline={slug}"), by="page"),
        "chapters": stats.guideline_chapters(found) if cited else [],
        "pages": stats.guideline_pages(found) if cited else [],
    })
