"""Refuse an oversized upload before its files reach the disk.

Django writes every uploaded file to a temporary file before any view runs
(CSRF checking reads the form). This handler, first in FILE_UPLOAD_HANDLERS,
looks at the request's declared length when the first file begins: past
IMR_UPLOAD_MAX_TOTAL_BYTES it stops the upload. The fields before the files
(the CSRF token comes first in the form) are still parsed, the rest of the
body is read and thrown away, and the view shows the limit instead of a
connection reset.
"""

from __future__ import annotations

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, StopUpload

# Room for the form's other fields and the multipart headers of many files.
FORM_OVERHEAD_BYTES = 1024 * 1024
REFUSED_ATTRIBUTE = "imr_upload_refused_bytes"


class UploadSizeLimitHandler(FileUploadHandler):
    """Stops an upload whose request is larger than the per-upload limit allows."""

    content_length = 0

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None) -> None:
        self.content_length = content_length

    def new_file(self, *args, **kwargs) -> None:
        if self.content_length > settings.IMR_UPLOAD_MAX_TOTAL_BYTES + FORM_OVERHEAD_BYTES:
            setattr(self.request, REFUSED_ATTRIBUTE, self.content_length)
            raise StopUpload(connection_reset=False)

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None


def refused_size(request) -> int | None:
    """The size of the request when the handler stopped its upload, else None."""
    return getattr(request, REFUSED_ATTRIBUTE, None)
