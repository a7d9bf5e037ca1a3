"""Private file storage for data exports: outside MEDIA_ROOT, never listed or served by
the web server; the download view checks the owner."""

import logging

from django.conf import settings
from django.core.files.storage import FileSystemStorage

logger = logging.getLogger(__name__)


def private_storage():
    # Read the setting on every call: tests and deployments point it elsewhere.
    return FileSystemStorage(location=settings.PRIVATE_STORAGE_ROOT, base_url=None)


def delete_export_file(export_row):
    if not export_row.file_name:
        return
    try:
        private_storage().delete(export_row.file_name)
    except OSError:  # already gone: nothing to protect any more
        logger.warning("Export %s: Datei %s fehlte", export_row.pk, export_row.file_name)
