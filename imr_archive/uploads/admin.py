"""Upload batches in the admin: read-only records of who uploaded what and what became of it."""

from django.contrib import admin
from django.http import HttpRequest

from imr_archive.uploads.models import UploadBatch, UploadedFile


class UploadedFileInline(admin.TabularInline):
    model = UploadedFile
    fields = ("position", "archive", "name", "size", "status", "reason", "letter")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(UploadBatch)
class UploadBatchAdmin(admin.ModelAdmin):
    """Batches are made by the upload page only; here they can be read (and deleted with their records)."""

    list_display = ("__str__", "uploaded_by", "status", "created", "finished")
    list_filter = ("status",)
    search_fields = ("uploaded_by__username", "files__name")
    readonly_fields = ("uploaded_by", "status", "started", "finished", "created", "modified")
    inlines = [UploadedFileInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False
