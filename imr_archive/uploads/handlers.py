"""Refuse an oversized upload before its files reach the disk.

Django writes every uploaded file to a temporary file before any view runs
(CSRF checking reads the form). This handler, first in FILE_UPLOAD_HANDLERS,
looks at the request's declared length when the first file begins: past
IMR_UPLOAD_MAX_TOTAL_BYTES it stops the upload. The fields before the files
(the CSRF token comes first in the form) are still parsed, the rest of the
body is read and thrown away, and the view shows the limit instead of a
connection reset.

The rest of the body is read here, a block at a time. Left to Django, it is
read a line at a time (`exhaust`), and a body without line breaks is one
line: a worker held two and a half times any such body in memory (a 400 MB
post peaked at 1 GB).
"""

from __future__ import annotations

from typing import IO

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, StopUpload

# Room for the form's other fields and the multipart headers of many files.
FORM_OVERHEAD_BYTES = 1024 * 1024
REFUSED_ATTRIBUTE = "imr_upload_refused_bytes"


DISCARD_BLOCK_BYTES = 64 * 1024


class UploadSizeLimitHandler(FileUploadHandler):
    """Stops an upload whose request is larger than the per-upload limit allows."""

    content_length = 0
    input_data: IO[bytes] | None = None

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None) -> None:
        self.input_data = input_data
        self.content_length = content_length

    def new_file(self, *args, **kwargs) -> None:
        if self.content_length > settings.IMR_UPLOAD_MAX_TOTAL_BYTES + FORM_OVERHEAD_BYTES:
            setattr(self.request, REFUSED_ATTRIBUTE, self.content_length)
            self._discard_the_rest()
            # The body is read to its end: nothing for Django to read (and hold) after this.
            raise StopUpload(connection_reset=True)

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None

    def _discard_the_rest(self) -> None:
        """Read what is left of the request's body, a block at a time, keeping none of it."""
        if self.input_data is not None:
            while self.input_data.read(DISCARD_BLOCK_BYTES):
                pass


def refused_size(request) -> int | None:
    """The size of the request when the handler stopped its upload, else None."""
    return getattr(request, REFUSED_ATTRIBUTE, None)
