"""The upload form: several files at once, judged together against the per-upload limit."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

from imr_archive.uploads.archives import megabytes


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.Field):
    """Every chosen file, as a list. An empty or odd file is not a form error: it gets its own row and reason."""

    widget = MultipleFileInput

    def to_python(self, data) -> list[UploadedFile]:
        return [f for f in (data or []) if f]


class UploadForm(forms.Form):
    files = MultipleFileField(
        label="Letter files",
        help_text="Choose or drop several files at once: .txt, .pdf, or a .zip of them.",
        widget=MultipleFileInput(attrs={"accept": ".txt,.pdf,.zip"}),
        error_messages={"required": "Choose at least one file to upload."},
    )

    def __init__(self, *args, refused_bytes: int | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.refused_bytes = refused_bytes
        if refused_bytes:  # the files were never received: the size is the only thing to say
            self.fields["files"].required = False

    def clean(self) -> dict:
        limit = settings.IMR_UPLOAD_MAX_TOTAL_BYTES
        total = self.refused_bytes or sum(f.size for f in self.cleaned_data.get("files", []))
        if total > limit:
            raise ValidationError(
                f"This upload comes to {megabytes(total)}; one upload may be at most {megabytes(limit)}. "
                "Upload the files in several parts.", code="too_large")
        return self.cleaned_data
