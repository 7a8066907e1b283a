#!/usr/bin/env python
import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "catalog.settings")
    from django.core.management import execute_from_command_line
    from django.db import OperationalError

    try:
        execute_from_command_line(sys.argv)
    except OperationalError as exc:
        from catalog.database_errors import explain

        sys.stderr.write(explain(exc) + "\n")
        sys.exit(1)


if __name__ == "__main__":
    main()
