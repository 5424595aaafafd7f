"""Keep the file parts of an upload whose name Django's parser would drop, so that each gets its row.

Django's multipart parser drops, without a word, a file part whose name is
nothing once its folders are stripped (`..`, `.`, `letters/`). A browser
never sends such a name; a hand-made request can, and the upload report
must still list every part it received. `KeepNamelessParts`, first in
FILE_UPLOAD_HANDLERS, parses the request itself (the hook Django gives
upload handlers for it) with Django's parser, which then names such a part
UNNAMED_PART instead of dropping it; the upload page refuses it as a file
with no name. A part sent with no file name at all (a form's empty file
input) is not a file and stays ignored.
"""

from __future__ import annotations

from django.core.files.uploadhandler import FileUploadHandler
from django.http.multipartparser import MultiPartParser

from imr_archive.uploads.archives import UNNAMED_PART


class KeepingParser(MultiPartParser):
    """Django's parser, but a file part whose name would be dropped is kept as UNNAMED_PART."""

    def sanitize_file_name(self, file_name: str) -> str:
        return super().sanitize_file_name(file_name) or UNNAMED_PART


class KeepNamelessParts(FileUploadHandler):
    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        others = [handler for handler in self.request.upload_handlers if handler is not self]
        return KeepingParser(META, input_data, others, encoding).parse()
