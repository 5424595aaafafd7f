#!/usr/bin/env python
"""Django's command-line utility for IMR Archive."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "imr_archive.settings")
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(sys.argv)
    except ImproperlyConfigured as error:  # a setting the archive refuses: its reason, in one line
        sys.exit(f"manage.py: {error}")


if __name__ == "__main__":
    main()
