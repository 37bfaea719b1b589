#!/usr/bin/env python
"""Django's command-line utility for the Cổng platform."""
import os
import sys
from pathlib import Path

if __name__ == "__main__":
    # platform/ is a plain folder (a package named `platform` would shadow the standard library)
    sys.path.insert(0, str(Path(__file__).resolve().parent / "platform"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cong.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
