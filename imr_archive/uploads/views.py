"""Staff pages: upload letter files, follow a batch, the upload history, the review queue.

Every page is for staff: an anonymous visitor is sent to the login page, a
signed-in user who is not staff gets 403.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import InvalidPage, Page, Paginator
from django.db.models import Count, Exists, Max, OuterRef, Prefetch, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from imr_archive.letters.models import Issue, Letter
from imr_archive.parsing import result
from imr_archive.uploads.forms import UploadForm
from imr_archive.uploads.handlers import refused_size
from imr_archive.uploads.intake import receive_upload
from imr_archive.uploads.models import UploadBatch, UploadedFile, outcome_counts
from imr_archive.uploads.processing import STALE_AFTER, schedule

FILES_PER_PAGE = 200
BATCHES_PER_PAGE = 20
FILES_PER_HISTORY_BATCH = 50
LETTERS_PER_PAGE = 25
# What a result row needs of its file and letter (not the letter's text).
ROW_FIELDS = ("batch_id", "position", "name", "archive", "size", "status", "reason", "warnings", "letter",
              "letter__case_number", "letter__source_name", "letter__permalink")


def staff_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Anonymous: to the login page. Signed in but not staff: 403."""

    @wraps(view)
    def checked(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not request.user.is_staff:
            raise PermissionDenied("The upload pages are for staff.")
        return view(request, *args, **kwargs)

    return checked


def _page(request: HttpRequest, items: QuerySet, per_page: int) -> Page:
    paginator = Paginator(items, per_page, orphans=per_page // 10)
    try:
        return paginator.page(request.GET.get("page") or 1)
    except InvalidPage as error:
        raise Http404(str(error)) from None


def _rows(files: QuerySet[UploadedFile]) -> QuerySet[UploadedFile]:
    return files.select_related("letter").only(*ROW_FIELDS).order_by("position")


@staff_required
@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES, refused_bytes=refused_size(request))
        if form.is_valid():
            batch = receive_upload(request.user, form.cleaned_data["files"])
            schedule(batch.pk)
            return redirect(batch)
    else:
        form = UploadForm()
    limits = {
        "file_bytes": settings.IMR_UPLOAD_MAX_FILE_BYTES,
        "total_bytes": settings.IMR_UPLOAD_MAX_TOTAL_BYTES,
        "zip_members": settings.IMR_UPLOAD_MAX_ZIP_MEMBERS,
        "files": settings.DATA_UPLOAD_MAX_NUMBER_FILES,
    }
    return render(request, "uploads/upload.html", {"form": form, "limits": limits})


@staff_required
@require_GET
def batch(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(UploadBatch.objects.select_related("uploaded_by"), pk=pk)
    counts = found.files.aggregate(**outcome_counts(), last_activity=Max("modified"))
    last = counts["last_activity"] or found.modified
    context = {
        "batch": found,
        "counts": counts,
        "page": _page(request, _rows(found.files.all()), FILES_PER_PAGE),
        "stalled": found.running and last < timezone.now() - STALE_AFTER,
        # The page reloads itself while the batch runs (no JavaScript needed); ?refresh=off stops it for
        # whoever cannot work with a page that keeps changing.
        "auto_refresh": found.running and request.GET.get("refresh") != "off",
        "stale_minutes": int(STALE_AFTER.total_seconds() // 60),
    }
    return render(request, "uploads/batch.html", context)


@staff_required
@require_GET
def history(request: HttpRequest) -> HttpResponse:
    first_files = Prefetch("files", queryset=_rows(UploadedFile.objects.all())[:FILES_PER_HISTORY_BATCH],
                          to_attr="first_files")
    batches = UploadBatch.objects.select_related("uploaded_by").prefetch_related(first_files)
    page = _page(request, batches.order_by("-created", "-id"), BATCHES_PER_PAGE)
    shown = list(page.object_list)
    # Counted for this page's batches only, in one query, not over every file ever uploaded.
    counts = UploadedFile.objects.filter(batch__in=[b.pk for b in shown]).values("batch_id")
    by_batch = {row["batch_id"]: row for row in counts.annotate(**outcome_counts())}
    for each in shown:
        each.counts = by_batch.get(each.pk, {})
    page.object_list = shown
    return render(request, "uploads/history.html", {"page": page})


@staff_required
@require_GET
def review(request: HttpRequest) -> HttpResponse:
    """Letters whose parse is incomplete, the longest waiting first."""
    unknown = Issue.objects.filter(letter=OuterRef("pk"), outcome=result.UNKNOWN)
    unknown_count = unknown.order_by().values("letter").annotate(n=Count("pk")).values("n")
    letters = (Letter.objects.filter(Q(needs_review=True) | Exists(unknown))
               .annotate(unknown_items=Coalesce(Subquery(unknown_count), Value(0)))
               .only("id", "case_number", "permalink", "source_name", "warnings", "created", "date_decision")
               # The order letters entered the archive: ids grow with `created`, and the key's index serves it.
               .order_by("id"))
    return render(request, "uploads/review.html", {"page": _page(request, letters, LETTERS_PER_PAGE)})
