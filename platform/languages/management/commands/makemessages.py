"""Django's makemessages, without fuzzy matching.

Our msgids are Vietnamese sentences; msgmerge's guesses for a new one are English
sentences for some other string ("Đang dịch" → "Currently locked"), which would then
pass for translated. A new string stays empty until someone translates it.
"""

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    msgmerge_options = [*makemessages.Command.msgmerge_options, "--no-fuzzy-matching"]
